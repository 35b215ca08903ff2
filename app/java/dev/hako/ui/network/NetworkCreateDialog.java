package dev.hako.ui.network;

import dev.hako.ui.common.CommandBox;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FitToText;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The create-network form; it only builds controls and binds them to a {@link NetworkCreateViewModel}. */
public final class NetworkCreateDialog {

    private final I18n i18n;
    private final DialogService dialogs;
    private final NetworkCreateViewModel model;
    private final String cli;

    private NetworkCreateDialog(DialogService dialogs, NetworkCreateViewModel model, String cli) {
        this.i18n = dialogs.i18n();
        this.dialogs = dialogs;
        this.model = model;
        this.cli = cli;
    }

    /** Opens the form for a connected remote, or says it is not connected. */
    public static void open(TaskExecutor tasks, DialogService dialogs, RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            dialogs.showError(dialogs.i18n().format("action.notConnected", remote.name()),
                    new UnreachableException(remote.name(), null));
            return;
        }
        String cli = client.kind().cli();
        new NetworkCreateDialog(dialogs, NetworkCreateViewModel.of(remote, client, tasks, dialogs), cli).show();
    }

    private void show() {
        VBox content = content();
        boolean ok = dialogs.showForm(i18n.get("network.create.title"), i18n.get("network.create.header"), content,
                model.invalidProperty()).filter(ButtonType.OK::equals).isPresent();
        if (ok) {
            // A refusal brings the form back as it was.
            model.create(this::show);
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(), field);
        return grid;
    }


    private static void shownWhen(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private VBox content() {
        TextField name = new TextField();
        name.setId("nameField");
        name.textProperty().bindBidirectional(model.nameProperty());
        FormBuilder.focusOnShow(name, name);
        ChoiceBox<String> type = new ChoiceBox<>(FXCollections.observableArrayList(model.types()));
        type.setId("networkType");
        type.valueProperty().bindBidirectional(model.typeProperty());
        ChoiceBox<String> parent = new ChoiceBox<>(FXCollections.observableArrayList(model.parents()));
        parent.setId("networkParent");
        parent.valueProperty().bindBidirectional(model.parentProperty());
        GridPane top = grid();
        top.addRow(0, new Label(i18n.get("network.name")), name);
        GridPane.setColumnSpan(name, 2);
        top.addRow(1, new Label(i18n.get("network.type")), type);
        Label parentLabel = new Label(i18n.get("network.parent"));
        top.addRow(2, parentLabel, parent);
        var needsParent = model.bridgeProperty().not();
        shownWhen(parentLabel, needsParent);
        shownWhen(parent, needsParent);
        Label parentHint = FitToText.wrapping(model.parents().isEmpty() ? i18n.get("network.parent.none")
                : i18n.get("network.parent.hint"));
        parentHint.getStyleClass().add("text-muted");
        shownWhen(parentHint, needsParent);

        GridPane families = grid();
        family(families, 0, "action.network.ipv4", "bridgeIpv4", model.ipv4());
        family(families, 3, "action.network.ipv6", "bridgeIpv6", model.ipv6());
        TextField domain = new TextField();
        domain.setId("bridgeDnsDomain");
        domain.setPromptText(i18n.get("network.dnsDomain.prompt"));
        domain.textProperty().bindBidirectional(model.dnsDomainProperty());
        families.addRow(6, new Label(i18n.get("network.dnsDomain")), domain);
        GridPane.setColumnSpan(domain, 2);
        Label hint = FitToText.wrapping(i18n.get("action.network.addressHint") + " " + i18n.get("network.ranges.hint"));
        hint.getStyleClass().add("text-muted");
        // Said before sending: "auto" is refused on a host whose private ranges are all taken.
        Hyperlink useNone = new Hyperlink(i18n.get("action.network.useNone"));
        useNone.setId("bridgeUseNone");
        useNone.setOnAction(e -> model.useNone());
        VBox note = new VBox(2, FitToText.wrapping(i18n.get("action.network.autoNote")), useNone);
        note.setId("bridgeAutoNote");
        note.getStyleClass().add("inline-note");
        shownWhen(note, model.anyAutoProperty());
        VBox bridge = new VBox(8, families, hint, note);
        shownWhen(bridge, model.bridgeProperty());

        Label problem = FitToText.wrapping("");
        problem.setId("formProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        // No empty gap while there is nothing to say.
        problem.managedProperty().bind(model.invalidProperty());
        VBox content = new VBox(10, top, parentHint, bridge, problem,
                CommandBox.of(i18n, cli, model.commandProperty(), "networkCommand"));
        content.setPrefWidth(620);
        return content;
    }

    /** Address, NAT and DHCP on one row; the DHCP ranges below; three rows from {@code row}. */
    private void family(GridPane grid, int row, String labelKey, String id, NetworkCreateViewModel.FamilyFields f) {
        TextField address = new TextField();
        address.setId(id);
        address.textProperty().bindBidirectional(f.address());
        CheckBox nat = new CheckBox(i18n.get("network.nat"));
        nat.setId(id + "Nat");
        nat.selectedProperty().bindBidirectional(f.nat());
        CheckBox dhcp = new CheckBox(i18n.get("network.dhcp"));
        dhcp.setId(id + "Dhcp");
        dhcp.selectedProperty().bindBidirectional(f.dhcp());
        TextField ranges = new TextField();
        ranges.setId(id + "Ranges");
        ranges.setPromptText(i18n.get(id.endsWith("6") ? "network.ranges.prompt6" : "network.ranges.prompt4"));
        ranges.textProperty().bindBidirectional(f.ranges());
        ranges.disableProperty().bind(f.dhcp().not());
        grid.add(new Label(i18n.get(labelKey)), 0, row, 3, 1);
        grid.add(address, 0, row + 1, 2, 1);
        grid.add(new HBox(12, nat, dhcp), 2, row + 1);
        grid.addRow(row + 2, new Label(i18n.get("network.ranges")), ranges);
        GridPane.setColumnSpan(ranges, 2);
    }
}
