package dev.hako.ui.projects;

import dev.hako.lxd.LxdClient;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The form for a new project; it shows and binds a {@link NewProjectViewModel}. */
public final class NewProjectDialog {

    private NewProjectDialog() {
    }

    public static void open(TaskExecutor tasks, DialogService dialogs, String remote, LxdClient client) {
        show(tasks, dialogs, remote, client, new NewProjectViewModel(dialogs.i18n(), client.kind(), remote));
    }

    private static void show(TaskExecutor tasks, DialogService dialogs, String remote, LxdClient client,
                             NewProjectViewModel model) {
        I18n i18n = dialogs.i18n();
        ButtonType create = new ButtonType(i18n.get("project.create.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("wizard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        if (dialogs.showForm(i18n.get("project.create"), i18n.format("project.create.header", remote),
                content(i18n, model), model.invalidProperty(), create, cancel).filter(create::equals).isPresent()) {
            model.create(tasks, dialogs, request -> client.projects().create(request),
                    () -> show(tasks, dialogs, remote, client, model));
        }
    }

    /** A control id for a config key: dots would read as style classes in a lookup. */
    static String idOf(String key) {
        return "project-" + key.replace('.', '-');
    }

    private static VBox content(I18n i18n, NewProjectViewModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        TextField name = new TextField();
        name.setId("projectName");
        name.textProperty().bindBidirectional(model.nameProperty());
        FormBuilder.focusOnShow(grid, name);
        TextField description = new TextField();
        description.setId("projectDescription");
        description.textProperty().bindBidirectional(model.descriptionProperty());
        grid.addRow(0, new Label(i18n.get("project.name")), name);
        grid.addRow(1, new Label(i18n.get("project.description")), description);
        VBox features = new VBox(4);
        for (NewProjectViewModel.Feature feature : NewProjectViewModel.Feature.values()) {
            CheckBox box = new CheckBox(i18n.get(feature.labelKey()));
            box.setId(idOf(feature.key));
            box.selectedProperty().bindBidirectional(model.featureProperty(feature));
            features.getChildren().add(box);
        }
        grid.addRow(2, new Label(i18n.get("project.features")), features);
        int row = 3;
        for (NewProjectViewModel.Limit limit : NewProjectViewModel.Limit.values()) {
            TextField value = new TextField();
            value.setId(idOf(limit.key));
            value.setPromptText(i18n.get("project.limit.none"));
            value.textProperty().bindBidirectional(model.limitProperty(limit));
            grid.addRow(row++, new Label(i18n.get(limit.labelKey())), value);
        }
        Label problem = new Label();
        problem.setId("projectProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.invalidProperty());
        TextArea command = new TextArea();
        command.setId("projectCommand");
        command.setEditable(false);
        command.setWrapText(true);
        command.setPrefRowCount(4);
        command.textProperty().bind(model.commandProperty());
        VBox content = new VBox(8, grid, problem, new Label(i18n.get("project.command")), command);
        content.setPrefWidth(680);
        content.setStyle("-fx-padding: 14");
        return content;
    }
}
