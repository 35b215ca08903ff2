package dev.hako.ui.files;

import dev.hako.lxd.FileMetadata;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The form for mode, owner and group of the selected entries; OK stays disabled while they are invalid. */
final class PermissionsForm {

    private PermissionsForm() {
    }

    static void ask(FilesViewModel model, DialogService dialogs, List<FileRow> selected) {
        List<FileRow> rows = selected.stream().filter(r -> r.metadata() != null).toList();
        if (rows.isEmpty()) {
            return;
        }
        I18n i18n = model.i18n();
        FileMetadata first = rows.get(0).metadata();
        TextField mode = new TextField(first.octalMode());
        mode.setId("filesPermissionsMode");
        TextField uid = new TextField(Integer.toString(first.uid()));
        uid.setId("filesPermissionsUid");
        TextField gid = new TextField(Integer.toString(first.gid()));
        gid.setId("filesPermissionsGid");
        StringBinding problem = Bindings.createStringBinding(() -> model.permissionsProblem(mode.getText(),
                uid.getText(), gid.getText()), mode.textProperty(), uid.textProperty(), gid.textProperty());
        BooleanBinding invalid = problem.isNotNull();
        Label problemLine = new Label();
        problemLine.getStyleClass().add("danger");
        problemLine.setWrapText(true);
        problemLine.setMaxWidth(420);
        problemLine.textProperty().bind(Bindings.when(invalid).then(problem).otherwise(""));
        Label note = new Label(i18n.get("files.permissions.note"));
        note.setWrapText(true);
        note.setMaxWidth(420);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.get("files.col.mode")), mode);
        grid.addRow(1, new Label(i18n.get("files.col.owner")), uid);
        grid.addRow(2, new Label(i18n.get("files.col.group")), gid);
        grid.add(problemLine, 0, 3, 2, 1);
        grid.add(note, 0, 4, 2, 1);
        String header = rows.size() == 1 ? rows.get(0).path() : i18n.format("files.selectedCount", rows.size());
        if (dialogs.showForm(i18n.get("files.permissions"), header, grid, invalid).filter(ButtonType.OK::equals)
                .isPresent()) {
            model.changePermissions(rows, mode.getText(), uid.getText(), gid.getText());
        }
    }
}
