package dev.hako.ui.wizard.pool;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.RemoteModel;
import dev.hako.model.pool.PoolRequest;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FitToText;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.WizardDialog;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Creates a storage pool: name and driver (only those the server supports), the
 * driver's own settings, then an optional profile whose root disk it becomes, with
 * the request shown as YAML before anything is sent. The pages only show and bind
 * the {@link StoragePoolViewModel}.
 */
public final class StoragePoolWizard {

    private final I18n i18n;
    private final StoragePoolViewModel model;
    private final GridPane driverFields = grid();
    private String fieldsDriver;
    private WizardDialog wizard;

    private StoragePoolWizard(I18n i18n, StoragePoolViewModel model) {
        this.i18n = i18n;
        this.model = model;
    }

    /** Opens the wizard with the application's executor and dialogs owned by {@code owner}. */
    public static void open(Window owner, I18n i18n, RemoteModel remote) {
        open(FxTaskExecutor.get(), new FxDialogService(() -> owner, i18n), remote);
    }

    /** Opens the wizard for a connected remote, or says it is not connected. */
    public static void open(TaskExecutor tasks, DialogService dialogs, RemoteModel remote) {
        I18n i18n = dialogs.i18n();
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(i18n.format("pool.wizard.openFailed", remote.name()),
                    new UnreachableException(remote.name(), null));
            return;
        }
        new StoragePoolWizard(i18n, StoragePoolViewModel.of(remote, client, tasks, dialogs)).show(dialogs.owner());
    }

    private void show(Window owner) {
        wizard = new WizardDialog(owner, i18n, i18n.format("pool.wizard.titleOn", model.remote()));
        wizard.page(i18n.get("pool.page.driver"), driverPage(), model::driverProblem, null)
                .page(i18n.get("pool.page.settings"), new VBox(12, driverFields), model::settingsProblem,
                        this::buildFields)
                .page(i18n.get("pool.page.profile"), profilePage(), model::profileProblem, model::refreshPreview)
                .onFinish(dialog -> model.finish(dialog::close, dialog::failed))
                .show();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), field);
        return grid;
    }


    private VBox driverPage() {
        TextField name = new TextField();
        name.setId("poolName");
        name.textProperty().bindBidirectional(model.nameProperty());
        ChoiceBox<String> driver = new ChoiceBox<>(FXCollections.observableArrayList(model.drivers()));
        driver.setId("poolDriver");
        driver.valueProperty().bindBidirectional(model.driverProperty());
        TextField description = new TextField();
        description.setId("poolDescription");
        description.textProperty().bindBidirectional(model.descriptionProperty());
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("pool.name")), name);
        grid.addRow(1, new Label(i18n.get("pool.driver")), driver);
        grid.addRow(2, new Label(i18n.get("pool.description")), description);
        Label hint = FitToText.wrapping(i18n.format("pool.driverHint", String.join(", ", model.drivers())));
        hint.getStyleClass().add("text-muted");
        return new VBox(12, grid, hint);
    }

    /** The chosen driver's fields; what was typed stays in the view model when the driver changes. */
    private void buildFields() {
        String chosen = model.driverProperty().get();
        if (chosen == null || chosen.equals(fieldsDriver)) {
            return;
        }
        fieldsDriver = chosen;
        driverFields.getChildren().clear();
        int row = 0;
        for (PoolRequest.Field f : model.fields()) {
            if (model.askedPerMember(f)) {
                // A cluster keeps this key per member: one field for each.
                for (String member : model.members()) {
                    TextField text = textField(f, f.id(member));
                    text.textProperty().bindBidirectional(model.memberValue(member, f.key()));
                    driverFields.addRow(row++, new Label(i18n.format("pool.field.onMember", i18n.get(f.labelKey()),
                            member)), text);
                    wizard.watch(text);
                }
            } else if (f.kind() == PoolRequest.Kind.FLAG) {
                CheckBox box = new CheckBox(i18n.get(f.labelKey()));
                box.setId(f.id());
                box.selectedProperty().bindBidirectional(model.flag(f.key()));
                driverFields.add(box, 1, row++);
                wizard.watch(box);
            } else {
                TextField text = textField(f, f.id());
                text.textProperty().bindBidirectional(model.value(f.key()));
                driverFields.addRow(row++, new Label(i18n.get(f.labelKey())), text);
                wizard.watch(text);
            }
        }
        Label help = FitToText.wrapping(model.help());
        help.getStyleClass().add("text-muted");
        driverFields.add(help, 0, row, 2, 1);
    }

    private TextField textField(PoolRequest.Field f, String id) {
        TextField text = new TextField();
        text.setPromptText(i18n.get(f.labelKey() + ".prompt"));
        text.setId(id);
        return text;
    }

    private VBox profilePage() {
        ToggleGroup choice = new ToggleGroup();
        RadioButton none = radio("pool.profile.none", "poolNoProfile", choice, StoragePoolViewModel.ProfileChoice.NONE);
        RadioButton existing = radio("pool.profile.existing", "poolExistingProfile", choice,
                StoragePoolViewModel.ProfileChoice.EXISTING);
        RadioButton fresh = radio("pool.profile.new", "poolNewProfile", choice, StoragePoolViewModel.ProfileChoice.NEW);
        choice.selectToggle(List.of(none, existing, fresh).get(model.profileChoiceProperty().get().ordinal()));
        choice.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.profileChoiceProperty().set((StoragePoolViewModel.ProfileChoice) now.getUserData());
            }
        });
        ChoiceBox<String> profile = new ChoiceBox<>(FXCollections.observableArrayList(model.profiles()));
        profile.setId("poolProfile");
        profile.valueProperty().bindBidirectional(model.profileProperty());
        profile.disableProperty().bind(existing.selectedProperty().not());
        TextField newName = new TextField();
        newName.setId("poolNewProfileName");
        newName.textProperty().bindBidirectional(model.newProfileNameProperty());
        newName.disableProperty().bind(fresh.selectedProperty().not());
        TextArea preview = new TextArea();
        preview.setId("poolPreview");
        preview.setEditable(false);
        preview.getStyleClass().add("yaml-preview");
        preview.setStyle("-fx-font-family: monospace;");
        preview.textProperty().bind(model.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        Label rootHint = FitToText.wrapping(i18n.get("pool.profile.hint"));
        rootHint.getStyleClass().add("text-muted");
        return new VBox(8, rootHint, none, new HBox(10, existing, profile), new HBox(10, fresh, newName),
                new Label(i18n.get("pool.preview")), preview);
    }

    private RadioButton radio(String textKey, String id, ToggleGroup group, StoragePoolViewModel.ProfileChoice value) {
        RadioButton radio = new RadioButton(i18n.get(textKey));
        radio.setId(id);
        radio.setToggleGroup(group);
        radio.setUserData(value);
        return radio;
    }
}
