package dev.hako.ui.common;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The rename form of a {@link RenameViewModel}: the new name, a hint, the problem and the command line. */
public final class RenameDialog {

    /** What the form says, in the user's language. */
    public record Words(String title, String header, String newName, String hint) {
    }

    /** The ids of the field, the problem and the command box (the UI tests find them by these). */
    public record Ids(String field, String problem, String command) {
    }

    private RenameDialog() {
    }

    /** Shows the form; OK renames, and a refusal brings the form back with the name as typed. */
    public static void show(DialogService dialogs, RenameViewModel model, String cli, Words words, Ids ids) {
        I18n i18n = dialogs.i18n();
        TextField name = new TextField();
        name.setId(ids.field());
        name.textProperty().bindBidirectional(model.newNameProperty());
        FormBuilder.focusOnShow(name, name);
        Label problem = new Label();
        problem.setId(ids.problem());
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty());
        // No empty gap while there is nothing to say.
        problem.managedProperty().bind(model.invalidProperty());
        Label hint = new Label(words.hint());
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        VBox content = new VBox(8, new Label(words.newName()), name, hint, problem,
                CommandBox.of(i18n, cli, model.commandProperty(), ids.command()));
        content.setPrefWidth(520);
        if (dialogs.showForm(words.title(), words.header(), content, model.invalidProperty())
                .filter(ButtonType.OK::equals).isPresent()) {
            model.rename(() -> show(dialogs, model, cli, words, ids));
        }
    }
}
