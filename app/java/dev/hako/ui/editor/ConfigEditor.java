package dev.hako.ui.editor;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.PreconditionFailedException;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The editor of one object's editable part: a property sheet, a device table
 * (instances and profiles) and the YAML text, one draft shared by the three.
 * A save sends the ETag that was loaded; a concurrent change (412, or a
 * difference found before saving when the server sends no ETag) opens the
 * conflict view — yours, where you started, the server's now — and nothing is
 * overwritten unless the user says so. The draft survives every error.
 *
 * <p>Entry points: {@link #forInstance}, {@link #forProfile}, {@link #forNetwork},
 * {@link #forStoragePool}, {@link #forStorageVolume}, {@link #forProject},
 * {@link #forServer}; put {@link #node()} in a view and call {@link #dispose()}
 * when the view goes. Create and use on the FX thread; loading starts at once.
 */
public final class ConfigEditor {

    private static final String CSS = ConfigEditor.class.getResource("/dev/hako/ui/editor/editors.css")
            .toExternalForm();

    private final RemoteModel remote;
    private final EditTarget target;
    private final I18n i18n;
    private final ConfigCatalog catalog = ConfigCatalog.shipped();
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final TabPane tabs = new TabPane();
    private final Tab yamlTab;
    private final Label message = new Label();
    private final Label notice = new Label();
    private final Button save = new Button();
    private final Button discard = new Button();
    private final PropertySheetView sheet;
    private final DeviceEditorView devices;
    private final YamlEditorView yaml;
    private EditTarget.Loaded loaded;
    private EditDocument base;
    private EditDocument draft;
    private boolean yamlStale = true;
    private boolean busy;
    private boolean disposed;
    private Consumer<EditDocument> onSaved = d -> { };

    public ConfigEditor(RemoteModel remote, EditTarget target, I18n i18n) {
        this.remote = remote;
        this.target = target;
        this.i18n = i18n;
        root.getStyleClass().add("config-editor");
        root.getStylesheets().add(CSS);
        root.setId("configEditor-" + target.kind().id());

        sheet = new PropertySheetView(target.kind(), catalog, i18n, this::edited);
        devices = new DeviceEditorView(i18n, this::edited);
        yaml = new YamlEditorView(target.kind(), catalog, i18n, this::yamlParsed);

        Tab sheetTab = new Tab(i18n.get("editor.tab.properties"), sheet.node());
        sheetTab.setId("propertiesTab");
        tabs.getTabs().add(sheetTab);
        if (target.kind().hasDevices()) {
            Tab deviceTab = new Tab(i18n.get("editor.tab.devices"), devices.node());
            deviceTab.setId("devicesTab");
            tabs.getTabs().add(deviceTab);
        }
        yamlTab = new Tab(i18n.get("editor.tab.yaml"), yaml.node());
        yamlTab.setId("yamlTab");
        tabs.getTabs().add(yamlTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> tabChanged(was, now));

        root.setTop(toolbar());
        center.getChildren().add(tabs);
        root.setCenter(center);
        // Ctrl+S (Cmd+S on macOS) starts a save, which still goes through the review.
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.S,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                if (!save.isDisabled()) {
                    save();
                }
            }
        });
        load();
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

    /** Whether the user has changes that are not saved. */
    public boolean hasUnsavedChanges() {
        return draft != null && base != null && !draft.equals(base);
    }

    /** Called on the FX thread after each successful save with what the server now has. */
    public void setOnSaved(Consumer<EditDocument> onSaved) {
        this.onSaved = onSaved == null ? d -> { } : onSaved;
    }

    /** Reloads when nothing is being edited (e.g. after an event said the object changed). */
    public void refreshIfClean() {
        if (!hasUnsavedChanges() && !busy && !overlayShown()) {
            load();
        }
    }

    public void dispose() {
        disposed = true;
    }

    EditDocument draft() {
        return draft;
    }

    // ---- layout -------------------------------------------------------------------------------

    private Node toolbar() {
        String kindKey = "editor.kind." + target.kind().id();
        Label title = new Label(i18n.get(kindKey)
                + (target.name().isEmpty() ? "" : " " + target.name()));
        title.getStyleClass().add("title-4");
        save.setText(i18n.get("editor.save"));
        save.setId("saveButton");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> save());
        discard.setText(i18n.get("editor.discard"));
        discard.setId("discardButton");
        discard.setOnAction(e -> discard());
        Button reload = new Button(i18n.get("editor.reload"));
        reload.setId("reloadButton");
        reload.setOnAction(e -> {
            if (hasUnsavedChanges()) {
                message(i18n.get("editor.reloadKeepsDraft"), false);
            }
            load();
        });
        Button cli = new Button(i18n.get("editor.cli"));
        cli.setId("cliButton");
        cli.setOnAction(e -> showCli());
        HBox bar = new HBox(8, title, spacer(), save, discard, reload, cli);
        if (target.kind() == ObjectKind.INSTANCE || target.kind() == ObjectKind.PROFILE) {
            MenuButton presets = new MenuButton(i18n.get("editor.presets"));
            presets.setId("presetsButton");
            MenuItem docker = new MenuItem(i18n.get("editor.preset.docker"));
            docker.setId("presetDocker");
            docker.setOnAction(e -> showDockerPreset());
            MenuItem limits = new MenuItem(i18n.get("editor.preset.limits"));
            limits.setId("presetLimits");
            limits.setOnAction(e -> showLimitsForm());
            presets.getItems().addAll(docker, limits);
            bar.getChildren().add(bar.getChildren().indexOf(save), presets);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 4, 10));
        message.setId("editorMessage");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);
        notice.setId("editorNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add("editor-notice");
        notice.setManaged(false);
        notice.setVisible(false);
        VBox top = new VBox(4, bar, notice, message);
        top.setPadding(new Insets(0, 10, 4, 10));
        updateButtons();
        return top;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private void message(String text, boolean error) {
        message.setText(text == null ? "" : text);
        message.getStyleClass().removeAll("editor-error", "editor-info");
        message.getStyleClass().add(error ? "editor-error" : "editor-info");
        message.setVisible(text != null);
        message.setManaged(text != null);
    }

    private void updateButtons() {
        boolean dirty = hasUnsavedChanges() || (yamlTab.isSelected() && !yaml.lastResult().ok());
        save.setDisable(busy || draft == null || overlayShown());
        discard.setDisable(busy || !dirty);
    }

    // ---- draft --------------------------------------------------------------------------------

    private void edited(EditDocument document) {
        draft = document;
        yamlStale = true;
        updateButtons();
    }

    private void yamlParsed(YamlCodec.Result result) {
        if (yamlTab.isSelected() && result.ok()) {
            draft = result.document();
        }
        if (yamlTab.isSelected()) {
            updateButtons();
        }
    }

    private void tabChanged(Tab was, Tab now) {
        if (draft == null) {
            return;
        }
        if (now == yamlTab && yamlStale) {
            yaml.setDocument(draft);
            yamlStale = false;
        } else if (was == yamlTab) {
            if (!yaml.lastResult().ok()) {
                message(i18n.get("editor.yaml.invalidKept"), true);
            }
            sheet.setDocument(draft);
            devices.setDocument(draft);
        }
    }

    /** Shows {@code document} everywhere (after a load, a merge or a preset). */
    private void show(EditDocument document) {
        draft = document;
        sheet.setDocument(document);
        devices.setDocument(document);
        if (yamlTab.isSelected()) {
            yaml.setDocument(document);
            yamlStale = false;
        } else {
            yamlStale = true;
        }
        updateButtons();
    }

    private void discard() {
        if (base != null) {
            closeOverlay();
            sheet.clearServerErrors();
            show(base);
            message(null, false);
        }
    }

    private LxdClient client() {
        LxdClient client = remote.client();
        if (client == null) {
            throw new LxdException(i18n.format("editor.offline", remote.name()), 0, null);
        }
        return client;
    }

    private void load() {
        busy = true;
        updateButtons();
        TaskRunner.run(() -> target.load(client()), result -> {
            busy = false;
            if (disposed) {
                return;
            }
            boolean keepDraft = hasUnsavedChanges() || (yamlTab.isSelected() && draft != null
                    && !yaml.lastResult().ok());
            loaded = result;
            base = result.document();
            sheet.setContext(result);
            devices.setContext(result);
            if (keepDraft) {
                // The draft stays; the next save compares it with this newer version.
                sheet.setDocument(draft);
                devices.setDocument(draft);
                updateButtons();
            } else {
                show(base);
            }
            noticeEtag();
        }, failure -> {
            busy = false;
            updateButtons();
            message(i18n.format("editor.loadFailed", text(failure)), true);
        });
    }

    private void noticeEtag() {
        boolean missing = loaded != null && loaded.etag() == null;
        notice.setText(missing ? i18n.get("editor.noEtag") : "");
        notice.setVisible(missing);
        notice.setManaged(missing);
    }

    private static String text(RuntimeException failure) {
        if (failure instanceof LxdException lxd && lxd.serverMessage() != null && !lxd.serverMessage().isBlank()) {
            return lxd.serverMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    // ---- save ---------------------------------------------------------------------------------

    /** What would be sent, or null after showing why nothing can be sent. */
    private EditDocument checkedDraft() {
        if (draft == null || loaded == null) {
            return null;
        }
        if (yamlTab.isSelected()) {
            YamlCodec.Result result = YamlCodec.parse(target.kind(), yaml.text(), catalog);
            if (!result.ok()) {
                message(i18n.format("editor.invalidNotSent", result.problems().get(0).message(i18n)), true);
                return null;
            }
            draft = result.document();
        }
        List<Problem> problems = new ArrayList<>(ValueValidator.checkConfig(catalog, target.kind(), draft.config()));
        draft.devices().forEach((name, device) -> problems.addAll(DeviceKinds.check(name, device)));
        if (!problems.isEmpty()) {
            message(i18n.format("editor.invalidNotSent", problems.get(0).message(i18n)), true);
            return null;
        }
        return draft;
    }

    /** Checks, reads the server's current version, and shows the diff to confirm (or the conflict view). */
    void save() {
        EditDocument mine = checkedDraft();
        if (mine == null) {
            return;
        }
        if (mine.equals(base)) {
            message(i18n.get("editor.noChanges"), false);
            return;
        }
        busy = true;
        updateButtons();
        message(null, false);
        TaskRunner.run(() -> target.load(client()), current -> {
            busy = false;
            updateButtons();
            if (!current.document().equals(base)) {
                changedOnServer(mine, current);
            } else {
                showReview(mine, current);
            }
        }, failure -> {
            busy = false;
            updateButtons();
            message(i18n.format("editor.saveFailed", text(failure)), true);
        });
    }

    /**
     * The object changed since it was loaded. When the only changes are the server's own
     * bookkeeping ({@code volatile.*}, e.g. after a start), the draft is moved onto the new
     * version and reviewed again; anything else is the user's to decide in the conflict view.
     */
    private void changedOnServer(EditDocument mine, EditTarget.Loaded current) {
        List<ConfigMerge.Entry> entries = ConfigMerge.compare(base, mine, current.document());
        boolean onlyServerState = entries.stream()
                .filter(e -> e.change() != ConfigMerge.Change.MINE && e.change() != ConfigMerge.Change.BOTH_SAME)
                .allMatch(e -> e.change() == ConfigMerge.Change.THEIRS && e.key().startsWith("config.volatile."));
        if (onlyServerState) {
            EditDocument rebased = ConfigMerge.merge(current.document(), entries, Map.of());
            loaded = current;
            base = current.document();
            show(rebased);
            showReview(rebased, current);
        } else {
            showConflict(mine, current);
        }
    }

    private void send(EditDocument mine, EditTarget.Loaded against) {
        busy = true;
        updateButtons();
        closeOverlay();
        TaskRunner.run(() -> {
            target.save(client(), mine, against.etag(), against);
            return target.load(client());
        }, after -> {
            busy = false;
            loaded = after;
            base = after.document();
            sheet.setContext(after);
            devices.setContext(after);
            sheet.clearServerErrors();
            show(base);
            noticeEtag();
            message(i18n.get("editor.saved"), false);
            onSaved.accept(base);
        }, failure -> {
            busy = false;
            updateButtons();
            if (failure instanceof PreconditionFailedException) {
                TaskRunner.run(() -> target.load(client()), current -> changedOnServer(mine, current),
                        again -> message(i18n.format("editor.saveFailed", text(again)), true));
                return;
            }
            String reason = text(failure);
            message(i18n.format("editor.saveFailed", reason), true);
            for (String key : mine.config().keySet()) {
                if (reason.contains("\"" + key + "\"") || reason.contains("'" + key + "'")
                        || reason.contains(" " + key + " ") || reason.contains(" " + key + ":")
                        || reason.endsWith(" " + key)) {
                    sheet.setServerError(key, reason);
                }
            }
        });
    }

    // ---- overlays -----------------------------------------------------------------------------

    private boolean overlayShown() {
        return center.getChildren().size() > 1;
    }

    private void showOverlay(String id, Node content) {
        closeOverlay();
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        VBox box = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.getStyleClass().add("editor-overlay");
        box.setId(id);
        center.getChildren().add(box);
        tabs.setDisable(true);
        updateButtons();
    }

    private void closeOverlay() {
        if (center.getChildren().size() > 1) {
            center.getChildren().remove(1, center.getChildren().size());
        }
        tabs.setDisable(false);
        updateButtons();
    }

    private static CodeArea readOnlyYaml(String text, String id) {
        CodeArea area = new CodeArea(text);
        area.setEditable(false);
        area.setId(id);
        area.getStyleClass().add("yaml-area");
        area.setStyleSpans(0, YamlEditorView.spans(text));
        return area;
    }

    private void showReview(EditDocument mine, EditTarget.Loaded current) {
        VBox content = new VBox(8);
        content.setPadding(new Insets(12));
        Label title = new Label(i18n.get("editor.review.title"));
        title.getStyleClass().add("title-4");
        CodeArea diff = new CodeArea();
        diff.setId("reviewDiff");
        diff.setEditable(false);
        diff.getStyleClass().add("yaml-area");
        List<LineDiff.Line> lines = LineDiff.diff(YamlCodec.toYaml(current.document()), YamlCodec.toYaml(mine));
        for (LineDiff.Line line : lines) {
            int start = diff.getLength();
            diff.appendText(line.render() + "\n");
            diff.setStyleClass(start, diff.getLength(), line.op() == LineDiff.Op.ADDED ? "diff-added"
                    : line.op() == LineDiff.Op.REMOVED ? "diff-removed" : "diff-same");
        }
        VirtualizedScrollPane<CodeArea> diffScroll = new VirtualizedScrollPane<>(diff);
        diffScroll.setPrefHeight(260);
        VBox.setVgrow(diffScroll, Priority.ALWAYS);
        content.getChildren().addAll(title, new Label(i18n.get("editor.review.explain")), diffScroll);
        if (current.etag() == null) {
            Label noEtag = new Label(i18n.get("editor.noEtag"));
            noEtag.setWrapText(true);
            noEtag.getStyleClass().add("editor-notice");
            content.getChildren().add(noEtag);
        }
        Button confirm = new Button(i18n.get("editor.review.confirm"));
        confirm.setId("confirmSave");
        confirm.getStyleClass().add("accent");
        confirm.setDefaultButton(true);
        // Sent with the ETag of the version the draft started from, so a change since then is refused.
        confirm.setOnAction(e -> send(mine, loaded));
        Button back = new Button(i18n.get("editor.back"));
        back.setId("reviewBack");
        back.setCancelButton(true);
        back.setOnAction(e -> closeOverlay());
        HBox buttons = new HBox(8, confirm, back);
        content.getChildren().add(buttons);
        showOverlay("reviewPane", content);
    }

    private void showConflict(EditDocument mine, EditTarget.Loaded current) {
        EditDocument started = base;
        List<ConfigMerge.Entry> entries = ConfigMerge.compare(started, mine, current.document());
        VBox content = new VBox(8);
        content.setPadding(new Insets(12));
        Label title = new Label(i18n.get("editor.conflict.title"));
        title.getStyleClass().addAll("title-4", "conflict-title");
        Label explain = new Label(i18n.get("editor.conflict.explain"));
        explain.setWrapText(true);
        HBox panes = new HBox(8,
                column(i18n.get("editor.conflict.yours"), readOnlyYaml(YamlCodec.toYaml(mine), "conflictYours")),
                column(i18n.get("editor.conflict.base"), readOnlyYaml(YamlCodec.toYaml(started), "conflictBase")),
                column(i18n.get("editor.conflict.server"),
                        readOnlyYaml(YamlCodec.toYaml(current.document()), "conflictServer")));
        panes.setPrefHeight(220);
        panes.setMinHeight(160);

        GridPane merge = new GridPane();
        merge.setId("mergeTable");
        merge.setHgap(12);
        merge.setVgap(4);
        merge.getStyleClass().add("merge-table");
        merge.addRow(0, header("editor.conflict.key"), header("editor.conflict.base"),
                header("editor.conflict.yours"), header("editor.conflict.server"), header("editor.conflict.take"));
        Map<String, Boolean> choices = new HashMap<>();
        int row = 1;
        for (ConfigMerge.Entry entry : entries) {
            ToggleGroup group = new ToggleGroup();
            RadioButton takeMine = new RadioButton(i18n.get("editor.conflict.takeYours"));
            takeMine.setId("takeMine-" + entry.key());
            takeMine.setToggleGroup(group);
            RadioButton takeTheirs = new RadioButton(i18n.get("editor.conflict.takeServer"));
            takeTheirs.setId("takeServer-" + entry.key());
            takeTheirs.setToggleGroup(group);
            boolean mineByDefault = entry.change() == ConfigMerge.Change.MINE;
            (mineByDefault ? takeMine : takeTheirs).setSelected(true);
            choices.put(entry.key(), mineByDefault);
            takeMine.selectedProperty().addListener((o, w, now) -> choices.put(entry.key(), now));
            Label key = new Label(entry.key());
            if (entry.change() == ConfigMerge.Change.CONFLICT) {
                key.getStyleClass().add("conflict-key");
            }
            merge.addRow(row++, key, value(entry.base()), value(entry.mine()), value(entry.theirs()),
                    new HBox(8, takeMine, takeTheirs));
        }
        Button reload = new Button(i18n.get("editor.conflict.reload"));
        reload.setId("conflictReload");
        reload.setOnAction(e -> {
            loaded = current;
            base = current.document();
            closeOverlay();
            show(base);
            noticeEtag();
            message(i18n.get("editor.conflict.reloaded"), false);
        });
        Button overwrite = new Button(i18n.get("editor.conflict.overwrite"));
        overwrite.setId("conflictOverwrite");
        overwrite.getStyleClass().add("danger");
        overwrite.setOnAction(e -> {
            loaded = current;
            base = current.document();
            send(mine, current);
        });
        Button merged = new Button(i18n.get("editor.conflict.merge"));
        merged.setId("conflictMerge");
        merged.getStyleClass().add("accent");
        merged.setOnAction(e -> {
            loaded = current;
            base = current.document();
            closeOverlay();
            show(ConfigMerge.merge(current.document(), entries, choices));
            noticeEtag();
            message(i18n.get("editor.conflict.mergedDraft"), false);
        });
        Button back = new Button(i18n.get("editor.back"));
        back.setId("conflictBack");
        back.setOnAction(e -> closeOverlay());
        content.getChildren().addAll(title, explain, panes, new Label(i18n.get("editor.conflict.perKey")), merge,
                new HBox(8, merged, overwrite, reload, back));
        if (current.etag() == null) {
            Label noEtag = new Label(i18n.get("editor.noEtag"));
            noEtag.setWrapText(true);
            noEtag.getStyleClass().add("editor-notice");
            content.getChildren().add(2, noEtag);
        }
        showOverlay("conflictPane", content);
    }

    private Label header(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("merge-header");
        return l;
    }

    private Label value(Object v) {
        Label l = new Label(v == null ? i18n.get("editor.conflict.absent") : String.valueOf(v));
        if (v == null) {
            l.getStyleClass().add("text-muted");
        }
        l.setMaxWidth(260);
        return l;
    }

    private static VBox column(String title, CodeArea area) {
        Label label = new Label(title);
        label.getStyleClass().add("merge-header");
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox box = new VBox(4, label, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(300);
        return box;
    }

    private void showCli() {
        if (draft == null) {
            return;
        }
        LxdClient client = remote.client();
        dev.hako.lxd.ServerKind kind = client == null ? dev.hako.lxd.ServerKind.LXD : client.kind();
        List<String> commands = target.cliCommands(kind, base, draft);
        String text = commands.isEmpty() ? "# " + i18n.get("editor.cli.noChanges") : String.join("\n", commands);
        TextArea area = new TextArea(text);
        area.setId("cliText");
        area.setEditable(false);
        area.setPrefRowCount(Math.max(4, Math.min(20, commands.size() + 1)));
        area.getStyleClass().add("cli-text");
        Button copy = new Button(i18n.get("editor.cli.copy"));
        copy.setId("copyCli");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.setText(i18n.get("editor.cli.copied"));
        });
        Button close = new Button(i18n.get("editor.back"));
        close.setId("cliClose");
        close.setOnAction(e -> closeOverlay());
        Label title = new Label(i18n.format("editor.cli.title", kind == dev.hako.lxd.ServerKind.INCUS ? "incus" : "lxc"));
        title.getStyleClass().add("title-4");
        VBox content = new VBox(8, title, new Label(i18n.get("editor.cli.explain")), area, new HBox(8, copy, close));
        content.setPadding(new Insets(12));
        showOverlay("cliPane", content);
    }

    private void showDockerPreset() {
        if (draft == null) {
            return;
        }
        LxdClient client = remote.client();
        boolean intercept = client != null && client.serverInfo() != null
                && client.serverInfo().hasExtension("container_syscall_intercept");
        CheckBox nesting = new CheckBox("security.nesting=true");
        nesting.setMnemonicParsing(false);
        nesting.setId("dockerNesting");
        nesting.setSelected(true);
        CheckBox mknod = new CheckBox("security.syscalls.intercept.mknod=true");
        mknod.setMnemonicParsing(false);
        mknod.setId("dockerMknod");
        CheckBox setxattr = new CheckBox("security.syscalls.intercept.setxattr=true");
        setxattr.setMnemonicParsing(false);
        setxattr.setId("dockerSetxattr");
        mknod.setSelected(intercept);
        setxattr.setSelected(intercept);
        mknod.setDisable(!intercept);
        setxattr.setDisable(!intercept);
        CheckBox modules = new CheckBox("linux.kernel_modules=");
        modules.setMnemonicParsing(false);
        modules.setId("dockerModules");
        modules.setSelected(true);
        TextField moduleList = new TextField("overlay,br_netfilter,ip_tables,ip6_tables,nf_nat,xt_conntrack");
        moduleList.setId("dockerModuleList");
        moduleList.setPrefColumnCount(40);
        Label explain = new Label(i18n.get("editor.preset.dockerExplain"));
        explain.setWrapText(true);
        Label modulesExplain = new Label(i18n.get("editor.preset.modulesExplain"));
        modulesExplain.setWrapText(true);
        modulesExplain.getStyleClass().add("text-muted");
        Label interceptNote = new Label(intercept ? i18n.get("editor.preset.interceptAvailable")
                : i18n.get("editor.preset.interceptMissing"));
        interceptNote.setWrapText(true);
        interceptNote.getStyleClass().add("text-muted");
        Label error = new Label();
        error.getStyleClass().add("property-error");
        Button apply = new Button(i18n.get("editor.preset.apply"));
        apply.setId("applyPreset");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> {
            EditDocument d = draft;
            if (nesting.isSelected()) {
                d = d.withConfigValue("security.nesting", "true");
            }
            if (mknod.isSelected() && !mknod.isDisabled()) {
                d = d.withConfigValue("security.syscalls.intercept.mknod", "true");
            }
            if (setxattr.isSelected() && !setxattr.isDisabled()) {
                d = d.withConfigValue("security.syscalls.intercept.setxattr", "true");
            }
            if (modules.isSelected()) {
                String list = moduleList.getText().trim();
                var bad = ValueValidator.check(catalog.lookup(target.kind(), "linux.kernel_modules").orElse(null),
                        "linux.kernel_modules", list);
                if (bad.isPresent()) {
                    error.setText(bad.get().message(i18n));
                    return;
                }
                d = d.withConfigValue("linux.kernel_modules", list);
            }
            closeOverlay();
            show(d);
            message(i18n.get("editor.preset.appliedNotSaved"), false);
        });
        Button back = new Button(i18n.get("editor.back"));
        back.setOnAction(e -> closeOverlay());
        Label title = new Label(i18n.get("editor.preset.docker"));
        title.getStyleClass().add("title-4");
        VBox content = new VBox(8, title, explain, nesting, mknod, setxattr, interceptNote,
                new HBox(4, modules, moduleList), modulesExplain, error, new HBox(8, apply, back));
        content.setPadding(new Insets(12));
        showOverlay("dockerPane", content);
    }

    private void showLimitsForm() {
        if (draft == null) {
            return;
        }
        PropertyEditor cpu = PropertyEditor.forKey(catalog.lookup(target.kind(), "limits.cpu").orElse(null));
        cpu.setValue(draft.config().get("limits.cpu"));
        cpu.node().setId("limitsCpu");
        PropertyEditor memory = PropertyEditor.forKey(catalog.lookup(target.kind(), "limits.memory").orElse(null));
        memory.setValue(draft.config().get("limits.memory"));
        memory.node().setId("limitsMemory");
        Map<String, String> root0 = draft.devices().get("root");
        Map<String, String> inheritedRoot = loaded == null ? null : loaded.inheritedDevices().get("root");
        PropertyEditor disk = PropertyEditor.forKey(DeviceKinds.field("disk", "size").orElse(null));
        disk.setValue(root0 != null ? root0.get("size") : inheritedRoot != null ? inheritedRoot.get("size") : "");
        disk.node().setId("limitsDisk");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label(i18n.get("editor.limits.cpu")), cpu.node(), new Label("limits.cpu"));
        grid.addRow(1, new Label(i18n.get("editor.limits.memory")), memory.node(), new Label("limits.memory"));
        grid.addRow(2, new Label(i18n.get("editor.limits.disk")), disk.node(), new Label("devices.root.size"));
        Label error = new Label();
        error.setId("limitsError");
        for (PropertyEditor field : List.of(cpu, memory, disk)) {
            field.setOnChange(() -> error.setText(""));
        }
        error.getStyleClass().add("property-error");
        error.setWrapText(true);
        Button apply = new Button(i18n.get("editor.preset.apply"));
        apply.setId("applyLimits");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> {
            List<Problem> problems = new ArrayList<>();
            catalog.lookup(target.kind(), "limits.cpu")
                    .flatMap(k -> ValueValidator.check(k, "limits.cpu", cpu.value())).ifPresent(problems::add);
            catalog.lookup(target.kind(), "limits.memory")
                    .flatMap(k -> ValueValidator.check(k, "limits.memory", memory.value())).ifPresent(problems::add);
            DeviceKinds.field("disk", "size").flatMap(k -> ValueValidator.check(k, "root.size", disk.value()))
                    .ifPresent(problems::add);
            Map<String, String> rootDevice = root0 != null ? root0 : inheritedRoot;
            if (!disk.value().isEmpty() && rootDevice == null) {
                problems.add(Problem.of("root", "editor.limits.noRoot"));
            }
            if (!problems.isEmpty()) {
                error.setText(String.join("\n", problems.stream().map(p -> p.message(i18n)).toList()));
                return;
            }
            EditDocument d = draft.withConfigValue("limits.cpu", cpu.value().trim())
                    .withConfigValue("limits.memory", memory.value().trim());
            if (rootDevice != null && !Objects.equals(rootDevice.get("size"), emptyToNull(disk.value().trim()))) {
                Map<String, String> newRoot = new java.util.TreeMap<>(rootDevice);
                if (disk.value().isBlank()) {
                    newRoot.remove("size");
                } else {
                    newRoot.put("size", disk.value().trim());
                }
                Map<String, Map<String, String>> devs = new java.util.TreeMap<>(d.devices());
                devs.put("root", newRoot);
                d = d.withDevices(devs);
            }
            closeOverlay();
            show(d);
            message(i18n.get("editor.preset.appliedNotSaved"), false);
        });
        Button back = new Button(i18n.get("editor.back"));
        back.setOnAction(e -> closeOverlay());
        Label title = new Label(i18n.get("editor.preset.limits"));
        title.getStyleClass().add("title-4");
        Label explain = new Label(i18n.get("editor.limits.explain"));
        explain.setWrapText(true);
        VBox content = new VBox(8, title, explain, grid, error, new HBox(8, apply, back));
        content.setPadding(new Insets(12));
        showOverlay("limitsPane", content);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
