package dev.hako.ui.wizard.init;

import dev.hako.ui.common.I18n;
import dev.hako.ui.wizard.init.InitAnswers.Clustering;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Clustering: stay alone, start a cluster, or join one with a token. */
final class ClusterPage {

    private ClusterPage() {
    }

    static Node build(InitialisationViewModel vm, I18n i18n) {
        ToggleGroup choice = new ToggleGroup();
        RadioButton none = choice(choice, i18n.get("init.cluster.none"), "initClusterNone", Clustering.NONE);
        RadioButton bootstrap = choice(choice, i18n.get("init.cluster.bootstrap"), "initClusterBootstrap",
                Clustering.BOOTSTRAP);
        RadioButton join = choice(choice, i18n.get("init.cluster.join"), "initClusterJoin", Clustering.JOIN);
        select(choice, vm.clustering().get());
        vm.clustering().addListener((o, before, now) -> select(choice, now));
        choice.selectedToggleProperty().addListener((o, before, now) -> {
            if (now != null) {
                vm.clustering().set((Clustering) now.getUserData());
            }
        });

        TextField serverName = new TextField();
        serverName.setId("initServerName");
        serverName.textProperty().bindBidirectional(vm.serverName());
        PasswordField token = new PasswordField();
        token.setId("initJoinToken");
        token.textProperty().bindBidirectional(vm.joinToken());
        TextField serverAddress = new TextField();
        serverAddress.setId("initJoinServerAddress");
        serverAddress.setPromptText("10.0.0.2:8443");
        serverAddress.textProperty().bindBidirectional(vm.joinServerAddress());
        TextField clusterAddress = new TextField();
        clusterAddress.setId("initJoinClusterAddress");
        clusterAddress.setPromptText(i18n.get("init.cluster.clusterAddress.prompt"));
        clusterAddress.textProperty().bindBidirectional(vm.joinClusterAddress());
        TextArea memberConfig = new TextArea();
        memberConfig.setId("initJoinMemberConfig");
        memberConfig.setPrefRowCount(3);
        memberConfig.setPromptText("storage-pool local source=/dev/sdb");
        memberConfig.textProperty().bindBidirectional(vm.joinMemberConfig());

        GridPane grid = PageParts.grid();
        grid.addRow(0, new Label(i18n.get("init.cluster.serverName")), serverName);
        grid.addRow(1, new Label(i18n.get("init.cluster.token")), token);
        grid.addRow(2, new Label(i18n.get("init.cluster.serverAddress")), serverAddress);
        grid.addRow(3, new Label(i18n.get("init.cluster.clusterAddress")), clusterAddress);
        grid.addRow(4, new Label(i18n.get("init.cluster.memberConfig")), memberConfig);
        for (Node node : grid.getChildren()) {
            // The name is asked for both ways of clustering; the rest only for joining.
            node.disableProperty().bind(GridPane.getRowIndex(node) == 0 ? vm.clustering().isEqualTo(Clustering.NONE)
                    : vm.joining().not());
        }
        VBox page = new VBox(10, PageParts.note(i18n.get("init.cluster.hint")), none, bootstrap, join, grid,
                PageParts.note(i18n.get("init.cluster.joinHint")));
        if (vm.clustered()) {
            page.getChildren().add(1, PageParts.existing(i18n.get("init.cluster.already")));
            bootstrap.setDisable(true);
            join.setDisable(true);
        }
        return page;
    }

    private static RadioButton choice(ToggleGroup group, String text, String id, Clustering clustering) {
        RadioButton radio = new RadioButton(text);
        radio.setId(id);
        radio.setUserData(clustering);
        radio.setToggleGroup(group);
        return radio;
    }

    private static void select(ToggleGroup group, Clustering clustering) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData() == clustering) {
                group.selectToggle(toggle);
            }
        }
    }
}
