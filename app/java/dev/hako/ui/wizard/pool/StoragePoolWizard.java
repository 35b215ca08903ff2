package dev.hako.ui.wizard.pool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.StorageDriverInfo;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.common.WizardDialog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Creates a storage pool: name and driver (only those the server supports), the
 * driver's own settings, then an optional profile whose root disk it becomes, with
 * the request shown as YAML before anything is sent.
 */
public final class StoragePoolWizard {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final I18n i18n;
    private final RemoteModel remote;
    private final LxdClient client;
    private final List<String> drivers;
    private final Set<String> existingPools;
    private final List<String> profiles;
    /** The cluster's members, in order; empty for a standalone server. */
    private final List<String> members;

    private final TextField name = new TextField();
    private final ChoiceBox<String> driver = new ChoiceBox<>();
    private final TextField description = new TextField();
    private final GridPane driverFields = new GridPane();
    private final Map<String, Control> fieldControls = new LinkedHashMap<>();
    private final Map<String, Map<String, Control>> memberControls = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final ToggleGroup profileChoice = new ToggleGroup();
    private final RadioButton noProfile = new RadioButton();
    private final RadioButton existingProfile = new RadioButton();
    private final RadioButton newProfile = new RadioButton();
    private final ChoiceBox<String> profile = new ChoiceBox<>();
    private final TextField newProfileName = new TextField();
    private final TextArea preview = new TextArea();
    private String fieldsDriver;
    private WizardDialog wizard;

    private StoragePoolWizard(I18n i18n, RemoteModel remote, LxdClient client, List<String> drivers,
                              Set<String> existingPools, List<String> profiles, List<String> members) {
        this.members = members;
        this.i18n = i18n;
        this.remote = remote;
        this.client = client;
        this.drivers = drivers;
        this.existingPools = existingPools;
        this.profiles = profiles;
    }

    /** Reads the server's drivers, pools and profiles in the background, then opens the wizard. */
    public static void open(Window owner, I18n i18n, RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            Dialogs.showError(owner, i18n, i18n.get("pool.wizard.title"),
                    new dev.hako.lxd.UnreachableException(remote.name(), null));
            return;
        }
        TaskRunner.run(() -> {
            Server server = client.refreshServer();
            List<String> drivers = new ArrayList<>(new TreeSet<>(server.environment() == null
                    || server.environment().storageSupportedDrivers() == null ? List.of()
                    : server.environment().storageSupportedDrivers().stream().map(StorageDriverInfo::name).toList()));
            Set<String> pools = new TreeSet<>(client.storage().pools().stream().map(StoragePool::name).toList());
            List<String> profiles = client.profiles().list().stream().map(p -> p.name()).sorted().toList();
            List<String> members = server.environment() != null && server.environment().serverClustered()
                    ? client.cluster().members().stream().map(m -> m.serverName()).sorted().toList() : List.of();
            return new StoragePoolWizard(i18n, remote, client, drivers, pools, profiles, members);
        }, wizard -> wizard.show(owner), failure -> Dialogs.showError(owner, i18n, i18n.get("pool.wizard.title"),
                failure));
    }

    private void show(Window owner) {
        wizard = new WizardDialog(owner, i18n, i18n.format("pool.wizard.titleOn", remote.name()));
        wizard.page(i18n.get("pool.page.driver"), driverPage(), this::driverProblem, null)
                .page(i18n.get("pool.page.settings"), settingsPage(), this::settingsProblem, this::buildFields)
                .page(i18n.get("pool.page.profile"), profilePage(), this::profileProblem, this::updatePreview)
                .onFinish(this::finish)
                .show();
    }

    private VBox driverPage() {
        name.setId("poolName");
        driver.setId("poolDriver");
        description.setId("poolDescription");
        driver.setItems(FXCollections.observableArrayList(drivers));
        if (drivers.contains("dir")) {
            driver.setValue("dir");
        } else if (!drivers.isEmpty()) {
            driver.setValue(drivers.get(0));
        }
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("pool.name")), name);
        grid.addRow(1, new Label(i18n.get("pool.driver")), driver);
        grid.addRow(2, new Label(i18n.get("pool.description")), description);
        Label hint = new Label(i18n.format("pool.driverHint", String.join(", ", drivers)));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        return new VBox(12, grid, hint);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints label = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints field = new javafx.scene.layout.ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(label, field);
        return grid;
    }

    private String driverProblem() {
        List<String> problems = PoolRequest.problems(name.getText().trim(), driver.getValue(), Map.of(),
                existingPools);
        return problems.isEmpty() ? null : i18n.get(problems.get(0));
    }

    private VBox settingsPage() {
        driverFields.setHgap(10);
        driverFields.setVgap(10);
        javafx.scene.layout.ColumnConstraints field = new javafx.scene.layout.ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        driverFields.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), field);
        return new VBox(12, driverFields);
    }

    /** Builds the fields of the chosen driver; values typed for another driver are kept for it. */
    private void buildFields() {
        String chosen = driver.getValue();
        if (chosen == null || chosen.equals(fieldsDriver)) {
            return;
        }
        fieldsDriver = chosen;
        driverFields.getChildren().clear();
        fieldControls.clear();
        memberControls.clear();
        int row = 0;
        for (PoolRequest.Field f : PoolRequest.fieldsOf(chosen)) {
            if (f.perMember() && !members.isEmpty()) {
                // A cluster keeps this key per member: one field for each.
                for (String member : members) {
                    TextField text = new TextField();
                    text.setPromptText(i18n.get(f.labelKey() + ".prompt"));
                    text.setId(f.id(member));
                    memberControls.computeIfAbsent(member, m -> new LinkedHashMap<>()).put(f.key(), text);
                    driverFields.addRow(row++, new Label(i18n.format("pool.field.onMember", i18n.get(f.labelKey()),
                            member)), text);
                    wizard.watch(text);
                }
                continue;
            }
            Control control;
            if (f.kind() == PoolRequest.Kind.FLAG) {
                CheckBox box = new CheckBox(i18n.get(f.labelKey()));
                box.setSelected(true);
                control = box;
                driverFields.add(box, 1, row);
            } else {
                TextField text = new TextField();
                String promptKey = f.labelKey() + ".prompt";
                text.setPromptText(i18n.get(promptKey));
                control = text;
                driverFields.addRow(row, new Label(i18n.get(f.labelKey())), text);
            }
            control.setId(f.id());
            fieldControls.put(f.key(), control);
            wizard.watch(control);
            row++;
        }
        String helpKey = "pool.help." + (List.of("dir", "btrfs", "lvm", "zfs", "ceph").contains(chosen)
                ? chosen : "other");
        Label help = new Label(i18n.get(helpKey) + (members.isEmpty() ? "" : "\n" + i18n.get("pool.help.cluster")));
        help.setWrapText(true);
        help.getStyleClass().add("text-muted");
        driverFields.add(help, 0, row, 2, 1);
    }

    /** Per member, the values typed in its own fields. */
    private Map<String, Map<String, String>> memberValues() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String member : members) {
            Map<String, String> own = new LinkedHashMap<>();
            memberControls.getOrDefault(member, Map.of()).forEach((key, control) ->
                    own.put(key, ((TextField) control).getText()));
            all.put(member, own);
        }
        return all;
    }

    private Map<String, String> currentValues() {
        values.clear();
        fieldControls.forEach((key, control) -> values.put(key, control instanceof CheckBox box
                ? String.valueOf(box.isSelected()) : ((TextField) control).getText()));
        return values;
    }

    private String settingsProblem() {
        List<String> problems = new ArrayList<>(PoolRequest.problems(name.getText().trim(), driver.getValue(),
                currentValues(), existingPools));
        for (Map<String, String> own : memberValues().values()) {
            problems.addAll(PoolRequest.problems(name.getText().trim(), driver.getValue(), own, existingPools));
        }
        return problems.isEmpty() ? null : i18n.get(problems.get(0));
    }

    private VBox profilePage() {
        noProfile.setText(i18n.get("pool.profile.none"));
        existingProfile.setText(i18n.get("pool.profile.existing"));
        newProfile.setText(i18n.get("pool.profile.new"));
        noProfile.setId("poolNoProfile");
        existingProfile.setId("poolExistingProfile");
        newProfile.setId("poolNewProfile");
        for (RadioButton r : List.of(noProfile, existingProfile, newProfile)) {
            r.setToggleGroup(profileChoice);
            r.selectedProperty().addListener((o, a, b) -> updatePreview());
        }
        noProfile.setSelected(true);
        profile.setId("poolProfile");
        profile.setItems(FXCollections.observableArrayList(profiles));
        if (!profiles.isEmpty()) {
            profile.setValue(profiles.get(0));
        }
        newProfileName.setId("poolNewProfileName");
        profile.disableProperty().bind(existingProfile.selectedProperty().not());
        newProfileName.disableProperty().bind(newProfile.selectedProperty().not());
        profile.valueProperty().addListener((o, a, b) -> updatePreview());
        newProfileName.textProperty().addListener((o, a, b) -> updatePreview());
        preview.setId("poolPreview");
        preview.setEditable(false);
        preview.getStyleClass().add("yaml-preview");
        preview.setStyle("-fx-font-family: monospace;");
        VBox.setVgrow(preview, Priority.ALWAYS);
        Label rootHint = new Label(i18n.get("pool.profile.hint"));
        rootHint.setWrapText(true);
        rootHint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rootHint.getStyleClass().add("text-muted");
        javafx.scene.layout.HBox existingRow = new javafx.scene.layout.HBox(10, existingProfile, profile);
        javafx.scene.layout.HBox newRow = new javafx.scene.layout.HBox(10, newProfile, newProfileName);
        return new VBox(8, rootHint, noProfile, existingRow, newRow, new Label(i18n.get("pool.preview")), preview);
    }

    /** The profile to attach to, or null. */
    private String chosenProfile() {
        if (existingProfile.isSelected()) {
            return profile.getValue();
        } else if (newProfile.isSelected()) {
            return newProfileName.getText().trim();
        }
        return null;
    }

    private String profileProblem() {
        if (existingProfile.isSelected() && profile.getValue() == null) {
            return i18n.get("pool.problem.profile");
        }
        if (newProfile.isSelected()) {
            String wanted = newProfileName.getText().trim();
            var rule = dev.hako.model.NameRules.check(wanted);
            if (rule.isPresent()) {
                return i18n.get(rule.get().messageKey);
            }
            if (profiles.contains(wanted)) {
                return i18n.get("pool.problem.profileExists");
            }
        }
        return settingsProblem();
    }

    private StoragePoolsPost request() {
        return PoolRequest.build(name.getText().trim(), driver.getValue(), description.getText(), currentValues());
    }

    private PoolRequest.ClusterRequest clusterRequest() {
        return PoolRequest.buildForCluster(name.getText().trim(), driver.getValue(), description.getText(),
                currentValues(), memberValues());
    }

    private static Map<String, Object> document(StoragePoolsPost post) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", post.name());
        document.put("driver", post.driver());
        document.put("description", post.description());
        document.put("config", post.config());
        return document;
    }

    private void updatePreview() {
        StoragePoolsPost post = request();
        StringBuilder text = new StringBuilder();
        try {
            if (members.isEmpty()) {
                text.append("# POST /1.0/storage-pools\n").append(YAML.writeValueAsString(document(post)));
            } else {
                PoolRequest.ClusterRequest cluster = clusterRequest();
                for (var member : cluster.perMember().entrySet()) {
                    text.append("# POST /1.0/storage-pools?target=").append(member.getKey()).append('\n')
                            .append(YAML.writeValueAsString(document(member.getValue()))).append("---\n");
                }
                text.append("# POST /1.0/storage-pools\n").append(YAML.writeValueAsString(document(cluster.global())));
            }
            String target = chosenProfile();
            if (target != null && !target.isEmpty()) {
                text.append("---\n# ").append(newProfile.isSelected() ? "POST /1.0/profiles, then " : "")
                        .append("PUT /1.0/profiles/").append(target).append(" (devices.root)\n");
                text.append(YAML.writeValueAsString(Map.of("devices", Map.of("root",
                        new java.util.TreeMap<>(Map.of("type", "disk", "path", "/", "pool", post.name()))))));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text.append(e.getMessage());
        }
        preview.setText(text.toString());
    }

    private void finish(WizardDialog dialog) {
        StoragePoolsPost post = request();
        String target = chosenProfile();
        boolean create = newProfile.isSelected();
        String action = i18n.format("pool.action.create", post.name());
        PoolRequest.ClusterRequest cluster = members.isEmpty() ? null : clusterRequest();
        TaskRunner.run(() -> {
            if (cluster == null) {
                PoolCreation.run(client, post, target, create);
            } else {
                PoolCreation.run(client, cluster, target, create);
            }
        }, dialog::close, failure -> {
            dialog.failed();
            if (failure instanceof PoolCreation.AttachFailedException attach) {
                String header = attach.rolledBack()
                        ? i18n.format("pool.attachFailed.rolledBack", target, post.name())
                        : i18n.format("pool.attachFailed.left", target, post.name(), attach.rollbackFailure());
                Dialogs.showError(dialog.window(), i18n, header, attach.failure());
                if (attach.rolledBack()) {
                    return;
                }
                existingPools.add(post.name());
            } else {
                Dialogs.showError(dialog.window(), i18n, action, failure);
            }
        });
    }
}
