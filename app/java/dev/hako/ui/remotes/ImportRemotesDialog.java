package dev.hako.ui.remotes;

import dev.hako.lxd.Endpoint;
import dev.hako.remote.CliRemotes;
import dev.hako.remote.RemoteConfig;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * "Import from CLI": the remotes of {@code lxc} and {@code incus} found on this
 * computer, each with a check box; the chosen ones are saved with the server
 * certificate the CLI pinned and the CLI's client certificate, which those servers
 * already trust. Reading the CLIs' files is quick and local, so it happens here.
 */
public final class ImportRemotesDialog {

    private final RemotesController remotes;
    private final DialogService dialogs;
    private final I18n i18n;
    private final List<Row> rows = new ArrayList<>();
    private final StringProperty failures = new SimpleStringProperty("");
    private Stage stage;

    private record Row(CliRemotes.CliRemote remote, CheckBox box) {
    }

    ImportRemotesDialog(RemotesController remotes, DialogService dialogs) {
        this.remotes = remotes;
        this.dialogs = dialogs;
        this.i18n = dialogs.i18n();
    }

    public void show() {
        VBox list = new VBox(10);
        list.setPadding(new Insets(4));
        List<CliRemotes.CliConfig> configs = CliRemotes.discover(remotes.env(), remotes.home());
        if (configs.isEmpty()) {
            Label none = RemoteDialogs.value(Texts.key(i18n, "remotes.import.none"));
            none.setId("importNone");
            list.getChildren().add(none);
        }
        for (CliRemotes.CliConfig config : configs) {
            Label heading = RemoteDialogs.value(Texts.of(i18n, () -> i18n.format("remotes.import.source",
                    config.cli(), config.directory())));
            heading.getStyleClass().add("title-4");
            list.getChildren().add(heading);
            Label defaultRemote = RemoteDialogs.value(Texts.of(i18n, () -> i18n.format("remotes.import.default",
                    config.defaultRemote() == null ? "-" : config.defaultRemote())));
            defaultRemote.getStyleClass().add("text-muted");
            list.getChildren().add(defaultRemote);
            if (!config.hasClientCertificate()) {
                Label noCert = RemoteDialogs.hint(i18n, "remotes.import.noClientCertificate");
                noCert.getStyleClass().add("text-muted");
                list.getChildren().add(noCert);
            }
            for (CliRemotes.CliRemote remote : config.remotes()) {
                list.getChildren().add(row(remote));
            }
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        Label error = RemoteDialogs.errorLabel("importError", failures);
        Button importButton = RemoteDialogs.button(i18n, "remotes.import.button", "importButton");
        importButton.setDefaultButton(true);
        importButton.setOnAction(e -> importChosen());
        Button close = RemoteDialogs.button(i18n, "remotes.dialog.close", "importClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, close, importButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label intro = RemoteDialogs.value(Texts.key(i18n, "remotes.import.intro"));
        VBox top = new VBox(8, intro);
        VBox bottom = new VBox(8, error, buttons);
        BorderPane root = new BorderPane(scroll, top, null, bottom, null);
        BorderPane.setMargin(scroll, new Insets(8, 0, 8, 0));
        root.setPadding(RemoteDialogs.padding());
        root.setId("importRemotesDialog");
        stage = RemoteDialogs.window(dialogs, Texts.key(i18n, "remotes.import.title"), root, 720, 480);
        stage.show();
    }

    private HBox row(CliRemotes.CliRemote remote) {
        CheckBox box = new CheckBox(remote.name());
        box.setId("import-" + remote.cli() + "-" + remote.name());
        box.setMinWidth(140);
        boolean possible = remote.importable() && noteFor(remote) == null;
        box.setDisable(!possible);
        // Chosen by default: what can be imported, is not one of the public image servers every CLI lists,
        // and, for a local server, has its socket on this computer.
        Path missingSocket = possible ? missingSocket(remote) : null;
        box.setSelected(possible && !remote.isPublic() && missingSocket == null);
        Label address = RemoteDialogs.value(Texts.of(i18n, () -> remote.address() + "  (" + remote.protocol() + ")"
                + (remote.isDefault() ? "  ★ " + i18n.get("remotes.import.isDefault") : "")));
        Label detail = RemoteDialogs.value(Texts.of(i18n, () -> {
            String note = missingSocket != null ? i18n.format("remotes.import.noSocket", missingSocket)
                    : noteFor(remote);
            return note != null ? note : remote.importable() ? "" : FailureText.of(i18n, remote.whyNot());
        }));
        detail.getStyleClass().add("text-muted");
        detail.setWrapText(true);
        VBox text = new VBox(2, address, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        rows.add(new Row(remote, box));
        HBox row = new HBox(12, box, text);
        row.setPadding(new Insets(0, 0, 0, 12));
        return row;
    }

    /** Why an importable remote is not offered, or null. */
    private String noteFor(CliRemotes.CliRemote remote) {
        if (!remote.importable()) {
            return null;
        }
        if (localAlreadyOpen(remote)) {
            return i18n.get("remotes.import.localOpen");
        }
        if (remotes.file().find(remote.name()).isPresent() || remotes.workspace().remote(remote.name()) != null) {
            return i18n.format("remotes.import.nameTaken", remote.name());
        }
        return null;
    }

    /** The socket a local remote names on this computer; null for a network remote. */
    private Path socketOf(CliRemotes.CliRemote remote) {
        if (!remote.address().startsWith("unix:")) {
            return null;
        }
        try {
            RemoteConfig config = remote.toRemoteConfig(remote.name(), remotes.env());
            return Path.of(config.address().substring("unix://".length())).toAbsolutePath().normalize();
        } catch (RuntimeException noSocket) {
            return null;
        }
    }

    /** The socket a local remote names when nothing is there on this computer, else null. */
    private Path missingSocket(CliRemotes.CliRemote remote) {
        Path socket = socketOf(remote);
        return socket == null || java.nio.file.Files.exists(socket) ? null : socket;
    }

    private boolean localAlreadyOpen(CliRemotes.CliRemote remote) {
        Path socket = socketOf(remote);
        return socket != null && remotes.workspace().remotes().stream().anyMatch(open ->
                open.endpoint() instanceof Endpoint.UnixSocket unix
                        && unix.socket().toAbsolutePath().normalize().equals(socket));
    }

    private void importChosen() {
        List<String> failed = new ArrayList<>();
        int imported = 0;
        for (Row row : rows) {
            if (!row.box().isSelected() || row.box().isDisabled()) {
                continue;
            }
            CliRemotes.CliRemote remote = row.remote();
            try {
                RemoteConfig config = remote.toRemoteConfig(remote.name(), remotes.env());
                remotes.file().add(config);
                if (!config.imageOnly()) {
                    remotes.open(config);
                }
                imported++;
                row.box().setSelected(false);
                row.box().setDisable(true);
            } catch (IOException | RuntimeException e) {
                failed.add(remote.name() + ": " + FailureText.of(i18n, e));
            }
        }
        failures.set(failed.isEmpty() ? "" : i18n.format("remotes.import.failed", String.join("\n", failed)));
        if (failed.isEmpty() && imported > 0) {
            stage.close();
        }
    }
}
