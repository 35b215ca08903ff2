package dev.hako.ui.wizard.init;

import dev.hako.ui.common.I18n;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The storage pool: its name, backend, and a loop file's size or an existing source. */
final class StoragePage {

    private StoragePage() {
    }

    static Node build(InitialisationViewModel vm, I18n i18n) {
        CheckBox enabled = new CheckBox(i18n.get("init.pool.enabled"));
        enabled.setId("initPoolEnabled");
        enabled.selectedProperty().bindBidirectional(vm.poolEnabled());
        enabled.disableProperty().bind(vm.joining());
        TextField name = new TextField();
        name.setId("initPoolName");
        name.textProperty().bindBidirectional(vm.poolName());
        ChoiceBox<String> driver = new ChoiceBox<>(FXCollections.observableArrayList(vm.drivers()));
        driver.setId("initPoolDriver");
        driver.valueProperty().bindBidirectional(vm.poolDriver());
        TextField size = new TextField();
        size.setId("initPoolSize");
        size.setPromptText("30GiB");
        size.textProperty().bindBidirectional(vm.poolSize());
        size.disableProperty().bind(vm.poolSizeUsed().not());
        TextField source = new TextField();
        source.setId("initPoolSource");
        source.setPromptText(i18n.get("init.pool.source.prompt"));
        source.textProperty().bindBidirectional(vm.poolSource());

        GridPane grid = PageParts.grid();
        grid.addRow(0, new Label(i18n.get("init.pool.name")), name);
        grid.addRow(1, new Label(i18n.get("init.pool.driver")), driver);
        grid.addRow(2, new Label(i18n.get("init.pool.size")), size);
        grid.addRow(3, new Label(i18n.get("init.pool.source")), source);
        grid.disableProperty().bind(vm.poolEnabled().not().or(vm.joining()));
        VBox page = new VBox(10, enabled, grid,
                PageParts.note(i18n.format("init.pool.hint", String.join(", ", vm.drivers()))));
        if (!vm.existingPools().isEmpty()) {
            page.getChildren().add(0, PageParts.existing(i18n.format("init.pool.existing",
                    String.join(", ", vm.existingPools()))));
        }
        return page;
    }
}
