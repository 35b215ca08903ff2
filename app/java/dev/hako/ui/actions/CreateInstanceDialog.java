package dev.hako.ui.actions;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Profile;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * Creates an instance from one of the remote's images: name (the server picks one
 * when it is left empty, as the CLI does), image by alias or fingerprint, profiles,
 * type, start after create. If the server refuses, the dialog comes back with
 * everything as it was typed.
 */
final class CreateInstanceDialog {

    private final ActionContext context;
    private final I18n i18n;
    private final RemoteModel remote;
    private final LxdClient client;

    /** What the user entered; kept to reopen the dialog after a refusal. */
    record Draft(String name, Image image, List<String> profiles, String type, boolean start) {
    }

    CreateInstanceDialog(ActionContext context, RemoteModel remote, LxdClient client) {
        this.context = context;
        this.i18n = context.i18n();
        this.remote = remote;
        this.client = client;
    }

    void showAndCreate() {
        showAndCreate(new Draft("", null, List.of("default"), "container", true));
    }

    private void showAndCreate(Draft draft) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.owner());
        dev.hako.ui.common.Theme.styleDialog(dialog.getDialogPane(), context.owner());
        dialog.setTitle(i18n.get("action.create"));
        dialog.setHeaderText(i18n.format("action.create.header", remote.name()));

        TextField name = new TextField(draft.name());
        name.setId("createName");
        name.setPromptText(i18n.get("action.create.namePrompt"));
        Label problem = new Label();
        problem.setId("createProblem");
        problem.getStyleClass().add("danger");

        ComboBox<Image> image = new ComboBox<>();
        image.setId("createImage");
        List<Image> images = new ArrayList<>(remote.images().snapshot().values());
        images.sort(Comparator.comparing(CreateInstanceDialog::imageLabel));
        image.getItems().setAll(images);
        image.setConverter(new StringConverter<>() {
            @Override
            public String toString(Image value) {
                if (value == null) {
                    return "";
                }
                String description = value.properties() == null ? null : value.properties().get("description");
                return imageLabel(value) + (description == null ? "" : "  —  " + description);
            }

            @Override
            public Image fromString(String text) {
                return null;
            }
        });
        image.setValue(draft.image() != null ? draft.image() : images.isEmpty() ? null : images.get(0));
        image.setMaxWidth(Double.MAX_VALUE);

        FlowPane profiles = new FlowPane(12, 6);
        profiles.setId("createProfiles");
        List<CheckBox> profileBoxes = new ArrayList<>();
        remote.profiles().snapshot().values().stream().map(Profile::name).sorted().forEach(p -> {
            CheckBox box = new CheckBox(p);
            box.setSelected(draft.profiles().contains(p));
            profileBoxes.add(box);
            profiles.getChildren().add(box);
        });

        ChoiceBox<String> type = new ChoiceBox<>();
        type.getItems().setAll("container", "virtual-machine");
        type.setValue(draft.type());
        CheckBox start = new CheckBox(i18n.get("action.create.start"));
        start.setId("createStart");
        start.setSelected(draft.start());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.get("action.create.name")), name);
        grid.add(problem, 1, 1);
        grid.addRow(2, new Label(i18n.get("action.create.image")), image);
        grid.addRow(3, new Label(i18n.get("action.create.profiles")), profiles);
        grid.addRow(4, new Label(i18n.get("action.create.type")), type);
        grid.add(start, 1, 5);
        grid.setPrefWidth(560);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String message = NameDialog.objectNames(i18n, true).apply(name.getText().trim());
            if (message == null && image.getValue() == null) {
                message = i18n.get("action.create.noImage");
            }
            problem.setText(message == null ? "" : message);
            ok.setDisable(message != null);
        };
        name.textProperty().addListener((o, a, b) -> check.run());
        image.valueProperty().addListener((o, a, b) -> check.run());
        check.run();

        if (dialog.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return;
        }
        Draft entered = new Draft(name.getText().trim(), image.getValue(),
                profileBoxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList(), type.getValue(),
                start.isSelected());
        create(entered);
    }

    private void create(Draft draft) {
        InstancesPost request = InstancesPost.fromImage(draft.name().isEmpty() ? null : draft.name(),
                draft.image().fingerprint(), true).withProfiles(draft.profiles());
        request = new InstancesPost(request.name(), draft.type(), request.source(), request.profiles(), null, null,
                null, null, null);
        InstancesPost finalRequest = request;
        TaskRunner.run(() -> {
            var operation = client.instances().create(finalRequest).awaitSuccess(InstanceActions.OPERATION_TIMEOUT);
            String created = createdName(operation, draft.name());
            if (draft.start() && created != null) {
                client.instances().changeState(created, InstanceStatePut.start())
                        .awaitSuccess(InstanceActions.OPERATION_TIMEOUT);
            }
            return created;
        }, created -> { }, failure -> {
            Dialogs.showError(context.owner(), i18n, i18n.get("action.create"), failure);
            showAndCreate(draft);
        });
    }

    /** The server names the new instance in the operation's resources when it chose the name. */
    private static String createdName(dev.hako.lxd.api.Operation operation, String requested) {
        if (!requested.isEmpty()) {
            return requested;
        }
        var urls = operation.resources() == null ? null : operation.resources().get("instances");
        if (urls == null || urls.isEmpty()) {
            return null;
        }
        String url = urls.get(0);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static String imageLabel(Image image) {
        return dev.hako.ui.tree.TreeEntry.ImageEntry.labelOf(image);
    }
}
