package dev.hako.ui.shell;

import dev.hako.lxd.api.Instance;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.actions.ContextMenus;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import dev.hako.ui.common.Theme;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.tree.ResourceTree;
import dev.hako.ui.tree.TreeEntry;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window's tool bar: instance actions on the selection, the remotes menu,
 * the language and the theme. Both switches act in place: nothing in the window is
 * rebuilt, so sessions, transfers and drafts carry on.
 */
final class MainToolBar {

    private final ToolBar bar = new ToolBar();
    private final I18n i18n;
    private final UiSettings settings;
    private final Workspace workspace;
    private final ResourceTree tree;
    private final ContextMenus actions;
    /** Each button's check of whether it has something to act on now. */
    private final java.util.Map<Button, java.util.function.BooleanSupplier> usable = new java.util.LinkedHashMap<>();

    MainToolBar(I18n i18n, UiSettings settings, Workspace workspace, ResourceTree tree, ContextMenus actions,
                Supplier<Node> remotesMenu) {
        this.i18n = i18n;
        this.settings = settings;
        this.workspace = workspace;
        this.tree = tree;
        this.actions = actions;
        Pane spacer = new Pane();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label();
        title.textProperty().bind(i18n.text("app.title"));
        title.getStyleClass().add("title-4");
        bar.getItems().addAll(title, new Separator(Orientation.VERTICAL),
                toolButton("toolbarCreate", Material2AL.ADD_BOX, "action.create", (remote, selected) ->
                        actions.instances().create(remote), true),
                toolButton("toolbarStart", Material2MZ.PLAY_ARROW, "action.start",
                        (remote, selected) -> actions.instances().start(remote, selected), false),
                toolButton("toolbarStop", Material2MZ.STOP, "action.stop",
                        (remote, selected) -> actions.instances().stop(remote, selected), false),
                toolButton("toolbarRestart", Material2MZ.REPLAY, "action.restart",
                        (remote, selected) -> actions.instances().restart(remote, selected), false),
                toolButton("toolbarDelete", Material2AL.DELETE, "action.delete",
                        (remote, selected) -> actions.instances().delete(remote, selected), false),
                spacer, Icons.of(Material2AL.LANGUAGE, "toolbar-icon"), languageChoice(), themeToggle());
        if (remotesMenu != null) {
            // The remotes menu is built in the current language; it holds no state, so a new one replaces it.
            bar.getItems().add(1, remotesMenu.get());
            i18n.localeProperty().addListener((o, was, now) -> bar.getItems().set(1, remotesMenu.get()));
        }
        bar.setPadding(new Insets(4, 8, 4, 8));
        // Buttons with nothing to act on (no server, no instance selected) are disabled, not silent.
        tree.view().getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<Object>) change -> refreshUsable());
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                dev.hako.ui.common.FxTaskExecutor.get().runOnUi(MainToolBar.this::refreshUsable);
            }

            @Override
            public void removed(RemoteModel remote) {
                dev.hako.ui.common.FxTaskExecutor.get().runOnUi(MainToolBar.this::refreshUsable);
            }
        });
        refreshUsable();
    }

    private void refreshUsable() {
        usable.forEach((button, check) -> button.setDisable(!check.getAsBoolean()));
    }

    /** The remote the tool bar acts on: the selection's, or the only one. */
    private RemoteModel targetRemote(List<TreeEntry> selection) {
        return selection.isEmpty()
                ? (workspace.remotes().size() == 1 ? workspace.remotes().get(0) : null)
                : workspace.remote(selection.get(0).remote());
    }

    private List<Instance> targetInstances(RemoteModel remote) {
        return remote == null ? List.of() : tree.selectedInstancesOf(remote.name());
    }

    ToolBar node() {
        return bar;
    }

    private static Tooltip tooltip(I18n i18n, String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text(key));
        return tip;
    }

    private ToggleButton themeToggle() {
        ToggleButton dark = new ToggleButton();
        dark.setId("themeToggle");
        dark.setSelected(settings.darkTheme());
        dark.setGraphic(themeIcon(settings.darkTheme()));
        dark.setTooltip(tooltip(i18n, "toolbar.theme"));
        dark.setOnAction(e -> {
            settings.setDarkTheme(dark.isSelected());
            dark.setGraphic(themeIcon(dark.isSelected()));
            Theme.switchTo(dark.isSelected());
        });
        return dark;
    }

    private static Node themeIcon(boolean dark) {
        return Icons.of(dark ? Material2MZ.WB_SUNNY : Material2AL.BRIGHTNESS_2, "toolbar-icon");
    }

    private ComboBox<Locale> languageChoice() {
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
        language.setTooltip(tooltip(i18n, "toolbar.language"));
        language.setOnAction(e -> {
            if (language.getValue() != null && !language.getValue().equals(i18n.locale())) {
                settings.setLocale(language.getValue());
                i18n.setLocale(language.getValue());
            }
        });
        return language;
    }

    /**
     * A tool bar button acting on the selected instances of one remote (or, for
     * creation, on the remote of whatever is selected, or the only remote).
     */
    private Button toolButton(String id, Ikon ikon, String key, BiConsumer<RemoteModel, List<Instance>> action,
                              boolean remoteOnly) {
        Button button = new Button(null, Icons.of(ikon, "toolbar-icon"));
        button.setId(id);
        button.setTooltip(tooltip(i18n, key));
        java.util.function.BooleanSupplier hasTarget = () -> {
            List<TreeEntry> selection = tree.selectedEntries();
            RemoteModel remote = targetRemote(selection);
            return remote != null && (remoteOnly || !targetInstances(remote).isEmpty());
        };
        usable.put(button, hasTarget);
        button.setOnAction(e -> {
            List<TreeEntry> selection = tree.selectedEntries();
            RemoteModel remote = targetRemote(selection);
            List<Instance> instances = targetInstances(remote);
            if (remote != null && (remoteOnly || !instances.isEmpty())) {
                action.accept(remote, instances);
            }
        });
        return button;
    }
}
