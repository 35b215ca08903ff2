package dev.hako.ui.wizard.init;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.StorageDriverInfo;
import dev.hako.lxd.api.StoragePool;
import dev.hako.model.RemoteModel;
import dev.hako.remote.init.Initialisation;
import dev.hako.remote.init.Preseed;
import dev.hako.remote.init.PreseedYaml;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.common.WizardDialog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The GUI's {@code lxd init}: clustering, storage pool, network bridge, network access and
 * image updates, each a page; then the preseed those answers make, as YAML that can be edited,
 * imported and exported; then the steps, applied in lxd init's order with each one's result and
 * everything undone when one is refused. The trust password and a join token are never shown in
 * the YAML, never exported, and added only when applying.
 */
public final class InitialisationWizard {

    /** What the server has now, read before the wizard opens. */
    private record Facts(ServerKind kind, List<String> drivers, Set<String> pools, Set<String> networks,
                         String serverName, boolean clustered, String httpsAddress) {
    }

    private static final int MAX_FILE = 1 << 20;

    private final I18n i18n;
    private final RemoteModel remote;
    private final LxdClient client;
    private final Facts facts;
    private final InitForm form = new InitForm();

    // Clustering
    private final ToggleGroup clusterChoice = new ToggleGroup();
    private final RadioButton clusterNone = new RadioButton();
    private final RadioButton clusterBootstrap = new RadioButton();
    private final RadioButton clusterJoin = new RadioButton();
    private final TextField serverName = new TextField();
    private final PasswordField joinToken = new PasswordField();
    private final TextField joinServerAddress = new TextField();
    private final TextField joinClusterAddress = new TextField();
    private final TextArea joinMemberConfig = new TextArea();
    // Storage
    private final CheckBox poolEnabled = new CheckBox();
    private final TextField poolName = new TextField();
    private final ChoiceBox<String> poolDriver = new ChoiceBox<>();
    private final TextField poolSize = new TextField();
    private final TextField poolSource = new TextField();
    // Network
    private final CheckBox networkEnabled = new CheckBox();
    private final TextField networkName = new TextField();
    private final ComboBox<String> ipv4 = new ComboBox<>();
    private final ComboBox<String> ipv6 = new ComboBox<>();
    private final CheckBox nat = new CheckBox();
    // Access
    private final CheckBox accessEnabled = new CheckBox();
    private final TextField accessAddress = new TextField();
    private final TextField accessPort = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField passwordAgain = new PasswordField();
    // Images
    private final CheckBox autoUpdate = new CheckBox();
    // Preseed
    private final TextArea yaml = new TextArea();
    private final Label yamlState = new Label();
    private boolean yamlEdited;
    private boolean settingYaml;
    // Apply
    private final VBox steps = new VBox(6);
    private final Label planState = new Label();
    private final Map<Integer, Label> stepLabels = new LinkedHashMap<>();
    private List<Initialisation.Step> plan;
    private String planProblem;
    private Preseed planned;
    /** The rows show the results of a failed attempt: the next one starts from a fresh plan. */
    private boolean rowsStale;
    private WizardDialog wizard;
    private Window owner;

    private InitialisationWizard(I18n i18n, RemoteModel remote, LxdClient client, Facts facts) {
        this.i18n = i18n;
        this.remote = remote;
        this.client = client;
        this.facts = facts;
    }

    /** Reads what the server has (drivers, pools, networks), then opens the wizard. */
    public static void open(Window owner, I18n i18n, RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            Dialogs.showError(owner, i18n, i18n.format("init.action", remote.name()),
                    new dev.hako.lxd.UnreachableException(remote.name(), null));
            return;
        }
        TaskRunner.run(() -> {
            Server server = client.refreshServer();
            var env = server.environment();
            List<String> drivers = new ArrayList<>(new TreeSet<>(env == null || env.storageSupportedDrivers() == null
                    ? List.of() : env.storageSupportedDrivers().stream().map(StorageDriverInfo::name).toList()));
            Set<String> pools = new TreeSet<>(client.storage().pools().stream().map(StoragePool::name).toList());
            Set<String> networks = new TreeSet<>(client.networks().list().stream().filter(n -> n.managed())
                    .map(n -> n.name()).toList());
            Object https = server.config() == null ? null : server.config().get("core.https_address");
            return new InitialisationWizard(i18n, remote, client, new Facts(client.kind(), drivers, pools, networks,
                    env == null ? "" : env.serverName(), env != null && env.serverClustered(),
                    https == null ? "" : https.toString()));
        }, wizard -> wizard.show(owner), failure -> Dialogs.showError(owner, i18n,
                i18n.format("init.action", remote.name()), failure));
    }

    private void show(Window owner) {
        this.owner = owner;
        wizard = new WizardDialog(owner, i18n, i18n.format("init.titleOn", remote.name()));
        wizard.page(i18n.get("init.page.cluster"), clusterPage(), this::clusterProblem, null)
                .page(i18n.get("init.page.storage"), storagePage(), this::storageProblem, null)
                .page(i18n.get("init.page.network"), networkPage(), this::networkProblem, null)
                .page(i18n.get("init.page.access"), accessPage(), this::accessProblem, null)
                .page(i18n.get("init.page.images"), imagesPage(), () -> null, null)
                .page(i18n.get("init.page.preseed"), preseedPage(), this::preseedProblem, this::showPreseed)
                .page(i18n.get("init.page.apply"), applyPage(), this::applyProblem, this::showPlan)
                .onFinish(this::finish)
                .show();
    }

    // ---- pages -------------------------------------------------------------------------------

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints label = new ColumnConstraints();
        // Labels keep their whole text (Japanese ones are long); fields take what is left.
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(label, field);
        return grid;
    }

    private Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private Label joiningNote() {
        Label label = note(i18n.get("init.joiningSkips"));
        label.visibleProperty().bind(clusterJoin.selectedProperty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private Node clusterPage() {
        clusterNone.setText(i18n.get("init.cluster.none"));
        clusterBootstrap.setText(i18n.get("init.cluster.bootstrap"));
        clusterJoin.setText(i18n.get("init.cluster.join"));
        clusterNone.setId("initClusterNone");
        clusterBootstrap.setId("initClusterBootstrap");
        clusterJoin.setId("initClusterJoin");
        for (RadioButton r : List.of(clusterNone, clusterBootstrap, clusterJoin)) {
            r.setToggleGroup(clusterChoice);
        }
        clusterNone.setSelected(true);
        serverName.setId("initServerName");
        serverName.setText(facts.serverName() == null || "none".equals(facts.serverName()) ? ""
                : facts.serverName());
        joinToken.setId("initJoinToken");
        joinServerAddress.setId("initJoinServerAddress");
        joinServerAddress.setPromptText("10.0.0.2:8443");
        joinClusterAddress.setId("initJoinClusterAddress");
        joinClusterAddress.setPromptText(i18n.get("init.cluster.clusterAddress.prompt"));
        joinMemberConfig.setId("initJoinMemberConfig");
        joinMemberConfig.setPrefRowCount(3);
        joinMemberConfig.setPromptText("storage-pool local source=/dev/sdb");
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("init.cluster.serverName")), serverName);
        grid.addRow(1, new Label(i18n.get("init.cluster.token")), joinToken);
        grid.addRow(2, new Label(i18n.get("init.cluster.serverAddress")), joinServerAddress);
        grid.addRow(3, new Label(i18n.get("init.cluster.clusterAddress")), joinClusterAddress);
        grid.addRow(4, new Label(i18n.get("init.cluster.memberConfig")), joinMemberConfig);
        for (Node node : grid.getChildren()) {
            if (GridPane.getRowIndex(node) != null && GridPane.getRowIndex(node) > 0) {
                node.disableProperty().bind(clusterJoin.selectedProperty().not());
            } else {
                node.disableProperty().bind(clusterNone.selectedProperty());
            }
        }
        VBox page = new VBox(10, note(i18n.get("init.cluster.hint")), clusterNone, clusterBootstrap, clusterJoin,
                grid, note(i18n.get("init.cluster.joinHint")));
        if (facts.clustered()) {
            page.getChildren().add(1, warning(i18n.get("init.cluster.already")));
            clusterBootstrap.setDisable(true);
            clusterJoin.setDisable(true);
        }
        return page;
    }

    private Label warning(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("warning");
        label.setId("initExisting");
        return label;
    }

    private Node storagePage() {
        poolEnabled.setText(i18n.get("init.pool.enabled"));
        poolEnabled.setId("initPoolEnabled");
        poolEnabled.setSelected(facts.pools().isEmpty());
        poolName.setId("initPoolName");
        poolName.setText(facts.pools().isEmpty() ? "default" : facts.pools().iterator().next());
        poolDriver.setId("initPoolDriver");
        poolDriver.setItems(FXCollections.observableArrayList(facts.drivers()));
        poolDriver.setValue(facts.drivers().contains("dir") || facts.drivers().isEmpty() ? "dir"
                : facts.drivers().get(0));
        poolSize.setId("initPoolSize");
        poolSize.setPromptText("30GiB");
        poolSource.setId("initPoolSource");
        poolSource.setPromptText(i18n.get("init.pool.source.prompt"));
        poolSize.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !InitForm.SIZED_DRIVERS.contains(poolDriver.getValue()) || !poolSource.getText().isBlank(),
                poolDriver.valueProperty(), poolSource.textProperty()));
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("init.pool.name")), poolName);
        grid.addRow(1, new Label(i18n.get("init.pool.driver")), poolDriver);
        grid.addRow(2, new Label(i18n.get("init.pool.size")), poolSize);
        grid.addRow(3, new Label(i18n.get("init.pool.source")), poolSource);
        grid.disableProperty().bind(poolEnabled.selectedProperty().not().or(clusterJoin.selectedProperty()));
        poolEnabled.disableProperty().bind(clusterJoin.selectedProperty());
        VBox page = new VBox(10, joiningNote(), poolEnabled, grid,
                note(i18n.format("init.pool.hint", String.join(", ", facts.drivers()))));
        if (!facts.pools().isEmpty()) {
            page.getChildren().add(0, warning(i18n.format("init.pool.existing", String.join(", ", facts.pools()))));
        }
        return page;
    }

    private Node networkPage() {
        networkEnabled.setText(i18n.get("init.network.enabled"));
        networkEnabled.setId("initNetworkEnabled");
        networkEnabled.setSelected(facts.networks().isEmpty());
        networkName.setId("initNetworkName");
        networkName.setText(facts.networks().isEmpty() ? "lxdbr0" : facts.networks().iterator().next());
        if (facts.kind() == ServerKind.INCUS && facts.networks().isEmpty()) {
            networkName.setText("incusbr0");
        }
        for (ComboBox<String> box : List.of(ipv4, ipv6)) {
            box.setEditable(true);
            box.setItems(FXCollections.observableArrayList("auto", "none"));
            box.setValue("auto");
            box.setMaxWidth(Double.MAX_VALUE);
            // An edited value counts as typed, not only when Enter commits it.
            box.getEditor().textProperty().addListener((o, a, b) -> wizard.revalidate());
        }
        ipv4.setId("initIpv4");
        ipv6.setId("initIpv6");
        ipv4.setPromptText("10.10.10.1/24");
        nat.setText(i18n.get("init.network.nat"));
        nat.setId("initNat");
        nat.setSelected(true);
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("init.network.name")), networkName);
        grid.addRow(1, new Label(i18n.get("init.network.ipv4")), ipv4);
        grid.addRow(2, new Label(i18n.get("init.network.ipv6")), ipv6);
        grid.add(nat, 1, 3);
        grid.disableProperty().bind(networkEnabled.selectedProperty().not().or(clusterJoin.selectedProperty()));
        networkEnabled.disableProperty().bind(clusterJoin.selectedProperty());
        VBox page = new VBox(10, joiningNote(), networkEnabled, grid, note(i18n.get("init.network.hint")));
        if (!facts.networks().isEmpty()) {
            page.getChildren().add(0, warning(i18n.format("init.network.existing",
                    String.join(", ", facts.networks()))));
        }
        return page;
    }

    private Node accessPage() {
        accessEnabled.setText(i18n.get("init.access.enabled"));
        accessEnabled.setId("initAccessEnabled");
        accessEnabled.setSelected(false);
        accessAddress.setId("initAccessAddress");
        accessPort.setId("initAccessPort");
        if (!facts.httpsAddress().isBlank()) {
            String current = facts.httpsAddress();
            int colon = current.lastIndexOf(':');
            accessAddress.setText(colon > 0 ? current.substring(0, colon) : current);
            accessPort.setText(colon > 0 ? current.substring(colon + 1) : "8443");
        } else {
            accessAddress.setText("[::]");
            accessPort.setText("8443");
        }
        password.setId("initPassword");
        passwordAgain.setId("initPasswordAgain");
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("init.access.address")), accessAddress);
        grid.addRow(1, new Label(i18n.get("init.access.port")), accessPort);
        if (facts.kind() == ServerKind.INCUS) {
            Label tokens = note(i18n.get("init.access.incusTokens"));
            tokens.setId("initIncusTokens");
            grid.add(tokens, 0, 2, 2, 1);
        } else {
            grid.addRow(2, new Label(i18n.get("init.access.password")), password);
            grid.addRow(3, new Label(i18n.get("init.access.passwordAgain")), passwordAgain);
            grid.add(note(i18n.get("init.access.passwordHint")), 0, 4, 2, 1);
        }
        grid.disableProperty().bind(accessEnabled.selectedProperty().not().or(clusterJoin.selectedProperty()));
        accessEnabled.disableProperty().bind(clusterJoin.selectedProperty());
        VBox page = new VBox(10, joiningNote(), accessEnabled, grid, note(i18n.get("init.access.hint")));
        if (!facts.httpsAddress().isBlank()) {
            page.getChildren().add(0, warning(i18n.format("init.access.existing", facts.httpsAddress())));
        }
        return page;
    }

    private Node imagesPage() {
        autoUpdate.setText(i18n.get("init.images.autoUpdate"));
        autoUpdate.setId("initAutoUpdate");
        autoUpdate.setSelected(true);
        autoUpdate.disableProperty().bind(clusterJoin.selectedProperty());
        return new VBox(10, joiningNote(), autoUpdate, note(i18n.get("init.images.hint")));
    }

    private Node preseedPage() {
        yaml.setId("initPreseed");
        // Lets a test reach import and export without the platform's file dialogs.
        yaml.getProperties().put(InitialisationWizard.class, this);
        yaml.setStyle("-fx-font-family: monospace;");
        yaml.getStyleClass().add("yaml-preview");
        VBox.setVgrow(yaml, Priority.ALWAYS);
        yaml.textProperty().addListener((o, a, b) -> {
            if (!settingYaml) {
                yamlEdited = true;
                yamlState.setText(i18n.get("init.preseed.edited"));
            }
        });
        yamlState.setId("initPreseedState");
        yamlState.getStyleClass().add("text-muted");
        Button importButton = new Button(i18n.get("init.preseed.import"));
        importButton.setId("initImport");
        importButton.setOnAction(e -> importPreseed());
        Button exportButton = new Button(i18n.get("init.preseed.export"));
        exportButton.setId("initExport");
        exportButton.setOnAction(e -> exportPreseed());
        Button rebuild = new Button(i18n.get("init.preseed.rebuild"));
        rebuild.setId("initRebuild");
        rebuild.setOnAction(e -> {
            yamlEdited = false;
            showPreseed();
        });
        HBox buttons = new HBox(8, importButton, exportButton, rebuild);
        for (Button b : List.of(importButton, exportButton, rebuild)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        yamlState.setWrapText(true);
        yamlState.setMinHeight(Region.USE_PREF_SIZE);
        Label secrets = note(i18n.get(facts.kind() == ServerKind.INCUS ? "init.preseed.secretsIncus"
                : "init.preseed.secrets"));
        secrets.setId("initSecretsNote");
        return new VBox(8, note(i18n.get("init.preseed.hint")), buttons, yamlState, yaml, secrets);
    }

    private Node applyPage() {
        steps.setId("initSteps");
        planState.setId("initPlanState");
        planState.setWrapText(true);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(steps);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(10, note(i18n.get("init.apply.hint")), planState, scroll);
    }

    // ---- reading the pages ---------------------------------------------------------------------

    private InitForm readForm() {
        form.clustering = clusterBootstrap.isSelected() ? InitForm.Clustering.BOOTSTRAP
                : clusterJoin.isSelected() ? InitForm.Clustering.JOIN : InitForm.Clustering.NONE;
        form.clusterServerName = serverName.getText();
        form.joinToken = joinToken.getText();
        form.joinServerAddress = joinServerAddress.getText();
        form.joinClusterAddress = joinClusterAddress.getText();
        form.joinMemberConfig = joinMemberConfig.getText();
        form.pool = poolEnabled.isSelected();
        form.poolName = poolName.getText();
        form.poolDriver = poolDriver.getValue();
        form.poolSize = poolSize.getText();
        form.poolSource = poolSource.getText();
        form.network = networkEnabled.isSelected();
        form.networkName = networkName.getText();
        form.ipv4 = comboText(ipv4);
        form.ipv6 = comboText(ipv6);
        form.nat = nat.isSelected();
        form.access = accessEnabled.isSelected();
        form.accessAddress = accessAddress.getText();
        form.accessPort = accessPort.getText();
        form.autoUpdate = autoUpdate.isSelected();
        return form;
    }

    private static String comboText(ComboBox<String> box) {
        String text = box.getEditor().getText();
        return text == null || text.isEmpty() ? String.valueOf(box.getValue()) : text;
    }

    private String message(String key) {
        return key == null ? null : i18n.get(key);
    }

    private String clusterProblem() {
        return message(readForm().clusteringProblem());
    }

    private String storageProblem() {
        return message(readForm().poolProblem(facts.pools()));
    }

    private String networkProblem() {
        return message(readForm().networkProblem());
    }

    private String accessProblem() {
        boolean lxd = facts.kind() != ServerKind.INCUS;
        return message(readForm().accessProblem(lxd ? password.getText() : null,
                lxd ? passwordAgain.getText() : null));
    }

    /** Rebuilds the YAML from the pages unless it was edited or imported. */
    private void showPreseed() {
        if (yamlEdited) {
            return;
        }
        setYaml(PreseedYaml.write(readForm().toPreseed(), false));
        yamlState.setText(i18n.get("init.preseed.fromPages"));
    }

    private void setYaml(String text) {
        settingYaml = true;
        try {
            yaml.setText(text);
        } finally {
            settingYaml = false;
        }
    }

    private String preseedProblem() {
        try {
            Preseed p = PreseedYaml.read(yaml.getText());
            List<String> problems = p.problems(facts.kind() == ServerKind.INCUS);
            if (!problems.isEmpty()) {
                return i18n.get(problems.get(0));
            }
            return p.isEmpty() && !hasSecretsToAdd() ? i18n.get("init.problem.nothing") : null;
        } catch (PreseedYaml.FormatException e) {
            return e.line() > 0 ? i18n.format("init.problem.yamlAt", e.line(), e.getMessage())
                    : i18n.format("init.problem.yaml", e.getMessage());
        }
    }

    private boolean hasSecretsToAdd() {
        return facts.kind() != ServerKind.INCUS && accessEnabled.isSelected() && !password.getText().isEmpty();
    }

    /** The preseed to apply: the YAML, with the secrets from the pages added (they are never in the text). */
    private Preseed toApply() {
        Preseed p = PreseedYaml.read(yaml.getText());
        if (hasSecretsToAdd() && !p.config().containsKey(Preseed.TRUST_PASSWORD)) {
            p = p.withConfigValue(Preseed.TRUST_PASSWORD, password.getText());
        }
        if (p.cluster() != null && p.cluster().joining() && p.cluster().clusterToken() == null
                && !joinToken.getText().isBlank()) {
            p = p.withCluster(p.cluster().withToken(joinToken.getText().strip()));
        }
        return p;
    }

    // ---- import / export -----------------------------------------------------------------------

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter(i18n.get("init.preseed.allFiles"), "*"));
        return chooser;
    }

    private void importPreseed() {
        java.io.File file = chooser("init.preseed.importTitle").showOpenDialog(wizard.window());
        if (file != null) {
            importFrom(file.toPath());
        }
    }

    /** Reads a preseed file; its secrets go to the password and token fields, never into the text. */
    void importFrom(Path path) {
        TaskRunner.run(() -> {
            try {
                if (Files.size(path) > MAX_FILE) {
                    throw new IllegalArgumentException(i18n.get("init.problem.fileTooLarge"));
                }
                return PreseedYaml.read(Files.readString(path, StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, imported -> {
            String secret = imported.config().get(Preseed.TRUST_PASSWORD);
            if (secret != null && facts.kind() != ServerKind.INCUS) {
                accessEnabled.setSelected(true);
                password.setText(secret);
                passwordAgain.setText(secret);
            }
            if (imported.cluster() != null && imported.cluster().clusterToken() != null) {
                joinToken.setText(imported.cluster().clusterToken());
            }
            Preseed shown = facts.kind() == ServerKind.INCUS ? imported
                    : imported.withConfigValue(Preseed.TRUST_PASSWORD, null);
            setYaml(PreseedYaml.write(shown, false));
            yamlEdited = true;
            yamlState.setText(i18n.format("init.preseed.imported", path.getFileName()));
            wizard.revalidate();
        }, failure -> Dialogs.showError(wizard.window(), i18n, i18n.format("init.preseed.importFailed",
                path.getFileName()), failure));
    }

    private void exportPreseed() {
        Preseed p;
        try {
            p = PreseedYaml.read(yaml.getText());
        } catch (PreseedYaml.FormatException e) {
            Dialogs.showError(wizard.window(), i18n, i18n.get("init.preseed.exportFailed"), e);
            return;
        }
        FileChooser chooser = chooser("init.preseed.exportTitle");
        chooser.setInitialFileName("preseed.yaml");
        java.io.File file = chooser.showSaveDialog(wizard.window());
        if (file != null) {
            exportTo(p, file.toPath());
        }
    }

    /** Writes the preseed without its secrets (the trust password and join token are left out). */
    void exportTo(Preseed p, Path path) {
        String text = PreseedYaml.write(p, false);
        TaskRunner.run(() -> {
            try {
                Files.writeString(path, text, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, () -> yamlState.setText(i18n.format("init.preseed.exported", path.getFileName())),
                failure -> Dialogs.showError(wizard.window(), i18n, i18n.get("init.preseed.exportFailed"), failure));
    }

    // ---- plan and apply ------------------------------------------------------------------------

    private void showPlan() {
        plan = null;
        planProblem = null;
        steps.getChildren().clear();
        stepLabels.clear();
        Preseed p;
        try {
            p = toApply();
        } catch (PreseedYaml.FormatException e) {
            planProblem = preseedProblem();
            planState.setText(planProblem);
            return;
        }
        planned = p;
        planState.setText(i18n.get("init.apply.reading"));
        Initialisation init = new Initialisation(client, p);
        TaskRunner.run(init::plan, result -> {
            if (planned != p) {
                return;
            }
            plan = result;
            planState.setText(result.isEmpty() ? i18n.get("init.problem.nothing")
                    : i18n.format("init.apply.count", result.size()));
            showRows(result);
            wizard.revalidate();
        }, failure -> {
            planProblem = i18n.format("init.apply.readFailed", serverText(failure));
            planState.setText(planProblem);
            wizard.revalidate();
        });
    }

    private void showRows(List<Initialisation.Step> result) {
        steps.getChildren().clear();
        stepLabels.clear();
        rowsStale = false;
        for (Initialisation.Step step : result) {
            Label row = new Label(stepText(step) + " — " + i18n.get("init.state.planned"));
            row.setId("initStep" + step.index());
            row.setWrapText(true);
            stepLabels.put(step.index(), row);
            steps.getChildren().add(row);
        }
    }

    private static String serverText(RuntimeException failure) {
        if (failure instanceof dev.hako.lxd.LxdException lxd && lxd.serverMessage() != null) {
            return lxd.serverMessage();
        }
        return String.valueOf(failure.getMessage());
    }

    private String stepText(Initialisation.Step step) {
        boolean create = step.action() == Initialisation.Action.CREATE;
        return switch (step.kind()) {
            case SERVER_CONFIG -> i18n.get("init.step.config");
            case STORAGE_POOL -> i18n.format(create ? "init.step.pool.create" : "init.step.pool.update", step.name());
            case NETWORK -> i18n.format(create ? "init.step.network.create" : "init.step.network.update",
                    step.name());
            case PROJECT -> i18n.format(create ? "init.step.project.create" : "init.step.project.update",
                    step.name());
            case PROFILE -> i18n.format(create ? "init.step.profile.create" : "init.step.profile.update",
                    step.name());
            case CLUSTER_BOOTSTRAP -> i18n.format("init.step.bootstrap", step.name());
            case CLUSTER_JOIN -> i18n.format("init.step.join", step.name());
        };
    }

    private String stateText(Initialisation.State state) {
        return i18n.get(switch (state) {
            case RUNNING -> "init.state.running";
            case DONE -> "init.state.done";
            case FAILED -> "init.state.failed";
            case REVERTING -> "init.state.reverting";
            case REVERTED -> "init.state.reverted";
            case REVERT_FAILED -> "init.state.revert_failed";
        });
    }

    private String applyProblem() {
        if (planProblem != null) {
            return planProblem;
        }
        if (plan == null) {
            return i18n.get("init.apply.reading");
        }
        return plan.isEmpty() ? i18n.get("init.problem.nothing") : null;
    }

    private void report(Initialisation.Report report) {
        Label row = stepLabels.get(report.step().index());
        if (row == null) {
            return;
        }
        String state = stateText(report.state());
        row.setText(stepText(report.step()) + " — " + state
                + (report.message() == null ? "" : ": " + report.message()));
        row.getStyleClass().removeAll("success", "danger", "warning");
        switch (report.state()) {
            case DONE, REVERTED -> row.getStyleClass().add("success");
            case FAILED, REVERT_FAILED -> row.getStyleClass().add("danger");
            case RUNNING, REVERTING -> row.getStyleClass().add("warning");
            default -> {
            }
        }
    }

    private void finish(WizardDialog dialog) {
        Preseed p = planned;
        if (rowsStale) {
            showRows(plan);
        }
        Initialisation init = new Initialisation(client, p);
        TaskRunner.run(() -> init.apply(r -> Platform.runLater(() -> report(r))), done -> {
            dialog.close();
            Dialogs.inform(owner, i18n, i18n.format("init.done.header", remote.name()),
                    i18n.format("init.done.text", done.size()));
        }, failure -> {
            dialog.failed();
            if (failure instanceof Initialisation.InitialisationException e) {
                String header = e.fullyReverted()
                        ? i18n.format("init.failed.reverted", stepText(e.step()))
                        : i18n.format("init.failed.left", stepText(e.step()), e.revertFailures().size());
                planState.setText(header);
                Dialogs.showError(dialog.window(), i18n, i18n.format("init.action.step", stepText(e.step())),
                        e.failure());
                // What the server has now may differ from the plan (nothing, when all was undone).
                plan = null;
                rowsStale = true;
                showPlanAfterFailure();
            } else {
                Dialogs.showError(dialog.window(), i18n, i18n.format("init.action", remote.name()), failure);
            }
        });
    }

    /** Keeps the step rows (with their results) on screen but lets the user try again with a fresh plan. */
    private void showPlanAfterFailure() {
        Preseed p = planned;
        TaskRunner.run(new Initialisation(client, p)::plan, result -> {
            if (planned == p) {
                plan = result;
                wizard.revalidate();
            }
        }, failure -> {
            planProblem = i18n.format("init.apply.readFailed", serverText(failure));
            wizard.revalidate();
        });
    }
}
