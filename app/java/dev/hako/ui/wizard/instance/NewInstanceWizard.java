package dev.hako.ui.wizard.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.RunningOperation;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.StoragePool;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.ConfigDirectory;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.remote.simplestreams.SimplestreamsClient;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.common.WizardDialog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Creates an instance: the image from the server's own images, another connected
 * remote's images (the server pulls from it) or a simplestreams image server browsed
 * by OS, release, architecture and variant; then name, type, profiles, limits, root
 * pool, cluster member, network, cloud-init user-data and start; then the request as
 * YAML. The download progress is shown while the server works. A failed create leaves
 * nothing behind; a failed start keeps the instance and says so.
 */
public final class NewInstanceWizard {

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

    /** Where images come from. */
    sealed interface Source permits OwnImages, RemoteImages, ServerImages {
    }

    record OwnImages(RemoteModel remote) implements Source {
    }

    record RemoteImages(RemoteModel remote) implements Source {
    }

    record ServerImages(RemoteConfig config) implements Source {
    }

    /** What the target server has, read once when the wizard opens. */
    record Facts(Server server, ServerKind kind, Set<String> names, List<String> profiles, List<String> pools,
                 List<String> networks, List<String> members) {
    }

    /** How another remote's images are reached by the target: its HTTPS address and certificate. */
    private record Reach(String address, String certificate) {
    }

    /** The outcome: the instance exists; {@code startFailure} says why it did not start, if it did not. */
    private record Outcome(String name, RuntimeException startFailure) {
    }

    private final Window owner;
    private final I18n i18n;
    private final RemoteModel target;
    private final LxdClient client;
    private final Facts facts;
    private final List<Source> sources = new ArrayList<>();
    private final RemotesFile remotesFile;

    private final ChoiceBox<Source> source = new ChoiceBox<>();
    private final ChoiceBox<String> osFilter = new ChoiceBox<>();
    private final ChoiceBox<String> releaseFilter = new ChoiceBox<>();
    private final ChoiceBox<String> archFilter = new ChoiceBox<>();
    private final ChoiceBox<String> variantFilter = new ChoiceBox<>();
    private final TextField search = new TextField();
    private final ObservableList<ImageChoice> rows = FXCollections.observableArrayList();
    private final FilteredList<ImageChoice> shown = new FilteredList<>(rows);
    private final TableView<ImageChoice> table = new TableView<>(shown);
    private final Label sourceStatus = new Label();
    private final Button trust = new Button();

    private final TextField name = new TextField();
    private final ChoiceBox<String> type = new ChoiceBox<>();
    private final List<CheckBox> profileBoxes = new ArrayList<>();
    private final ChoiceBox<InstanceRequest.Preset> preset = new ChoiceBox<>();
    private final TextField cpu = new TextField();
    private final TextField memory = new TextField();
    private final ChoiceBox<String> pool = new ChoiceBox<>();
    private final ChoiceBox<String> member = new ChoiceBox<>();
    private final ChoiceBox<String> network = new ChoiceBox<>();
    private final TextArea userData = new TextArea();
    private final CheckBox start = new CheckBox();

    private final TextArea preview = new TextArea();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar(0);

    private WizardDialog wizard;
    private boolean loading;
    private String loadProblem;
    private Source loaded;
    private Reach reach;
    private SimplestreamsClient imageServer;
    private final AtomicReference<RunningOperation> running = new AtomicReference<>();

    private NewInstanceWizard(Window owner, I18n i18n, RemoteModel target, LxdClient client, Facts facts,
                              List<RemoteModel> others, List<RemoteConfig> imageServers, RemotesFile remotesFile) {
        this.owner = owner;
        this.i18n = i18n;
        this.target = target;
        this.client = client;
        this.facts = facts;
        this.remotesFile = remotesFile;
        sources.add(new OwnImages(target));
        others.forEach(o -> sources.add(new RemoteImages(o)));
        imageServers.forEach(s -> sources.add(new ServerImages(s)));
    }

    /** The application's remotes file, when it has one: image servers come from it and pins go to it. */
    private static volatile RemotesFile sessionFile;

    public static void useRemotesFile(RemotesFile file) {
        sessionFile = file;
    }

    /**
     * Opens the wizard with the image servers saved in the remotes file. Without the
     * application's own copy (see {@link #useRemotesFile}) the file is only read, and a
     * certificate pinned in the wizard is kept for this wizard only: writing from a second
     * copy could undo the application's later changes.
     */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel target) {
        RemotesFile shared = sessionFile;
        if (shared != null) {
            open(owner, i18n, workspace, target, shared.remotes().stream().filter(RemoteConfig::imageOnly).toList(),
                    shared);
            return;
        }
        TaskRunner.run(() -> {
            try {
                return RemotesFile.load(ConfigDirectory.resolve(System.getenv())).remotes().stream()
                        .filter(RemoteConfig::imageOnly).toList();
            } catch (java.io.IOException | RuntimeException unreadable) {
                return List.<RemoteConfig>of();
            }
        }, servers -> open(owner, i18n, workspace, target, servers, null), failure -> { });
    }

    /**
     * Opens the wizard on {@code target} with these image servers; {@code remotesFile}, when
     * given, keeps a certificate the user pins for a self-signed image server.
     */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel target,
                            List<RemoteConfig> imageServers, RemotesFile remotesFile) {
        LxdClient client = target.client();
        if (client == null) {
            Dialogs.showError(owner, i18n, i18n.get("newinstance.title"),
                    new dev.hako.lxd.UnreachableException(target.name(), null));
            return;
        }
        List<RemoteModel> others = new ArrayList<>();
        if (workspace != null) {
            workspace.remotes().stream().filter(r -> r != target && r.client() != null).forEach(others::add);
        }
        TaskRunner.run(() -> readFacts(client), facts -> new NewInstanceWizard(owner, i18n, target, client, facts,
                others, imageServers, remotesFile).show(), failure -> Dialogs.showError(owner, i18n,
                i18n.get("newinstance.title"), failure));
    }

    static Facts readFacts(LxdClient client) {
        Server server = client.refreshServer();
        Set<String> names = new TreeSet<>(client.instances().names());
        List<String> profiles = client.profiles().list().stream().map(Profile::name).sorted().toList();
        List<String> pools = client.storage().pools().stream().map(StoragePool::name).sorted().toList();
        List<String> networks = client.networks().list().stream().filter(Network::managed).map(Network::name)
                .sorted().toList();
        List<String> members = List.of();
        if (server.environment() != null && server.environment().serverClustered()) {
            members = client.cluster().members().stream().map(ClusterMember::serverName).sorted().toList();
        }
        return new Facts(server, client.kind(), names, profiles, pools, networks, members);
    }

    private void show() {
        wizard = new WizardDialog(owner, i18n, i18n.format("newinstance.titleOn", target.name()));
        wizard.size(940, 640)
                .page(i18n.get("newinstance.page.image"), imagePage(), this::imageProblem, null)
                .page(i18n.get("newinstance.page.settings"), settingsPage(), this::settingsProblem, this::onSettings)
                .page(i18n.get("newinstance.page.summary"), summaryPage(), this::settingsProblem, this::updatePreview)
                .onFinish(this::finish)
                .onCancelWhileWorking(this::cancelRunning)
                .show();
        source.setValue(sources.get(0));
    }

    // ---- page 1: the image ----

    private VBox imagePage() {
        source.setId("newInstanceSource");
        source.getItems().setAll(sources);
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(Source s) {
                if (s instanceof OwnImages own) {
                    return i18n.format("newinstance.source.own", own.remote().name());
                } else if (s instanceof RemoteImages other) {
                    return i18n.format("newinstance.source.remote", other.remote().name());
                } else if (s instanceof ServerImages server) {
                    return i18n.format("newinstance.source.server", server.config().name(),
                            server.config().address());
                }
                return "";
            }

            @Override
            public Source fromString(String text) {
                return null;
            }
        });
        source.setMaxWidth(Double.MAX_VALUE);
        source.valueProperty().addListener((o, a, b) -> load(b));

        osFilter.setId("newInstanceOs");
        releaseFilter.setId("newInstanceRelease");
        archFilter.setId("newInstanceArch");
        variantFilter.setId("newInstanceVariant");
        search.setId("newInstanceSearch");
        search.setPromptText(i18n.get("newinstance.search"));
        StringConverter<String> any = new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? i18n.get("newinstance.filter.any") : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
        for (ChoiceBox<String> filter : List.of(osFilter, releaseFilter, archFilter, variantFilter)) {
            filter.setConverter(any);
            // Room for a value such as "x86_64" or "cloud" next to the arrow: the row has space to spare.
            filter.setMinWidth(100);
            filter.valueProperty().addListener((o, a, b) -> applyFilter());
        }
        search.textProperty().addListener((o, a, b) -> applyFilter());

        table.setId("newInstanceImages");
        table.getColumns().add(column("newinstance.col.alias", ImageChoice::name, 170));
        table.getColumns().add(column("newinstance.col.os", ImageChoice::os, 90));
        table.getColumns().add(column("newinstance.col.release", ImageChoice::release, 80));
        table.getColumns().add(column("newinstance.col.arch", ImageChoice::architecture, 100));
        table.getColumns().add(column("newinstance.col.variant", ImageChoice::variant, 80));
        table.getColumns().add(column("newinstance.col.type", c -> c.types().stream().map(this::typeLabel)
                .collect(Collectors.joining(", ")), 110));
        table.getColumns().add(column("newinstance.col.size", c -> ImageChoice.humanSize(c.size()), 70));
        table.getColumns().add(column("newinstance.col.description", ImageChoice::description, 220));
        table.setPlaceholder(new Label(i18n.get("newinstance.noImages")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> wizard.revalidate());
        VBox.setVgrow(table, Priority.ALWAYS);

        sourceStatus.setId("newInstanceSourceStatus");
        sourceStatus.setWrapText(true);
        sourceStatus.getStyleClass().add("text-muted");
        trust.setId("newInstanceTrust");
        trust.setText(i18n.get("newinstance.trust"));
        trust.setVisible(false);
        trust.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        trust.managedProperty().bind(trust.visibleProperty());
        trust.setOnAction(e -> checkCertificate());

        GridPane top = grid();
        top.addRow(0, new Label(i18n.get("newinstance.source")), source);
        HBox filters = new HBox(8, fixed(new Label(i18n.get("newinstance.filter.os"))), osFilter,
                fixed(new Label(i18n.get("newinstance.filter.release"))), releaseFilter,
                fixed(new Label(i18n.get("newinstance.filter.arch"))), archFilter,
                fixed(new Label(i18n.get("newinstance.filter.variant"))), variantFilter);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(8, search);
        HBox statusRow = new HBox(8, sourceStatus, trust);
        statusRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(10, top, filters, searchRow, table, statusRow);
    }

    private TableColumn<ImageChoice, String> column(String key, java.util.function.Function<ImageChoice, String> value,
                                                    double width) {
        TableColumn<ImageChoice, String> column = new TableColumn<>(i18n.get(key));
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private String typeLabel(String instanceType) {
        return i18n.get("virtual-machine".equals(instanceType) ? "newinstance.type.vm" : "newinstance.type.container");
    }

    private void load(Source chosen) {
        loaded = null;
        reach = null;
        imageServer = null;
        loading = true;
        loadProblem = null;
        trust.setVisible(false);
        rows.clear();
        sourceStatus.setText(i18n.get("newinstance.loading"));
        wizard.revalidate();
        TaskRunner.run(() -> read(chosen), result -> {
            if (source.getValue() != chosen) {
                return;
            }
            loading = false;
            loaded = chosen;
            rows.setAll(result);
            updateFilters();
            sourceStatus.setText(i18n.format("newinstance.loaded", result.size()));
            wizard.revalidate();
        }, failure -> {
            if (source.getValue() != chosen) {
                return;
            }
            loading = false;
            if (failure instanceof SimplestreamsClient.UntrustedServerException untrusted) {
                loadProblem = untrusted.pinned() ? i18n.format("newinstance.problem.pinMismatch",
                        untrusted.address()) : i18n.format("newinstance.problem.untrusted", untrusted.address());
                trust.setVisible(true);
            } else {
                loadProblem = i18n.format("newinstance.problem.load", message(failure));
            }
            // The problem shows in the wizard's message line; the status line keeps only the trust button.
            sourceStatus.setText("");
            wizard.revalidate();
        });
    }

    private static String message(RuntimeException failure) {
        if (failure instanceof dev.hako.lxd.LxdException lxd && lxd.serverMessage() != null) {
            return lxd.serverMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** Reads a source's images (background). */
    private List<ImageChoice> read(Source chosen) {
        if (chosen instanceof OwnImages own) {
            return sorted(client.images().list().stream().map(ImageChoice::of).toList());
        }
        if (chosen instanceof RemoteImages other) {
            LxdClient otherClient = other.remote().client();
            if (otherClient == null) {
                throw new dev.hako.lxd.UnreachableException(other.remote().name(), null);
            }
            Server info = otherClient.refreshServer();
            List<String> addresses = info.environment() == null || info.environment().addresses() == null
                    ? List.of() : info.environment().addresses();
            if (addresses.isEmpty()) {
                throw new IllegalStateException(i18n.format("newinstance.problem.noAddress", other.remote().name()));
            }
            reach = new Reach("https://" + addresses.get(0), info.environment().certificate());
            return sorted(otherClient.images().list().stream().map(ImageChoice::of).toList());
        }
        ServerImages server = (ServerImages) chosen;
        SimplestreamsClient ss = SimplestreamsClient.of(server.config());
        String daemon = facts.kind() == ServerKind.INCUS ? SimplestreamsImage.INCUS : SimplestreamsImage.LXD;
        Map<String, List<SimplestreamsImage>> byProduct = new LinkedHashMap<>();
        for (SimplestreamsImage image : ss.images()) {
            if (image.pullableBy(daemon)) {
                byProduct.computeIfAbsent(image.product(), k -> new ArrayList<>()).add(image);
            }
        }
        imageServer = ss;
        return sorted(byProduct.values().stream().map(ImageChoice::of).toList());
    }

    private static List<ImageChoice> sorted(List<ImageChoice> choices) {
        List<ImageChoice> list = new ArrayList<>(choices);
        list.sort(Comparator.comparing(ImageChoice::os, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(ImageChoice::release).thenComparing(ImageChoice::name));
        return list;
    }

    /** Refills the filter choices from the rows; the architecture starts on the server's own. */
    private void updateFilters() {
        fill(osFilter, ImageChoice::os, null);
        fill(releaseFilter, ImageChoice::release, null);
        List<String> serverArchs = facts.server().environment() == null
                || facts.server().environment().architectures() == null ? List.of()
                : facts.server().environment().architectures();
        fill(archFilter, ImageChoice::architecture, serverArchs.isEmpty() ? null : serverArchs.get(0));
        fill(variantFilter, ImageChoice::variant, null);
        applyFilter();
    }

    private void fill(ChoiceBox<String> filter, java.util.function.Function<ImageChoice, String> field,
                      String preferred) {
        List<String> values = new ArrayList<>();
        values.add("");
        rows.stream().map(field).filter(v -> v != null && !v.isEmpty()).distinct().sorted().forEach(values::add);
        filter.getItems().setAll(values);
        filter.setValue(preferred != null && values.contains(preferred) ? preferred : "");
    }

    private void applyFilter() {
        shown.setPredicate(row -> same(osFilter, row.os()) && same(releaseFilter, row.release())
                && same(archFilter, row.architecture()) && same(variantFilter, row.variant())
                && row.matches(search.getText()));
        if (table.getSelectionModel().getSelectedItem() == null && shown.size() == 1) {
            table.getSelectionModel().select(0);
        }
        if (wizard != null) {
            wizard.revalidate();
        }
    }

    private static boolean same(ChoiceBox<String> filter, String value) {
        String wanted = filter.getValue();
        return wanted == null || wanted.isEmpty() || wanted.equals(value);
    }

    private String imageProblem() {
        if (loading) {
            return i18n.get("newinstance.loading");
        }
        if (loadProblem != null) {
            return loadProblem;
        }
        if (table.getSelectionModel().getSelectedItem() == null) {
            return i18n.get("newinstance.problem.noImage");
        }
        return null;
    }

    /** A self-signed image server: show its certificate, and pin it when the user agrees. */
    private void checkCertificate() {
        if (!(source.getValue() instanceof ServerImages server)) {
            return;
        }
        RemoteConfig config = server.config();
        TaskRunner.run(() -> ServerCertificateProbe.probe(RemoteAddress.parse(config.address())), seen -> {
            String text = i18n.format("newinstance.trust.text", config.address(), seen.fingerprint(),
                    seen.subject(), seen.notAfter().toString());
            if (!Dialogs.confirm(wizard.window(), i18n, i18n.get("newinstance.trust.header"), text)) {
                return;
            }
            RemoteConfig pinned = config.withServerCertificate(seen.pem(), seen.fingerprint());
            int at = sources.indexOf(server);
            ServerImages replaced = new ServerImages(pinned);
            sources.set(at, replaced);
            source.getItems().set(source.getItems().indexOf(server), replaced);
            source.setValue(replaced);
            if (remotesFile != null) {
                TaskRunner.run(() -> {
                    try {
                        remotesFile.replace(pinned);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, () -> { }, failure -> Dialogs.showError(wizard.window(), i18n,
                        i18n.get("newinstance.trust.save"), failure));
            }
        }, failure -> Dialogs.showError(wizard.window(), i18n, i18n.get("newinstance.trust"), failure));
    }

    // ---- page 2: settings ----

    private VBox settingsPage() {
        name.setId("newInstanceName");
        name.setPromptText(i18n.get("newinstance.namePrompt"));
        type.setId("newInstanceType");
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : typeLabel(value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        FlowPane profiles = new FlowPane(12, 6);
        profiles.setId("newInstanceProfiles");
        for (String p : facts.profiles()) {
            CheckBox box = new CheckBox(p);
            box.setId("newInstanceProfile-" + p);
            box.setSelected(p.equals("default"));
            profileBoxes.add(box);
            profiles.getChildren().add(box);
        }
        preset.setId("newInstanceLimits");
        preset.getItems().setAll(InstanceRequest.Preset.values());
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(InstanceRequest.Preset value) {
                if (value == null) {
                    return "";
                }
                String label = i18n.get(switch (value) {
                    case NONE -> "newinstance.limits.none";
                    case SMALL -> "newinstance.limits.small";
                    case MEDIUM -> "newinstance.limits.medium";
                    case LARGE -> "newinstance.limits.large";
                    case CUSTOM -> "newinstance.limits.custom";
                });
                return value.cpu == null ? label : i18n.format("newinstance.limits.preset", label, value.cpu,
                        value.memory);
            }

            @Override
            public InstanceRequest.Preset fromString(String text) {
                return null;
            }
        });
        preset.setValue(InstanceRequest.Preset.NONE);
        cpu.setId("newInstanceCpu");
        memory.setId("newInstanceMemory");
        cpu.setPromptText(i18n.get("newinstance.cpuPrompt"));
        memory.setPromptText(i18n.get("newinstance.memoryPrompt"));
        cpu.setPrefColumnCount(6);
        memory.setPrefColumnCount(8);
        cpu.disableProperty().bind(preset.valueProperty().isNotEqualTo(InstanceRequest.Preset.CUSTOM));
        memory.disableProperty().bind(cpu.disableProperty());
        preset.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != InstanceRequest.Preset.CUSTOM) {
                cpu.setText(b.cpu == null ? "" : b.cpu);
                memory.setText(b.memory == null ? "" : b.memory);
            }
        });
        HBox limits = new HBox(8, preset, fixed(new Label(i18n.get("newinstance.cpu"))), cpu,
                fixed(new Label(i18n.get("newinstance.memory"))), memory);
        limits.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        String fromProfiles = "";
        pool.setId("newInstancePool");
        pool.getItems().add(fromProfiles);
        pool.getItems().addAll(facts.pools());
        pool.setValue(fromProfiles);
        pool.setConverter(labelled("newinstance.pool.profiles"));
        member.setId("newInstanceMember");
        member.getItems().add(fromProfiles);
        member.getItems().addAll(facts.members());
        member.setValue(fromProfiles);
        member.setConverter(labelled("newinstance.member.any"));
        network.setId("newInstanceNetwork");
        network.getItems().add(fromProfiles);
        network.getItems().addAll(facts.networks());
        network.setValue(fromProfiles);
        network.setConverter(labelled("newinstance.network.profiles"));

        userData.setId("newInstanceUserData");
        userData.setPromptText("#cloud-config");
        userData.setPrefRowCount(5);
        userData.setStyle("-fx-font-family: monospace;");
        start.setId("newInstanceStart");
        start.setText(i18n.get("newinstance.start"));
        start.setSelected(true);

        GridPane grid = grid();
        int row = 0;
        grid.addRow(row++, new Label(i18n.get("newinstance.name")), name);
        grid.addRow(row++, new Label(i18n.get("newinstance.type")), type);
        grid.addRow(row++, new Label(i18n.get("newinstance.profiles")), profiles);
        grid.addRow(row++, new Label(i18n.get("newinstance.limits")), limits);
        grid.addRow(row++, new Label(i18n.get("newinstance.pool")), pool);
        if (!facts.members().isEmpty()) {
            grid.addRow(row++, new Label(i18n.get("newinstance.member")), member);
        }
        grid.addRow(row++, new Label(i18n.get("newinstance.network")), network);
        Label userDataLabel = new Label(i18n.format("newinstance.userData", cloudInitKey()));
        grid.addRow(row++, userDataLabel, userData);
        GridPane.setValignment(userDataLabel, javafx.geometry.VPos.TOP);
        grid.add(start, 1, row);
        return new VBox(10, grid);
    }

    private static Label fixed(Label label) {
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private StringConverter<String> labelled(String emptyKey) {
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? i18n.get(emptyKey) : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }

    private String cloudInitKey() {
        return InstanceRequest.cloudInitKey(facts.server().hasExtension("cloud_init"));
    }

    /** The types the chosen image offers; the choice is kept when still offered. */
    private void onSettings() {
        ImageChoice image = table.getSelectionModel().getSelectedItem();
        if (image == null) {
            return;
        }
        String before = type.getValue();
        type.getItems().setAll(image.types());
        type.setValue(before != null && image.types().contains(before) ? before : image.types().get(0));
        type.setDisable(image.types().size() < 2);
    }

    private String settingsProblem() {
        String wanted = name.getText().trim();
        var rule = NameRules.check(wanted);
        if (rule.isPresent()) {
            return i18n.get(rule.get().messageKey);
        }
        if (facts.names().contains(wanted) || target.instances().snapshot().containsKey(wanted)) {
            return i18n.format("newinstance.problem.taken", wanted, target.name());
        }
        if ("virtual-machine".equals(type.getValue()) && !supportsVms()) {
            return i18n.format("newinstance.problem.noVms", target.name());
        }
        if (preset.getValue() == InstanceRequest.Preset.CUSTOM) {
            if (!cpu.getText().isBlank() && !InstanceRequest.validCpu(cpu.getText())) {
                return i18n.get("newinstance.problem.cpu");
            }
            if (!memory.getText().isBlank() && !InstanceRequest.validMemory(memory.getText())) {
                return i18n.get("newinstance.problem.memory");
            }
        }
        String yaml = InstanceRequest.userDataProblem(userData.getText());
        if (yaml != null) {
            return yaml.equals("header") ? i18n.get("newinstance.problem.userDataHeader")
                    : i18n.format("newinstance.problem.userData", yaml);
        }
        return null;
    }

    private boolean supportsVms() {
        String driver = facts.server().environment() == null ? null : facts.server().environment().driver();
        return driver != null && driver.contains("qemu");
    }

    // ---- page 3: summary ----

    private VBox summaryPage() {
        preview.setId("newInstancePreview");
        preview.setEditable(false);
        preview.setStyle("-fx-font-family: monospace;");
        VBox.setVgrow(preview, Priority.ALWAYS);
        progressText.setId("newInstanceProgress");
        progressText.setWrapText(true);
        progress.setId("newInstanceProgressBar");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        Label hint = new Label(i18n.get("newinstance.summary.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        return new VBox(8, hint, preview, progress, progressText);
    }

    private String chosenTarget() {
        return member.getValue() == null || member.getValue().isEmpty() ? null : member.getValue();
    }

    /** The request with a placeholder for what only the finish step knows (another remote's secret). */
    private InstancesPost request(String secret) {
        ImageChoice image = table.getSelectionModel().getSelectedItem();
        String instanceType = type.getValue() == null ? image.types().get(0) : type.getValue();
        String fingerprint = image.fingerprints().get(instanceType);
        InstanceSource imageSource;
        if (loaded instanceof RemoteImages) {
            imageSource = InstanceSource.remoteImage(reach.address(), "lxd", null, fingerprint, reach.certificate(),
                    secret);
        } else if (loaded instanceof ServerImages) {
            imageSource = InstanceSource.remoteImage(imageServer.address(), "simplestreams", null, fingerprint,
                    imageServer.certificatePem(), null);
        } else {
            imageSource = InstanceSource.imageFingerprint(fingerprint);
        }
        List<String> profiles = profileBoxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
        InstanceRequest.Preset limits = preset.getValue();
        return InstanceRequest.build(new InstanceRequest.Choices(name.getText().trim(), instanceType, imageSource,
                profiles, limits == InstanceRequest.Preset.NONE ? null : cpu.getText(),
                limits == InstanceRequest.Preset.NONE ? null : memory.getText(),
                pool.getValue() == null || pool.getValue().isEmpty() ? null : pool.getValue(),
                network.getValue() == null || network.getValue().isEmpty() ? null : network.getValue(),
                cloudInitKey(), userData.getText(), chosenTarget()));
    }

    private void updatePreview() {
        progressText.setText("");
        progress.setVisible(false);
        if (table.getSelectionModel().getSelectedItem() == null) {
            return;
        }
        boolean needsSecret = loaded instanceof RemoteImages && !table.getSelectionModel().getSelectedItem()
                .isPublic();
        preview.setText(InstanceRequest.preview(request(needsSecret ? "-" : null), chosenTarget())
                + (start.isSelected() ? "---\n# PUT /1.0/instances/" + name.getText().trim()
                + "/state\naction: start\n" : ""));
    }

    // ---- finish ----

    private void finish(WizardDialog dialog) {
        ImageChoice image = table.getSelectionModel().getSelectedItem();
        boolean needsSecret = loaded instanceof RemoteImages && !image.isPublic();
        RemoteModel sourceRemote = loaded instanceof RemoteImages other ? other.remote() : null;
        String instanceName = name.getText().trim();
        boolean startAfter = start.isSelected();
        String member = chosenTarget();
        progress.setVisible(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progressText.setText(i18n.get("newinstance.progress.sending"));
        TaskRunner.run(() -> {
            if (client.instances().names().contains(instanceName)) {
                throw new NameTakenException(i18n.format("newinstance.problem.taken", instanceName, target.name()));
            }
            String secret = null;
            if (needsSecret) {
                LxdClient other = sourceRemote.client();
                if (other == null) {
                    throw new dev.hako.lxd.UnreachableException(sourceRemote.name(), null);
                }
                RunningOperation secretOperation = other.images().secret(image.fingerprints().get(
                        type.getValue() == null ? image.types().get(0) : type.getValue()));
                secret = secretOperation.latest().metadata().path("secret").asText(null);
            }
            InstancesPost post = request(secret);
            RunningOperation operation = client.instances().create(post, member);
            running.set(operation);
            try (AutoCloseable watch = operation.onUpdate(this::showProgress)) {
                operation.awaitSuccess(CREATE_TIMEOUT);
            } catch (RuntimeException failed) {
                removeLeftover(instanceName);
                throw failed;
            } catch (Exception closing) {
                // closing the progress watch does not fail the create
            } finally {
                running.set(null);
            }
            if (startAfter) {
                Platform.runLater(() -> progressText.setText(i18n.get("newinstance.progress.starting")));
                try {
                    client.instances().changeState(instanceName, InstanceStatePut.start()).awaitSuccess(START_TIMEOUT);
                } catch (RuntimeException startFailed) {
                    return new Outcome(instanceName, startFailed);
                }
            }
            return new Outcome(instanceName, null);
        }, outcome -> {
            dialog.close();
            if (outcome.startFailure() != null) {
                Dialogs.showError(owner, i18n, i18n.format("newinstance.startFailed", outcome.name()),
                        outcome.startFailure());
            }
        }, failure -> {
            progress.setVisible(false);
            progressText.setText(i18n.format("newinstance.progress.failed", message(failure)));
            dialog.failed();
            if (failure instanceof NameTakenException) {
                facts.names().add(instanceName);
            }
            Dialogs.showError(dialog.window(), i18n, i18n.format("newinstance.action", instanceName), failure);
        });
    }

    /** After a failed create: the server normally leaves nothing, but a half-made instance must not stay. */
    private void removeLeftover(String instanceName) {
        try {
            client.instances().get(instanceName);
        } catch (NotFoundException | IllegalStateException nothing) {
            return;
        } catch (RuntimeException unknown) {
            return;
        }
        try {
            client.instances().delete(instanceName).awaitSuccess(START_TIMEOUT);
        } catch (RuntimeException ignored) {
            // reported with the create failure; the instance list shows what is left
        }
    }

    private void showProgress(Operation op) {
        String text = null;
        if (op.metadata() != null) {
            var fields = op.metadata().fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                if (entry.getKey().endsWith("_progress") && entry.getValue().isTextual()) {
                    text = entry.getValue().asText();
                }
            }
        }
        if (text == null) {
            return;
        }
        String shownText = text;
        Matcher percent = PERCENT.matcher(text);
        double fraction = percent.find() ? Math.min(100, Integer.parseInt(percent.group(1))) / 100.0
                : ProgressBar.INDETERMINATE_PROGRESS;
        Platform.runLater(() -> {
            progressText.setText(i18n.format("newinstance.progress.server", shownText));
            progress.setProgress(fraction);
        });
    }

    private void cancelRunning() {
        RunningOperation operation = running.get();
        if (operation == null) {
            return;
        }
        TaskRunner.run(operation::cancel, () -> progressText.setText(i18n.get("newinstance.progress.cancelling")),
                failure -> Dialogs.showError(wizard.window(), i18n, i18n.get("newinstance.cancel"), failure));
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(label, field);
        return grid;
    }

    /** The name was taken between the page check and the create. */
    static final class NameTakenException extends dev.hako.lxd.ConflictException {
        NameTakenException(String message) {
            super(message, 409, message);
        }
    }
}
