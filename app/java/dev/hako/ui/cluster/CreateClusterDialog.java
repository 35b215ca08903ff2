package dev.hako.ui.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.model.RemoteModel;
import dev.hako.remote.cluster.ClusterBootstrap;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.common.WizardDialog;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Bootstraps a cluster on a standalone remote: the first member's name and, when the
 * server does not listen on the network yet, the address other members will use
 * (set as {@code core.https_address} just before).
 */
public final class CreateClusterDialog {

    private final I18n i18n;
    private final RemoteModel remote;
    private final TextField name = new TextField();
    private final TextField address = new TextField();
    private final Label addressState = new Label();
    private volatile String currentAddress;
    private volatile boolean read;
    private volatile String readProblem;
    private WizardDialog wizard;

    private CreateClusterDialog(I18n i18n, RemoteModel remote) {
        this.i18n = i18n;
        this.remote = remote;
    }

    public static void open(Window owner, I18n i18n, RemoteModel remote) {
        if (remote.client() == null) {
            Dialogs.inform(owner, i18n, i18n.format("cluster.offline", remote.name()), "");
            return;
        }
        new CreateClusterDialog(i18n, remote).show(owner);
    }

    private void show(Window owner) {
        LxdClient client = remote.client();
        var env = client.serverInfo().environment();
        name.setId("clusterCreateName");
        name.setText(env == null || env.serverName() == null ? remote.name() : env.serverName());
        address.setId("clusterCreateAddress");
        address.setPromptText("192.0.2.10:8443");
        address.setVisible(false);
        address.setManaged(false);
        addressState.setId("clusterCreateAddressState");
        addressState.setWrapText(true);
        addressState.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        addressState.setText(i18n.get("cluster.create.reading"));
        Label explain = new Label(i18n.format("cluster.create.explain", remote.name()));
        explain.setWrapText(true);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label(i18n.get("cluster.create.name")), name);
        grid.addRow(1, new Label(i18n.get("cluster.create.address")), address);
        VBox page = new VBox(12, explain, grid, addressState);
        wizard = new WizardDialog(owner, i18n, i18n.format("cluster.create.title", remote.name()));
        wizard.page(i18n.get("cluster.create.page"), page, this::problem, null).onFinish(this::finish);
        wizard.show();
        TaskRunner.run(() -> ClusterBootstrap.address(client), found -> {
            currentAddress = found;
            read = true;
            boolean missing = found == null;
            address.setVisible(missing);
            address.setManaged(missing);
            addressState.setText(missing ? i18n.format("cluster.create.noAddress", remote.name())
                    : i18n.format("cluster.create.addressHint", remote.name(), found));
            if (!missing) {
                grid.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) == 1);
            }
            wizard.revalidate();
        }, failure -> {
            readProblem = i18n.format("cluster.join.checkFailed", failure.getMessage());
            wizard.revalidate();
        });
    }

    /** An address with a port, and not a wildcard. */
    static boolean validAddress(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return false;
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            if (port < 1 || port > 65535) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return !host.isBlank() && !host.equals("::") && !host.equals("0.0.0.0") && !host.contains(" ");
    }

    private String problem() {
        if (readProblem != null) {
            return readProblem;
        }
        if (!read) {
            return i18n.get("cluster.create.reading");
        }
        String problem = ClusterActions.memberNameProblem(i18n, name.getText().trim(), Set.of());
        if (problem != null) {
            return problem;
        }
        if (currentAddress == null && !validAddress(address.getText())) {
            return i18n.get("cluster.create.problem.address");
        }
        return null;
    }

    private void finish(WizardDialog dialog) {
        LxdClient client = remote.client();
        String member = name.getText().trim();
        String newAddress = currentAddress == null ? address.getText().trim() : null;
        String action = i18n.format("cluster.create.action", remote.name());
        TaskRunner.run(() -> ClusterBootstrap.bootstrap(client, member, newAddress), () -> {
            remote.refresh();
            Window parent = dialog.window() instanceof javafx.stage.Stage stage ? stage.getOwner() : null;
            dialog.close();
            Dialogs.inform(parent, i18n, i18n.format("cluster.create.done", remote.name(), member),
                    i18n.get("cluster.create.next"));
        }, failure -> {
            dialog.failed();
            Dialogs.showError(dialog.window(), i18n, action, failure);
        });
    }
}
