package dev.hako.ui.wizard.init;

import dev.hako.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Network access: the address and port to listen on, and (LXD only) a trust password. */
final class AccessPage {

    private AccessPage() {
    }

    static Node build(InitialisationViewModel vm, I18n i18n) {
        CheckBox enabled = new CheckBox(i18n.get("init.access.enabled"));
        enabled.setId("initAccessEnabled");
        enabled.selectedProperty().bindBidirectional(vm.accessEnabled());
        enabled.disableProperty().bind(vm.joining());
        TextField address = new TextField();
        address.setId("initAccessAddress");
        address.textProperty().bindBidirectional(vm.accessAddress());
        TextField port = new TextField();
        port.setId("initAccessPort");
        port.textProperty().bindBidirectional(vm.accessPort());

        GridPane grid = PageParts.grid();
        grid.addRow(0, new Label(i18n.get("init.access.address")), address);
        grid.addRow(1, new Label(i18n.get("init.access.port")), port);
        if (vm.incus()) {
            Label tokens = PageParts.note(i18n.get("init.access.incusTokens"));
            tokens.setId("initIncusTokens");
            grid.add(tokens, 0, 2, 2, 1);
        } else {
            PasswordField password = new PasswordField();
            password.setId("initPassword");
            password.textProperty().bindBidirectional(vm.password());
            PasswordField again = new PasswordField();
            again.setId("initPasswordAgain");
            again.textProperty().bindBidirectional(vm.passwordAgain());
            grid.addRow(2, new Label(i18n.get("init.access.password")), password);
            grid.addRow(3, new Label(i18n.get("init.access.passwordAgain")), again);
            grid.add(PageParts.note(i18n.get("init.access.passwordHint")), 0, 4, 2, 1);
        }
        grid.disableProperty().bind(vm.accessEnabled().not().or(vm.joining()));
        VBox page = new VBox(10, enabled, grid,
                PageParts.note(i18n.get("init.access.hint")));
        if (!vm.listening().isBlank()) {
            page.getChildren().add(0, PageParts.existing(i18n.format("init.access.existing", vm.listening())));
        }
        return page;
    }
}
