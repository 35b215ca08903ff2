package dev.hako.ui.wizard.init;

import dev.hako.model.RemoteModel;
import dev.hako.remote.init.Initialisation.Existing;
import dev.hako.remote.init.Preseed;
import dev.hako.remote.init.PreseedYaml;
import dev.hako.remote.init.ServerFacts;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.wizard.init.InitAnswers.Clustering;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The GUI's {@code lxd init}, without controls: what each page says (clustering, storage
 * pool, bridge, network access, image updates) as properties, what is wrong with each page,
 * the preseed those answers make, kept in step with the pages both ways ({@link #preseed()}),
 * and the steps that apply it ({@link #steps()}). The trust password and a join token live only
 * in their own properties: never in the preseed text, never exported, added when applying.
 */
public final class InitialisationViewModel {

    /** The wizard's pages, in order. */
    public enum Page {
        CLUSTER("init.page.cluster"), STORAGE("init.page.storage"), NETWORK("init.page.network"),
        ACCESS("init.page.access"), IMAGES("init.page.images"), PRESEED("init.page.preseed"),
        APPLY("init.page.apply");

        private final String titleKey;

        Page(String titleKey) {
            this.titleKey = titleKey;
        }

        /** Whether a joining server has no use for the page: the cluster gives it all of that. */
        public boolean unusedWhenJoining() {
            return this == STORAGE || this == NETWORK || this == ACCESS || this == IMAGES;
        }
    }

    private final I18n i18n;
    private final RemoteModel remote;
    private final ServerFacts facts;
    private final Set<String> existingPools;
    private final Set<String> existingNetworks;

    private final ObjectProperty<Clustering> clustering = new SimpleObjectProperty<>(this, "clustering");
    private final StringProperty serverName = new SimpleStringProperty(this, "serverName");
    private final StringProperty joinServerAddress = new SimpleStringProperty(this, "joinServerAddress");
    private final StringProperty joinClusterAddress = new SimpleStringProperty(this, "joinClusterAddress");
    private final StringProperty joinMemberConfig = new SimpleStringProperty(this, "joinMemberConfig");
    private final BooleanProperty poolEnabled = new SimpleBooleanProperty(this, "poolEnabled");
    private final StringProperty poolName = new SimpleStringProperty(this, "poolName");
    private final StringProperty poolDriver = new SimpleStringProperty(this, "poolDriver");
    private final StringProperty poolSize = new SimpleStringProperty(this, "poolSize");
    private final StringProperty poolSource = new SimpleStringProperty(this, "poolSource");
    private final BooleanProperty networkEnabled = new SimpleBooleanProperty(this, "networkEnabled");
    private final StringProperty networkName = new SimpleStringProperty(this, "networkName");
    private final StringProperty ipv4 = new SimpleStringProperty(this, "ipv4");
    private final StringProperty ipv6 = new SimpleStringProperty(this, "ipv6");
    private final BooleanProperty nat = new SimpleBooleanProperty(this, "nat");
    private final BooleanProperty accessEnabled = new SimpleBooleanProperty(this, "accessEnabled");
    private final StringProperty accessAddress = new SimpleStringProperty(this, "accessAddress");
    private final StringProperty accessPort = new SimpleStringProperty(this, "accessPort");
    private final BooleanProperty autoUpdate = new SimpleBooleanProperty(this, "autoUpdate");
    // Secrets: in these properties only.
    private final StringProperty joinToken = new SimpleStringProperty(this, "joinToken", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty passwordAgain = new SimpleStringProperty(this, "passwordAgain", "");

    private final Observable[] answerProperties = {clustering, serverName, joinServerAddress, joinClusterAddress,
        joinMemberConfig, poolEnabled, poolName, poolDriver, poolSize, poolSource, networkEnabled, networkName, ipv4,
        ipv6, nat, accessEnabled, accessAddress, accessPort, autoUpdate};
    private final BooleanBinding joining = Bindings.equal(Clustering.JOIN, clustering);
    private final BooleanBinding poolSizeUsed = Bindings.createBooleanBinding(() -> answers().poolSizeUsed(),
            poolDriver, poolSource);
    private final Map<Page, StringBinding> problems = new EnumMap<>(Page.class);
    private final PreseedDraft preseed;
    private final ApplySteps steps;

    /**
     * @param existing names of what the server has (its pools and managed networks are offered
     *                 as they are); taken from the remote's collections where it has them
     */
    public InitialisationViewModel(TaskExecutor executor, DialogService dialogs, I18n i18n, RemoteModel remote,
                                   ServerFacts facts, Existing existing) {
        this.i18n = i18n;
        this.remote = remote;
        this.facts = facts;
        this.existingPools = new TreeSet<>(existing.pools());
        this.existingNetworks = new TreeSet<>(existing.networks());
        show(InitAnswers.suggested(facts, existingPools, existingNetworks));
        preseed = new PreseedDraft(executor, dialogs, i18n, new Pages());
        steps = new ApplySteps(executor, dialogs, i18n, remote);
        for (Observable answer : answerProperties) {
            answer.addListener(o -> preseed.pagesChanged());
        }
        Observable[] answersAndSecrets = concat(answerProperties, joinToken, password, passwordAgain);
        problems.put(Page.CLUSTER, problem(() -> answers().clusteringProblem(preseed.joinSecret(joinToken.get()),
                facts.incus()), concat(answersAndSecrets, preseed.textProperty())));
        problems.put(Page.STORAGE, problem(() -> answers().poolProblem(existingPools), answerProperties));
        problems.put(Page.NETWORK, problem(() -> answers().networkProblem(), answerProperties));
        problems.put(Page.ACCESS, problem(() -> facts.incus() ? answers().accessProblem(null, null)
                : answers().accessProblem(password.get(), passwordAgain.get()), answersAndSecrets));
        problems.put(Page.IMAGES, problem(() -> null));
        problems.put(Page.PRESEED, Bindings.createStringBinding(() -> preseed.problem(joinToken.get()),
                concat(answersAndSecrets, preseed.textProperty())));
        problems.put(Page.APPLY, Bindings.createStringBinding(steps::problem, steps.problemProperty()));
        preseed.rebuild();
    }

    private static Observable[] concat(Observable[] first, Observable... more) {
        Observable[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private StringBinding problem(Supplier<String> key, Observable... dependencies) {
        return Bindings.createStringBinding(() -> {
            String k = key.get();
            return k == null ? null : i18n.get(k);
        }, dependencies);
    }

    // ---- the pages' answers ----------------------------------------------------------------

    /** What the pages say now, as plain values. */
    InitAnswers answers() {
        return new InitAnswers(clustering.get(), serverName.get(), joinServerAddress.get(), joinClusterAddress.get(),
                joinMemberConfig.get(), poolEnabled.get(), poolName.get(), poolDriver.get(), poolSize.get(),
                poolSource.get(), networkEnabled.get(), networkName.get(), ipv4.get(), ipv6.get(), nat.get(),
                accessEnabled.get(), accessAddress.get(), accessPort.get(), autoUpdate.get());
    }

    private void show(InitAnswers a) {
        clustering.set(a.clustering());
        serverName.set(a.serverName());
        joinServerAddress.set(a.joinServerAddress());
        joinClusterAddress.set(a.joinClusterAddress());
        joinMemberConfig.set(a.joinMemberConfig());
        poolEnabled.set(a.pool());
        poolName.set(a.poolName());
        poolDriver.set(a.poolDriver());
        poolSize.set(a.poolSize());
        poolSource.set(a.poolSource());
        networkEnabled.set(a.network());
        networkName.set(a.networkName());
        ipv4.set(a.ipv4());
        ipv6.set(a.ipv6());
        nat.set(a.nat());
        accessEnabled.set(a.access());
        accessAddress.set(a.accessAddress());
        accessPort.set(a.accessPort());
        autoUpdate.set(a.autoUpdate());
    }

    /** Whether applying adds the trust password from its fields (it is never in the text). */
    private boolean addsTrustPassword() {
        return !facts.incus() && accessEnabled.get() && !password.get().isEmpty();
    }

    /** The preseed to apply: the text, with the secrets from the pages added. */
    Preseed toApply() {
        Preseed p = PreseedYaml.read(preseed.text());
        if (addsTrustPassword() && !p.config().containsKey(Preseed.TRUST_PASSWORD)) {
            p = p.withConfigValue(Preseed.TRUST_PASSWORD, password.get());
        }
        String secret = joinToken.get().strip();
        if (p.cluster() != null && p.cluster().joining() && p.cluster().clusterToken() == null && !secret.isEmpty()) {
            p = p.withCluster(PreseedYaml.isJoinToken(secret) ? p.cluster().withToken(secret)
                    : p.cluster().withPassword(secret));
        }
        return p;
    }

    /** How the preseed text reaches the pages and back. */
    private final class Pages implements PreseedDraft.Pages {
        @Override
        public InitAnswers answers() {
            return InitialisationViewModel.this.answers();
        }

        @Override
        public void show(InitAnswers answers) {
            InitialisationViewModel.this.show(answers);
        }

        @Override
        public void takeSecrets(Preseed imported) {
            String secret = imported.config().get(Preseed.TRUST_PASSWORD);
            if (secret != null && !facts.incus()) {
                accessEnabled.set(true);
                password.set(secret);
                passwordAgain.set(secret);
            }
            Preseed.Cluster c = imported.cluster();
            if (c != null && (c.clusterToken() != null || c.clusterPassword() != null)) {
                joinToken.set(c.clusterToken() != null ? c.clusterToken() : c.clusterPassword());
            }
        }

        @Override
        public boolean addsSecrets() {
            return addsTrustPassword();
        }

        @Override
        public boolean incus() {
            return facts.incus();
        }
    }

    // ---- page flow ---------------------------------------------------------------------------

    public List<Page> pages() {
        return List.of(Page.values());
    }

    public String title(Page page) {
        return i18n.get(page.titleKey);
    }

    /** What is wrong with the page now, in the user's language; null when it may be left. */
    public ObservableStringValue problem(Page page) {
        return problems.get(page);
    }

    /** The page comes into view: the apply page plans the steps of the preseed as it now is. */
    public void shown(Page page) {
        if (page != Page.APPLY) {
            return;
        }
        Preseed p;
        try {
            p = toApply();
        } catch (PreseedYaml.FormatException e) {
            steps.cannotPlan(preseed.problem(joinToken.get()));
            return;
        }
        steps.plan(p, InitialisationStart.existing(remote));
    }

    /** Applies the planned steps; the wizard closes on success and stays open, as it was, on a refusal. */
    public void finish(Runnable close, Runnable keepOpen) {
        steps.apply(close, keepOpen);
    }

    // ---- what the server is ---------------------------------------------------------------------

    public boolean incus() {
        return facts.incus();
    }

    /** Already a cluster member: clustering cannot change here. */
    public boolean clustered() {
        return facts.clustered();
    }

    public List<String> drivers() {
        return facts.drivers();
    }

    public Set<String> existingPools() {
        return existingPools;
    }

    public Set<String> existingNetworks() {
        return existingNetworks;
    }

    /** Where the server listens now ("" when it does not). */
    public String listening() {
        return facts.httpsAddress();
    }

    // ---- properties the pages bind to -------------------------------------------------------

    public ObjectProperty<Clustering> clustering() {
        return clustering;
    }

    public BooleanBinding joining() {
        return joining;
    }

    public StringProperty serverName() {
        return serverName;
    }

    public StringProperty joinToken() {
        return joinToken;
    }

    public StringProperty joinServerAddress() {
        return joinServerAddress;
    }

    public StringProperty joinClusterAddress() {
        return joinClusterAddress;
    }

    public StringProperty joinMemberConfig() {
        return joinMemberConfig;
    }

    public BooleanProperty poolEnabled() {
        return poolEnabled;
    }

    public StringProperty poolName() {
        return poolName;
    }

    public StringProperty poolDriver() {
        return poolDriver;
    }

    public StringProperty poolSize() {
        return poolSize;
    }

    /** Whether the size is used (a loop file of some drivers, without a source). */
    public BooleanBinding poolSizeUsed() {
        return poolSizeUsed;
    }

    public StringProperty poolSource() {
        return poolSource;
    }

    public BooleanProperty networkEnabled() {
        return networkEnabled;
    }

    public StringProperty networkName() {
        return networkName;
    }

    public StringProperty ipv4() {
        return ipv4;
    }

    public StringProperty ipv6() {
        return ipv6;
    }

    public BooleanProperty nat() {
        return nat;
    }

    public BooleanProperty accessEnabled() {
        return accessEnabled;
    }

    public StringProperty accessAddress() {
        return accessAddress;
    }

    public StringProperty accessPort() {
        return accessPort;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty passwordAgain() {
        return passwordAgain;
    }

    public BooleanProperty autoUpdate() {
        return autoUpdate;
    }

    /** The preseed text, its state, import and export. */
    public PreseedDraft preseed() {
        return preseed;
    }

    /** The planned steps, their results and the outcome. */
    public ApplySteps steps() {
        return steps;
    }
}
