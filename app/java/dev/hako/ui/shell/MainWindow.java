package dev.hako.ui.shell;

import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceView;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.common.Theme;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.tree.ResourceTree;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.welcome.UserAccount;
import dev.hako.ui.welcome.WelcomePage;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window: the resource tree on the left, the selected object on the right,
 * theme and language in the tool bar. Changing the language rebuilds the content in place.
 */
public final class MainWindow {

    private final Stage stage;
    private final Workspace workspace;
    private final UiSettings settings;
    private final Scene scene;
    private ResourceTree tree;
    private final java.util.Map<String, InstanceView> instanceViews = new java.util.HashMap<>();
    private WelcomePage.Actions welcomeActions = WelcomePage.Actions.NONE;

    public MainWindow(Stage stage, Workspace workspace, UiSettings settings) {
        this.stage = stage;
        this.workspace = workspace;
        this.settings = settings;
        Theme.apply(settings.darkTheme());
        this.scene = new Scene(new Pane(), 1200, 760);
        rebuild();
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(400);
    }

    public Scene scene() {
        return scene;
    }

    public ResourceTree tree() {
        return tree;
    }

    private void rebuild() {
        I18n i18n = new I18n(settings.locale());
        stage.setTitle(i18n.get("app.title"));
        tree = new ResourceTree(workspace, i18n);
        disposeViews();
        StackPane details = new StackPane(detailsOf(i18n, null));
        details.setId("details");
        ChangeListener<TreeEntry> showEntry = (obs, old, entry) -> details.getChildren().setAll(detailsOf(i18n, entry));
        tree.view().getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (old != null) {
                old.valueProperty().removeListener(showEntry);
            }
            if (item != null) {
                item.valueProperty().addListener(showEntry);
            }
            details.getChildren().setAll(detailsOf(i18n, item == null ? null : item.getValue()));
        });

        SplitPane split = new SplitPane(tree.view(), details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(tree.view(), false);

        BorderPane root = new BorderPane(split);
        root.setTop(toolBar(i18n));
        root.setBottom(new StatusBar(workspace, i18n).node());
        scene.setRoot(root);
        Theme.decorate(scene, settings.darkTheme());
    }

    private static Parent placeholder(I18n i18n) {
        Label hint = new Label(i18n.get("details.placeholder"));
        hint.getStyleClass().add("text-muted");
        return hint;
    }

    /** The detail view of a tree entry; instance views are kept so their sessions survive navigation. */
    private Parent detailsOf(I18n i18n, TreeEntry entry) {
        if (entry instanceof TreeEntry.InstanceEntry instance) {
            RemoteModel remote = workspace.remote(instance.remote());
            if (remote == null) {
                return placeholder(i18n);
            }
            String key = instance.remote() + "/" + instance.instance().name();
            InstanceView view = instanceViews.get(key);
            if (view == null) {
                view = new InstanceView(new InstanceContext(remote, instance.instance().name(), i18n),
                        instance.instance());
                instanceViews.put(key, view);
            } else {
                view.instanceChanged(instance.instance());
            }
            return (Parent) view.node();
        }
        if (entry == null && WelcomePage.needed(workspace, UserAccount.current())) {
            return (Parent) WelcomePage.forEnvironment(i18n, System.getenv(), welcomeActions).node();
        }
        return placeholder(i18n);
    }

    /** Gives the first-run page its buttons (import remotes, add a remote, set up a local server). */
    public void setWelcomeActions(WelcomePage.Actions actions) {
        this.welcomeActions = actions;
        rebuild();
    }

    /** Ends the sessions of every kept view (language change, window close). */
    public void disposeViews() {
        instanceViews.values().forEach(InstanceView::dispose);
        instanceViews.clear();
    }

    private ToolBar toolBar(I18n i18n) {
        ToggleButton dark = new ToggleButton(null, Icons.of(settings.darkTheme() ? Material2MZ.WB_SUNNY
                : Material2AL.BRIGHTNESS_2, "toolbar-icon"));
        dark.setId("themeToggle");
        dark.setSelected(settings.darkTheme());
        dark.setTooltip(new Tooltip(i18n.get("toolbar.theme")));
        dark.setOnAction(e -> {
            settings.setDarkTheme(dark.isSelected());
            Theme.apply(dark.isSelected());
            rebuild();
        });

        ComboBox<Locale> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().setAll(I18n.supported());
        language.setValue(i18n.locale());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : locale.getDisplayLanguage(locale);
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        });
        language.setTooltip(new Tooltip(i18n.get("toolbar.language")));
        language.setOnAction(e -> {
            if (language.getValue() != null && !language.getValue().equals(i18n.locale())) {
                settings.setLocale(language.getValue());
                rebuild();
            }
        });

        Pane spacer = new Pane();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label(i18n.get("app.title"));
        title.getStyleClass().add("title-4");
        ToolBar bar = new ToolBar(title, spacer, Icons.of(Material2AL.LANGUAGE, "toolbar-icon"), language, dark);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    /** Selects the tree row for an instance, e.g. from a test or a search. */
    public boolean select(String remote, String instance) {
        for (TreeItem<TreeEntry> remoteItem : tree.view().getRoot().getChildren()) {
            for (TreeItem<TreeEntry> group : remoteItem.getChildren()) {
                for (TreeItem<TreeEntry> row : group.getChildren()) {
                    if (row.getValue() instanceof TreeEntry.InstanceEntry entry && entry.remote().equals(remote)
                            && entry.instance().name().equals(instance)) {
                        tree.view().getSelectionModel().clearSelection();
                        tree.view().getSelectionModel().select(row);
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
