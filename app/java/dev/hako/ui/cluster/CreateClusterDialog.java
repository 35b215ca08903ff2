package dev.hako.ui.cluster;

import dev.hako.model.RemoteModel;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.WizardDialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Bootstraps a cluster on a standalone remote: one page that shows and binds a
 * {@link CreateClusterViewModel}.
 */
public final class CreateClusterDialog {

    private CreateClusterDialog() {
    }

    public static void open(TaskExecutor tasks, DialogService dialogs, RemoteModel remote) {
        CreateClusterViewModel model = CreateClusterViewModel.of(tasks, dialogs, remote);
        if (model == null) {
            dialogs.inform(dialogs.i18n().format("cluster.offline", remote.name()), "");
            return;
        }
        show(dialogs, model);
        model.load();
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static void show(DialogService dialogs, CreateClusterViewModel model) {
        I18n i18n = dialogs.i18n();
        TextField name = new TextField();
        name.setId("clusterCreateName");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField address = new TextField();
        address.setId("clusterCreateAddress");
        address.setPromptText("192.0.2.10:8443");
        address.textProperty().bindBidirectional(model.addressProperty());
        Label addressLabel = new Label(i18n.get("cluster.create.address"));
        for (var node : new javafx.scene.Node[] {address, addressLabel}) {
            node.visibleProperty().bind(model.addressNeededProperty());
            node.managedProperty().bind(model.addressNeededProperty());
        }
        Label addressState = wrapping(new Label());
        addressState.setId("clusterCreateAddressState");
        addressState.textProperty().bind(model.addressStateProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label(i18n.get("cluster.create.name")), name);
        grid.addRow(1, addressLabel, address);
        VBox page = new VBox(12, wrapping(new Label(i18n.format("cluster.create.explain", model.remote()))), grid,
                addressState);
        WizardDialog wizard = new WizardDialog(dialogs.owner(), i18n,
                i18n.format("cluster.create.title", model.remote()));
        wizard.page(i18n.get("cluster.create.page"), page, model::problem, null)
                .onFinish(dialog -> model.finish(dialog::close, dialog::failed));
        model.readProperty().addListener((o, was, now) -> wizard.revalidate());
        model.addressStateProperty().addListener((o, was, now) -> wizard.revalidate());
        wizard.show();
    }
}
