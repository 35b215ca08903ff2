package dev.hako.ui.remotes;

import dev.hako.ui.common.CommandBox;
import dev.hako.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The last page: what Finish will do (enrol over the pinned connection, then save), and how it went. */
final class ConnectPage {

    private final VBox root;

    ConnectPage(AddRemoteViewModel model) {
        I18n i18n = model.i18n();
        Label summary = RemoteDialogs.value(Texts.of(i18n, model::summary, model.revisionProperty(),
                model.trust().trustProperty(), model.trust().identityProperty(), model.nameProperty()));
        summary.setId("connectSummary");
        Label status = RemoteDialogs.value(Texts.of(i18n, model::status, model.revisionProperty()));
        status.setId("connectStatus");
        Label secrets = RemoteDialogs.hint(i18n, "remotes.connect.secretsHint");
        secrets.visibleProperty().bind(model.imageServerProperty().not());
        secrets.managedProperty().bind(secrets.visibleProperty());
        javafx.beans.Observable[] inputs = {model.revisionProperty(), model.trust().trustProperty(),
            model.nameProperty(), model.imageServerProperty()};
        VBox command = CommandBox.of(i18n, Texts.of(i18n, () -> CommandBox.program(model.command()), inputs),
                Texts.of(i18n, model::command, inputs), "remoteCommand");
        root = new VBox(12, summary, status, secrets, command);
        root.setId("page-connect");
    }

    Node node() {
        return root;
    }
}
