package dev.hako.ui.wizard.init;

import dev.hako.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;

/** Cached images: whether stale ones are updated automatically. */
final class ImagesPage {

    private ImagesPage() {
    }

    static Node build(InitialisationViewModel vm, I18n i18n) {
        CheckBox autoUpdate = new CheckBox(i18n.get("init.images.autoUpdate"));
        autoUpdate.setId("initAutoUpdate");
        autoUpdate.selectedProperty().bindBidirectional(vm.autoUpdate());
        autoUpdate.disableProperty().bind(vm.joining());
        return new VBox(10, autoUpdate,
                PageParts.note(i18n.get("init.images.hint")));
    }
}
