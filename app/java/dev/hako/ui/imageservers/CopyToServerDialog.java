package dev.hako.ui.imageservers;

import dev.hako.lxd.ServerKind;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.CommandBox;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ShownAs;
import java.util.function.Consumer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;

/** The form of "Copy to server…", bound to its view model. */
final class CopyToServerDialog {

    private CopyToServerDialog() {
    }

    /** Shows the form; on OK starts the copy, whose steps go to {@code activity}. */
    static void show(DialogService dialogs, I18n i18n, CopyToServerViewModel model, Consumer<String> activity) {
        String title = i18n.get("imageservers.copy.title");
        if (model.targets().isEmpty()) {
            dialogs.inform(title, i18n.format("imageservers.copy.noTarget", model.image().name()));
            return;
        }
        FormBuilder form = new FormBuilder(i18n);
        ChoiceBox<RemoteModel> target = form.row("imageservers.copy.target", new ChoiceBox<>(model.targets()));
        target.setId("imageCopyTarget");
        target.setConverter(ShownAs.text(r -> r == null ? "" : r.name()));
        target.valueProperty().bindBidirectional(model.targetProperty());
        TextField aliases = form.text("imageservers.copy.aliases", "imageCopyAliases", "",
                "imageservers.copy.aliasesPrompt");
        aliases.textProperty().bindBidirectional(model.aliasesProperty());
        CheckBox autoUpdate = form.wide(new CheckBox(i18n.format("imageservers.copy.autoUpdate",
                model.server().name())));
        autoUpdate.setId("imageCopyAutoUpdate");
        autoUpdate.setWrapText(true);
        autoUpdate.selectedProperty().bindBidirectional(model.autoUpdateProperty());
        form.note(i18n.get("imageservers.copy.note"));
        RemoteModel first = model.targetProperty().get();
        ServerKind kind = first == null || first.state().kind() == null ? ServerKind.LXD : first.state().kind();
        form.wide(CommandBox.of(i18n, kind.cli(), model.commandProperty(), "imageCopyCommand"));
        form.check(() -> model.problemProperty().get());
        if (form.show(dialogs, title, i18n.format("imageservers.copy.header", model.image().name(),
                model.server().name(), model.server().address()))) {
            model.copy(activity);
        }
    }
}
