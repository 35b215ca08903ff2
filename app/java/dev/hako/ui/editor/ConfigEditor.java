package dev.hako.ui.editor;

import dev.hako.model.RemoteModel;
import dev.hako.model.config.ConfigSave;
import dev.hako.model.config.ConfigStore;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import dev.hako.model.config.ObjectKind;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The editor of one object's editable part: a property sheet, a device table
 * (instances and profiles) and the YAML text, all editing the one draft of its
 * {@link ConfigEditorViewModel}. A save is reviewed first; a concurrent change opens
 * the conflict view — yours, where you started, the server's now — and nothing is
 * overwritten unless the user says so. The draft survives every error and a switch
 * of language, which relabels the editor in place.
 *
 * <p>Entry points: {@link #forInstance}, {@link #forProfile}, {@link #forNetwork},
 * {@link #forStoragePool}, {@link #forStorageVolume}, {@link #forProject},
 * {@link #forServer}; put {@link #node()} in a view and call {@link #dispose()}
 * when the view goes. Create and use on the FX thread; loading starts at once.
 */
public final class ConfigEditor {

    private static final String CSS = ConfigEditor.class.getResource("/dev/hako/ui/editor/editors.css")
            .toExternalForm();

    private final ConfigEditorViewModel model;
    private final EditorTexts texts;
    private final TaskExecutor tasks;
    private final ConfigCatalog catalog;
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final TabPane tabs = new TabPane();
    private final PropertySheetView sheet;
    private final DeviceEditorView devices;
    private final YamlEditorView yaml;
    /** The last control the user worked in on a tab: focus goes back there after a save or a review. */
    private Node lastFocus;
    private final ChangeListener<Node> focusWatch = (o, was, now) -> {
        if (now != null && inside(now, tabs)) {
            lastFocus = now;
        }
    };

    public ConfigEditor(RemoteModel remote, EditTarget target, I18n i18n) {
        this(remote, target, i18n, FxTaskExecutor.get(), FxDialogService.forFocusedWindow(i18n));
    }

    public ConfigEditor(RemoteModel remote, EditTarget target, I18n i18n, TaskExecutor tasks, DialogService dialogs) {
        this(new ConfigEditorViewModel(target, new ConfigSave(ConfigStore.of(target, remote)), remote, i18n, tasks,
                dialogs, ConfigCatalog.shipped()), i18n, tasks);
    }

    ConfigEditor(ConfigEditorViewModel model, I18n i18n, TaskExecutor tasks) {
        this.model = model;
        this.texts = new EditorTexts(i18n);
        this.tasks = tasks;
        this.catalog = ConfigCatalog.shipped();
        root.getStyleClass().add("config-editor");
        root.getStylesheets().add(CSS);
        root.setId("configEditor-" + model.kind().id());

        sheet = new PropertySheetView(model, catalog, texts);
        devices = model.kind().hasDevices() ? new DeviceEditorView(model, texts) : null;
        yaml = new YamlEditorView(model, texts);
        tabs.getTabs().add(tab("propertiesTab", "editor.tab.properties", sheet.node()));
        if (devices != null) {
            tabs.getTabs().add(tab("devicesTab", "editor.tab.devices", devices.node()));
        }
        Tab yamlTab = tab("yamlTab", "editor.tab.yaml", yaml.node());
        tabs.getTabs().add(yamlTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            shown(now);
            if (was == yamlTab && model.edits().yamlInvalidProperty().get()) {
                model.say(Banner.error("editor.yaml.invalidKept"));
            }
        });
        shown(tabs.getSelectionModel().getSelectedItem());
        tabs.disableProperty().bind(model.overlayProperty().isNotEqualTo(ConfigEditorState.Overlay.NONE)
                .or(model.savingProperty()));

        root.setTop(toolbar());
        center.getChildren().add(tabs);
        root.setCenter(center);
        model.overlayProperty().addListener((o, was, now) -> showOverlay(now));
        model.savingProperty().addListener((o, was, now) -> {
            if (!now) {
                tasks.runOnUi(this::restoreFocus);
            }
        });
        root.sceneProperty().addListener((o, was, now) -> watchFocus(was, now));
        // Ctrl+S (Cmd+S on macOS) starts a save, which still goes through the review.
        KeyCodeCombination saveKey = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (saveKey.match(e)) {
                e.consume();
                if (model.canSaveProperty().get()) {
                    model.save();
                }
            }
        });
        model.load();
    }

    // ---- entry points -------------------------------------------------------------------------

    public static ConfigEditor forInstance(RemoteModel remote, String name, I18n i18n) {
        return new ConfigEditor(remote, EditTarget.instance(name), i18n);
    }

    public static ConfigEditor forProfile(RemoteModel remote, String name, I18n i18n) {
        return new ConfigEditor(remote, EditTarget.profile(name), i18n);
    }

    public static ConfigEditor forNetwork(RemoteModel remote, String name, I18n i18n) {
        return new ConfigEditor(remote, EditTarget.network(name), i18n);
    }

    public static ConfigEditor forStoragePool(RemoteModel remote, String name, I18n i18n) {
        return new ConfigEditor(remote, EditTarget.storagePool(name), i18n);
    }

    /** {@code type} is the volume type in the URL: custom, container, virtual-machine or image. */
    public static ConfigEditor forStorageVolume(RemoteModel remote, String pool, String type, String name, I18n i18n) {
        return new ConfigEditor(remote, EditTarget.storageVolume(pool, type, name), i18n);
    }

    public static ConfigEditor forProject(RemoteModel remote, String name, I18n i18n) {
        return new ConfigEditor(remote, EditTarget.project(name), i18n);
    }

    public static ConfigEditor forServer(RemoteModel remote, I18n i18n) {
        return new ConfigEditor(remote, EditTarget.server(), i18n);
    }

    /** The editor, to embed in a view (a tab, a split pane …). */
    public Node node() {
        return root;
    }

    public ConfigEditorViewModel viewModel() {
        return model;
    }

    /** Whether the user has changes that are not saved. */
    public boolean hasUnsavedChanges() {
        return model.isDirty();
    }

    /** Called on the FX thread after each successful save with what the server now has. */
    public void setOnSaved(Consumer<EditDocument> onSaved) {
        model.setOnSaved(onSaved);
    }

    /** Reloads when nothing is being edited (e.g. after an event said the object changed). */
    public void refreshIfClean() {
        model.refreshIfClean();
    }

    public void dispose() {
        model.dispose();
    }

    EditDocument draft() {
        return model.draft();
    }

    // ---- layout -------------------------------------------------------------------------------

    /** Only the shown tab follows the draft as it changes; the others catch up when they are shown. */
    private void shown(Tab tab) {
        String id = tab == null ? "" : tab.getId();
        sheet.setActive("propertiesTab".equals(id));
        if (devices != null) {
            devices.setActive("devicesTab".equals(id));
        }
        yaml.setActive("yamlTab".equals(id));
    }

    private Tab tab(String id, String key, Node content) {
        Tab tab = new Tab();
        tab.textProperty().bind(texts.get(key));
        tab.setContent(content);
        tab.setId(id);
        return tab;
    }

    private Node toolbar() {
        Label title = new Label();
        title.textProperty().bind(texts.computed(() -> texts.i18n().get("editor.kind." + model.kind().id())
                + (model.name().isEmpty() ? "" : " " + model.name())));
        title.getStyleClass().add("title-4");
        Button save = texts.button("saveButton", "editor.save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.save());
        Button discard = texts.button("discardButton", "editor.discard");
        discard.disableProperty().bind(model.canDiscardProperty().not());
        discard.setOnAction(e -> model.discard());
        Button reload = texts.button("reloadButton", "editor.reload");
        reload.disableProperty().bind(model.savingProperty());
        reload.setOnAction(e -> model.reload());
        Button cli = texts.button("cliButton", "editor.cli");
        cli.setOnAction(e -> model.tools().showCli());
        HBox bar = new HBox(8, title, activity(), spacer(), save, discard, reload, cli);
        if (model.kind() == ObjectKind.INSTANCE || model.kind() == ObjectKind.PROFILE) {
            MenuButton presets = texts.bind(new MenuButton(), "editor.presets");
            presets.setId("presetsButton");
            MenuItem docker = new MenuItem();
            docker.textProperty().bind(texts.get("editor.preset.docker"));
            docker.setId("presetDocker");
            docker.setOnAction(e -> model.tools().showDockerPreset());
            MenuItem limits = new MenuItem();
            limits.textProperty().bind(texts.get("editor.preset.limits"));
            limits.setId("presetLimits");
            limits.setOnAction(e -> model.tools().showLimitsForm());
            presets.getItems().addAll(docker, limits);
            bar.getChildren().add(bar.getChildren().indexOf(save), presets);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 4, 10));

        Label notice = OverlayParts.wrapped(texts, "editor.noEtag", "editor-notice");
        notice.setId("editorNotice");
        notice.visibleProperty().bind(model.noEtagProperty());
        notice.managedProperty().bind(model.noEtagProperty());
        VBox top = new VBox(4, bar, notice, banner());
        top.setPadding(new Insets(0, 10, 4, 10));
        return top;
    }

    /** While the editor reads or writes: a spinner and what it is doing. */
    private Node activity() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        Label doing = new Label();
        doing.setId("editorActivity");
        doing.getStyleClass().add("text-muted");
        doing.textProperty().bind(texts.computed(() -> texts.i18n().get(model.savingProperty().get()
                ? "editor.saving" : "editor.loading"), model.savingProperty()));
        HBox box = new HBox(6, spinner, doing);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(model.busyProperty());
        box.managedProperty().bind(model.busyProperty());
        return box;
    }

    private Label banner() {
        Label message = new Label();
        message.setId("editorMessage");
        message.setWrapText(true);
        message.textProperty().bind(texts.computed(() -> model.bannerProperty().get() == null ? ""
                : model.bannerProperty().get().text(texts.i18n()), model.bannerProperty()));
        message.visibleProperty().bind(model.bannerProperty().isNotNull());
        message.managedProperty().bind(model.bannerProperty().isNotNull());
        model.bannerProperty().addListener((o, was, now) -> {
            message.getStyleClass().removeAll("editor-error", "editor-info");
            message.getStyleClass().add(now != null && now.error() ? "editor-error" : "editor-info");
        });
        message.getStyleClass().add("editor-info");
        return message;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    // ---- overlays and focus -------------------------------------------------------------------

    private void showOverlay(ConfigEditorState.Overlay overlay) {
        if (center.getChildren().size() > 1) {
            center.getChildren().remove(1, center.getChildren().size());
        }
        Node pane = switch (overlay) {
            case NONE -> null;
            case REVIEW -> ReviewPane.build(model, model.reviewProperty().get(), texts);
            case CONFLICT -> ConflictPane.build(model, model.conflictProperty().get(), texts);
            case CLI -> ToolPanes.cli(model, texts);
            case DOCKER -> ToolPanes.docker(model, texts);
            case LIMITS -> ToolPanes.limits(model, catalog, texts);
        };
        if (pane != null) {
            center.getChildren().add(pane);
        } else if (!model.savingProperty().get()) {
            tasks.runOnUi(this::restoreFocus);
        }
    }

    private void watchFocus(Scene was, Scene now) {
        if (now != null) {
            now.focusOwnerProperty().addListener(new WeakChangeListener<>(focusWatch));
        }
    }

    /** Puts the focus back where the user worked, or on the tabs when that control is gone. */
    private void restoreFocus() {
        if (root.getScene() == null || tabs.isDisabled()) {
            return;
        }
        Node target = lastFocus != null && lastFocus.getScene() == root.getScene() && inside(lastFocus, tabs)
                ? lastFocus : sameId(lastFocus);
        (target != null ? target : tabs).requestFocus();
    }

    /** After a rebuild the control is new: the one with the same id on the shown tab. */
    private Node sameId(Node gone) {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (gone == null || gone.getId() == null || shown == null || !(shown.getContent() instanceof Parent p)) {
            return null;
        }
        return find(p, gone.getId());
    }

    private static Node find(Parent parent, String id) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (id.equals(child.getId())) {
                return child;
            }
            if (child instanceof Parent p) {
                Node found = find(p, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
