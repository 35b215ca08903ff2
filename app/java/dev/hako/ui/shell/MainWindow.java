package dev.hako.ui.shell;

import dev.hako.lxd.api.Instance;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.actions.ContextMenus;
import dev.hako.ui.common.DialogButtons;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.common.Theme;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.tree.ResourceTree;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.view.DetailViews;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceView;
import java.util.HashMap;
import java.util.List;
import dev.hako.ui.welcome.UserAccount;
import dev.hako.ui.welcome.WelcomePage;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window: a filterable resource tree on the left, the selected object on
 * the right, actions in the tool bar and context menus, running operations below.
 * Changing the language rebuilds the content in place.
 */
public final class MainWindow {

    private final Stage stage;
    private final Workspace workspace;
    private final UiSettings settings;
    private final Scene scene;
    private final Map<String, InstanceView> instanceViews = new HashMap<>();
    private ResourceTree tree;
    private ContextMenus actions;
    private DetailViews detailViews;
    private final dev.hako.ui.remotes.RemotesController remotes;
    private WelcomePage.Actions welcomeActions = WelcomePage.Actions.NONE;

    public MainWindow(Stage stage, Workspace workspace, UiSettings settings) {
        this(stage, workspace, settings, null);
    }

    /** With {@code remotes}, the tool bar offers adding, importing and managing remotes. */
    public MainWindow(Stage stage, Workspace workspace, UiSettings settings,
                      dev.hako.ui.remotes.RemotesController remotes) {
        this.remotes = remotes;
        if (remotes != null) {
            dev.hako.ui.cluster.MemberCertificates.useSavedRemotes(remotes);
            dev.hako.ui.wizard.instance.NewInstanceWizard.useRemotesFile(remotes.file());
        }
        this.stage = stage;
        this.workspace = workspace;
        this.settings = settings;
        Theme.apply(settings.darkTheme());
        this.scene = new Scene(new Pane(), 1200, 760);
        rebuild();
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.setOnHidden(e -> disposeViews());
        workspace.remotes().forEach(this::forgetDeletedInstances);
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                forgetDeletedInstances(remote);
            }

            @Override
            public void removed(RemoteModel remote) {
                Platform.runLater(() -> disposeViewsOf(remote.name() + "/"));
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    public ResourceTree tree() {
        return tree;
    }

    /** The actions behind the tool bar and the context menus. */
    public ContextMenus actions() {
        return actions;
    }

    private void rebuild() {
        I18n i18n = new I18n(settings.locale());
        DialogButtons.use(i18n);
        stage.setTitle(i18n.get("app.title"));
        disposeViews();
        actions = new ContextMenus(new ActionContext(() -> stage, i18n, workspace));
        tree = new ResourceTree(workspace, i18n, actions::forSelection);
        dev.hako.ui.wizard.migrate.InstanceDrag.install(tree.view(), () -> stage, i18n, workspace);
        if (detailViews != null) {
            detailViews.dispose();
        }
        DetailViews views = new DetailViews(workspace, i18n);
        detailViews = views;
        StackPane details = new StackPane(detailsOf(i18n, views, null));
        details.setId("details");
        ChangeListener<TreeEntry> showEntry = (obs, old, entry) -> {
            // Instance views follow their entry; other views are rebuilt only when another object is selected.
            if (entry instanceof TreeEntry.InstanceEntry) {
                details.getChildren().setAll(detailsOf(i18n, views, entry));
            }
        };
        tree.view().getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (old != null) {
                old.valueProperty().removeListener(showEntry);
            }
            if (item != null) {
                item.valueProperty().addListener(showEntry);
            }
            details.getChildren().setAll(detailsOf(i18n, views, item == null ? null : item.getValue()));
        });

        TextField filter = new TextField();
        filter.setId("treeFilter");
        filter.setPromptText(i18n.get("tree.filter.prompt"));
        filter.textProperty().addListener((obs, old, text) -> tree.setFilter(text));
        VBox left = new VBox(filter, tree.view());
        VBox.setVgrow(tree.view(), Priority.ALWAYS);
        VBox.setMargin(filter, new Insets(6));

        SplitPane split = new SplitPane(left, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(left, false);

        BorderPane root = new BorderPane(split);
        // A handler, not a filter: text fields consume their own Delete key before it gets here.
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            }
        });
        root.setTop(toolBar(i18n));
        root.setBottom(new VBox(new OperationsDrawer(workspace, i18n).node(), new StatusBar(workspace, i18n).node()));
        scene.setRoot(root);
        Theme.decorate(scene, settings.darkTheme());
    }

    private static Node placeholder(I18n i18n) {
        Label hint = new Label(i18n.get("details.placeholder"));
        hint.getStyleClass().add("text-muted");
        return hint;
    }

    /** The detail view of a tree entry; instance views are kept so their sessions survive navigation. */
    private Node detailsOf(I18n i18n, DetailViews views, TreeEntry entry) {
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
            instanceViews.values().forEach(v -> v.setShown(false));
            view.setShown(true);
            return view.node();
        }
        instanceViews.values().forEach(v -> v.setShown(false));
        if (entry == null && WelcomePage.needed(workspace, UserAccount.current())) {
            return WelcomePage.forEnvironment(i18n, System.getenv(), welcomeActions).node();
        }
        Node view = views.viewOf(entry);
        return view == null ? placeholder(i18n) : view;
    }

    /** A deleted (or renamed) instance's view ends its sessions and is dropped. */
    private void forgetDeletedInstances(RemoteModel remote) {
        remote.instances().addListener(change -> {
            if (!change.removed().isEmpty() || change.reloaded()) {
                Platform.runLater(() -> {
                    for (String key : List.copyOf(instanceViews.keySet())) {
                        if (key.startsWith(remote.name() + "/")
                                && !change.snapshot().containsKey(key.substring(remote.name().length() + 1))) {
                            instanceViews.remove(key).dispose();
                        }
                    }
                });
            }
        });
    }

    private void disposeViewsOf(String prefix) {
        for (String key : List.copyOf(instanceViews.keySet())) {
            if (key.startsWith(prefix)) {
                instanceViews.remove(key).dispose();
            }
        }
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
        if (detailViews != null) {
            detailViews.dispose();
        }
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
        ToolBar bar = new ToolBar(title, new Separator(Orientation.VERTICAL),
                toolButton(i18n, "toolbarCreate", Material2AL.ADD_BOX, "action.create", (remote, selected) ->
                        actions.instances().create(remote), true),
                toolButton(i18n, "toolbarStart", Material2MZ.PLAY_ARROW, "action.start",
                        (remote, selected) -> actions.instances().start(remote, selected), false),
                toolButton(i18n, "toolbarStop", Material2MZ.STOP, "action.stop",
                        (remote, selected) -> actions.instances().stop(remote, selected), false),
                toolButton(i18n, "toolbarRestart", Material2MZ.REPLAY, "action.restart",
                        (remote, selected) -> actions.instances().restart(remote, selected), false),
                toolButton(i18n, "toolbarDelete", Material2AL.DELETE, "action.delete",
                        (remote, selected) -> actions.instances().delete(remote, selected), false),
                spacer, Icons.of(Material2AL.LANGUAGE, "toolbar-icon"), language, dark);
        if (remotes != null) {
            bar.getItems().add(1, remotes.menuButton(() -> stage, i18n, () -> {
                TreeItem<TreeEntry> item = tree.view().getSelectionModel().getSelectedItem();
                return item == null || item.getValue() == null ? null : item.getValue().remote();
            }));
        }
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    /**
     * A tool bar button acting on the selected instances of one remote (or, for
     * creation, on the remote of whatever is selected, or the only remote).
     */
    private Button toolButton(I18n i18n, String id, Ikon ikon, String key,
                              BiConsumer<RemoteModel, List<Instance>> action, boolean remoteOnly) {
        Button button = new Button(null, Icons.of(ikon, "toolbar-icon"));
        button.setId(id);
        button.setTooltip(new Tooltip(i18n.get(key)));
        button.setOnAction(e -> {
            List<TreeEntry> selection = tree.selectedEntries();
            RemoteModel remote = selection.isEmpty()
                    ? (workspace.remotes().size() == 1 ? workspace.remotes().get(0) : null)
                    : workspace.remote(selection.get(0).remote());
            if (remote == null) {
                return;
            }
            List<Instance> instances = selection.stream()
                    .filter(s -> s instanceof TreeEntry.InstanceEntry && s.remote().equals(remote.name()))
                    .map(s -> ((TreeEntry.InstanceEntry) s).instance()).toList();
            if (remoteOnly || !instances.isEmpty()) {
                action.accept(remote, instances);
            }
        });
        return button;
    }

    private void deleteSelected() {
        List<TreeEntry> selection = tree.selectedEntries();
        if (selection.isEmpty()) {
            return;
        }
        RemoteModel remote = workspace.remote(selection.get(0).remote());
        List<Instance> instances = selection.stream()
                .filter(s -> s instanceof TreeEntry.InstanceEntry && remote != null && s.remote().equals(remote.name()))
                .map(s -> ((TreeEntry.InstanceEntry) s).instance()).toList();
        if (remote != null && !instances.isEmpty()) {
            actions.instances().delete(remote, instances);
        }
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
