package dev.hako.ui.wizard.init;

import dev.hako.ui.common.I18n;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The network bridge: its name, its IPv4 and IPv6 addresses, and NAT. */
final class NetworkPage {

    private NetworkPage() {
    }

    static Node build(InitialisationViewModel vm, I18n i18n) {
        CheckBox enabled = new CheckBox(i18n.get("init.network.enabled"));
        enabled.setId("initNetworkEnabled");
        enabled.selectedProperty().bindBidirectional(vm.networkEnabled());
        enabled.disableProperty().bind(vm.joining());
        TextField name = new TextField();
        name.setId("initNetworkName");
        name.textProperty().bindBidirectional(vm.networkName());
        ComboBox<String> ipv4 = address("initIpv4", vm.ipv4());
        ipv4.setPromptText("10.10.10.1/24");
        ComboBox<String> ipv6 = address("initIpv6", vm.ipv6());
        CheckBox nat = new CheckBox(i18n.get("init.network.nat"));
        nat.setId("initNat");
        nat.selectedProperty().bindBidirectional(vm.nat());

        GridPane grid = PageParts.grid();
        grid.addRow(0, new Label(i18n.get("init.network.name")), name);
        grid.addRow(1, new Label(i18n.get("init.network.ipv4")), ipv4);
        grid.addRow(2, new Label(i18n.get("init.network.ipv6")), ipv6);
        grid.add(nat, 1, 3);
        grid.disableProperty().bind(vm.networkEnabled().not().or(vm.joining()));
        VBox page = new VBox(10, enabled, grid,
                PageParts.note(i18n.get("init.network.hint")));
        if (!vm.existingNetworks().isEmpty()) {
            page.getChildren().add(0, PageParts.existing(i18n.format("init.network.existing",
                    String.join(", ", vm.existingNetworks()))));
        }
        return page;
    }

    /** auto, none or a typed address: what is typed counts at once, not only when Enter commits it. */
    private static ComboBox<String> address(String id, StringProperty value) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList("auto", "none"));
        box.setId(id);
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setValue(value.get());
        box.getEditor().textProperty().bindBidirectional(value);
        box.valueProperty().addListener((o, before, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        return box;
    }
}
