package dev.hako.ui.wizard.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.ServerKind;
import dev.hako.model.RemoteModel;
import dev.hako.remote.init.Initialisation;
import dev.hako.remote.init.Initialisation.Existing;
import dev.hako.remote.init.Initialisation.Kind;
import dev.hako.remote.init.Initialisation.Report;
import dev.hako.remote.init.Initialisation.State;
import dev.hako.remote.init.Initialisation.Step;
import dev.hako.remote.init.Preseed;
import dev.hako.remote.init.PreseedYaml;
import dev.hako.remote.init.ServerFacts;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import dev.hako.ui.wizard.init.InitAnswers.Clustering;
import dev.hako.ui.wizard.init.InitialisationViewModel.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The initialisation wizard without a window or a server: each page's checks, the flow of
 * pages, the preseed text following the pages and the pages following the text, secrets kept
 * out of text and files, and how a refused step and its undoing show.
 */
class InitialisationViewModelTest {

    private static final ServerFacts FRESH_LXD = new ServerFacts(ServerKind.LXD, List.of("btrfs", "dir", "zfs"),
            "host1", false, "");

    @TempDir
    Path dir;

    private final I18n english = new I18n(Locale.ENGLISH);
    private ScriptedDialogService dialogs;
    private RemoteModel remote;

    private InitialisationViewModel wizard(I18n i18n, ServerFacts facts, Existing existing) {
        dialogs = new ScriptedDialogService(i18n);
        // Never started: no server behind it, and nothing loaded.
        remote = new RemoteModel("fresh", new Endpoint.UnixSocket(dir.resolve("no.socket")));
        return new InitialisationViewModel(new CurrentThreadTaskExecutor(), dialogs, i18n, remote, facts, existing);
    }

    private InitialisationViewModel freshLxd() {
        return wizard(english, FRESH_LXD, Existing.none());
    }

    @AfterEach
    void close() {
        if (remote != null) {
            remote.close();
        }
    }

    private static String problem(InitialisationViewModel vm, Page page) {
        return vm.problem(page).get();
    }

    private static String joinToken() {
        String json = "{\"server_name\":\"node2\",\"fingerprint\":\"abcd\",\"addresses\":[\"10.0.0.1:8443\"],"
                + "\"secret\":\"s\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- each page's checks -------------------------------------------------------------------

    @Test
    void clusteringNeedsANameToStartAClusterAndAValidTokenAndAddressToJoin() {
        InitialisationViewModel vm = freshLxd();
        assertThat(problem(vm, Page.CLUSTER)).isNull();
        vm.clustering().set(Clustering.BOOTSTRAP);
        assertThat(vm.serverName().get()).isEqualTo("host1");
        vm.serverName().set(" ");
        assertThat(problem(vm, Page.CLUSTER)).isEqualTo(english.get("init.problem.serverName"));

        vm.clustering().set(Clustering.JOIN);
        assertThat(problem(vm, Page.CLUSTER)).isEqualTo(english.get("init.problem.tokenOrPassword"));
        // Not a token: on LXD the cluster's trust password, which needs a member and the certificate.
        vm.joinToken().set("not a token");
        assertThat(problem(vm, Page.CLUSTER)).isEqualTo(english.get("init.problem.passwordNeedsClusterAddress"));
        vm.joinClusterAddress().set("10.0.0.1:8443");
        vm.joinServerAddress().set("10.0.0.2:8443");
        assertThat(problem(vm, Page.CLUSTER)).isNull();
        // The certificate is written in the preseed: its page says so.
        assertThat(problem(vm, Page.PRESEED)).isEqualTo(english.get("init.problem.clusterCertificateMissing"));
        vm.joinClusterAddress().set("");
        vm.joinServerAddress().set("");
        vm.joinToken().set(joinToken());
        assertThat(problem(vm, Page.CLUSTER)).isEqualTo(english.get("init.problem.serverAddress"));
        vm.joinServerAddress().set("10.0.0.2:8443");
        vm.joinMemberConfig().set("storage-pool local");
        assertThat(problem(vm, Page.CLUSTER)).isEqualTo(english.get("init.problem.memberConfig"));
        vm.joinMemberConfig().set("storage-pool local source=/dev/sdb");
        assertThat(problem(vm, Page.CLUSTER)).isNull();
    }

    @Test
    void storageChecksTheNameAndSizeWithTheSharedRules() {
        InitialisationViewModel vm = freshLxd();
        assertThat(vm.poolEnabled().get()).isTrue();
        assertThat(vm.poolName().get()).isEqualTo("default");
        assertThat(vm.poolDriver().get()).isEqualTo("dir");
        assertThat(problem(vm, Page.STORAGE)).isNull();

        vm.poolName().set("my_pool.fast");
        assertThat(problem(vm, Page.STORAGE)).as("the servers take _ and . in pool names").isNull();
        vm.poolName().set("my/pool");
        assertThat(problem(vm, Page.STORAGE)).isEqualTo(english.get("name.problem.slash"));
        vm.poolName().set("fast");
        vm.poolDriver().set("btrfs");
        assertThat(vm.poolSizeUsed().get()).isTrue();
        vm.poolSize().set("1.5GiB");
        assertThat(problem(vm, Page.STORAGE)).isEqualTo(english.get("size.problem"));
        vm.poolSize().set("30GiB");
        assertThat(problem(vm, Page.STORAGE)).isNull();
        // With a source there is no loop file: its size is not used, so not checked either.
        vm.poolSize().set("lots");
        vm.poolSource().set("/dev/sdb");
        assertThat(vm.poolSizeUsed().get()).isFalse();
        assertThat(problem(vm, Page.STORAGE)).isNull();

        vm.poolDriver().set("dir");
        vm.poolSource().set("relative/dir");
        assertThat(problem(vm, Page.STORAGE)).isEqualTo(english.get("init.problem.dirSource"));
        vm.poolEnabled().set(false);
        assertThat(problem(vm, Page.STORAGE)).isNull();
    }

    @Test
    void aPoolTheServerHasIsOfferedAsItIsAndUpdatedInPlace() {
        InitialisationViewModel vm = wizard(english, FRESH_LXD,
                new Existing(Set.of("tank"), Set.of("lxdbr0"), Set.of("default"), Set.of("default")));
        assertThat(vm.poolEnabled().get()).isFalse();
        assertThat(vm.poolName().get()).isEqualTo("tank");
        assertThat(vm.networkEnabled().get()).isFalse();
        assertThat(vm.existingPools()).containsExactly("tank");
        vm.poolEnabled().set(true);
        vm.poolDriver().set("zfs");
        vm.poolSize().set("nonsense");
        assertThat(problem(vm, Page.STORAGE)).isNull();
    }

    @Test
    void networkChecksTheBridgeNameAndAddresses() {
        InitialisationViewModel vm = freshLxd();
        assertThat(vm.networkName().get()).isEqualTo("lxdbr0");
        assertThat(problem(vm, Page.NETWORK)).isNull();
        vm.networkName().set("1bridge");
        assertThat(problem(vm, Page.NETWORK)).isEqualTo(english.get("name.problem.badStart"));
        vm.networkName().set("averyveryverylongbridge");
        assertThat(problem(vm, Page.NETWORK)).isEqualTo(english.get("init.problem.bridgeName"));
        vm.networkName().set("br0");
        vm.ipv4().set("10.1.2.3");
        assertThat(problem(vm, Page.NETWORK)).isEqualTo(english.get("init.problem.ipv4"));
        vm.ipv4().set("10.1.2.1/24");
        vm.ipv6().set("fd42::1");
        assertThat(problem(vm, Page.NETWORK)).isEqualTo(english.get("init.problem.ipv6"));
        vm.ipv6().set("none");
        assertThat(problem(vm, Page.NETWORK)).isNull();
        assertThat(wizard(english, new ServerFacts(ServerKind.INCUS, List.of("dir"), "", false, ""),
                Existing.none()).networkName().get()).isEqualTo("incusbr0");
    }

    @Test
    void accessChecksAddressPortAndTheRepeatedPassword() {
        InitialisationViewModel vm = freshLxd();
        vm.clustering().set(Clustering.BOOTSTRAP);
        assertThat(problem(vm, Page.ACCESS)).isEqualTo(english.get("init.problem.clusterNeedsAccess"));
        vm.accessEnabled().set(true);
        assertThat(vm.accessAddress().get()).isEqualTo("[::]");
        vm.accessPort().set("70000");
        assertThat(problem(vm, Page.ACCESS)).isEqualTo(english.get("init.problem.port"));
        vm.accessPort().set("8443");
        vm.password().set("one");
        vm.passwordAgain().set("two");
        assertThat(problem(vm, Page.ACCESS)).isEqualTo(english.get("init.problem.passwordMismatch"));
        vm.passwordAgain().set("one");
        assertThat(problem(vm, Page.ACCESS)).isNull();

        InitialisationViewModel incus = wizard(english, new ServerFacts(ServerKind.INCUS, List.of("dir"), "",
                false, "127.0.0.1:8443"), Existing.none());
        assertThat(incus.accessAddress().get()).isEqualTo("127.0.0.1");
        incus.accessEnabled().set(true);
        incus.password().set("typed somehow");
        assertThat(problem(incus, Page.ACCESS)).isNull();
    }

    @Test
    void problemsAreInTheWindowsLanguageEvenForBrokenYaml() {
        I18n japanese = new I18n(Locale.JAPANESE);
        InitialisationViewModel vm = wizard(japanese, FRESH_LXD, Existing.none());
        vm.poolSize().set("x");
        vm.poolDriver().set("zfs");
        assertThat(problem(vm, Page.STORAGE)).isEqualTo(japanese.get("size.problem"));

        vm.preseed().textProperty().set("config:\n  a: b\n   c: d\n  - x");
        String broken = problem(vm, Page.PRESEED);
        PreseedYaml.FormatException parser = null;
        try {
            PreseedYaml.read(vm.preseed().text());
        } catch (PreseedYaml.FormatException e) {
            parser = e;
        }
        assertThat(parser).isNotNull();
        assertThat(broken).startsWith("プリシードの").contains("YAML").doesNotContain(parser.getMessage());
        vm.preseed().textProperty().set("storage_pool: []");
        assertThat(problem(vm, Page.PRESEED)).isEqualTo(japanese.format("init.problem.yaml",
                japanese.format("init.yaml.unknownSection", "storage_pool")));

        assertThat(dialogs.shown()).isEmpty();
        assertThat(vm.preseed().exportable()).isFalse();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("プリシードをエクスポートできませんでした");
            assertThat(shown.text()).contains("storage_pool").doesNotContain("unknown section");
        });
    }

    // ---- page flow ----------------------------------------------------------------------------

    @Test
    void pagesRunInLxdInitOrderAndJoiningLeavesTheServerPagesAlone() {
        InitialisationViewModel vm = freshLxd();
        assertThat(vm.pages()).containsExactly(Page.CLUSTER, Page.STORAGE, Page.NETWORK, Page.ACCESS, Page.IMAGES,
                Page.PRESEED, Page.APPLY);
        assertThat(vm.title(Page.PRESEED)).isEqualTo("Preseed");
        assertThat(vm.pages().stream().filter(Page::unusedWhenJoining)).containsExactly(Page.STORAGE, Page.NETWORK,
                Page.ACCESS, Page.IMAGES);

        vm.poolName().set("bad name");
        vm.networkName().set("bad name");
        assertThat(problem(vm, Page.STORAGE)).isNotNull();
        vm.clustering().set(Clustering.JOIN);
        assertThat(vm.joining().get()).isTrue();
        assertThat(problem(vm, Page.STORAGE)).isNull();
        assertThat(problem(vm, Page.NETWORK)).isNull();
        assertThat(problem(vm, Page.ACCESS)).isNull();
    }

    @Test
    void theApplyPagePlansWhatThePreseedSaysOrSaysWhyItCannot() {
        InitialisationViewModel vm = freshLxd();
        // The remote is offline and its collections are not loaded: the server would have to be read.
        vm.shown(Page.APPLY);
        assertThat(problem(vm, Page.APPLY)).startsWith("The server could not be read: ");
        assertThat(vm.steps().rows()).isEmpty();

        vm.preseed().textProperty().set("networks: {}");
        vm.shown(Page.APPLY);
        assertThat(problem(vm, Page.APPLY)).isEqualTo(problem(vm, Page.PRESEED)).isNotNull();

        vm.preseed().rebuild();
        vm.steps().plan(vm.toApply(), Optional.of(Existing.none()));
        assertThat(problem(vm, Page.APPLY)).isNull();
        assertThat(vm.steps().summaryProperty().get()).isEqualTo("3 steps");
        assertThat(vm.steps().rows()).extracting(r -> r.textProperty().get()).containsExactly(
                "Create storage pool default — to do", "Create network lxdbr0 — to do",
                "Create profile default — to do");

        vm.preseed().textProperty().set("");
        assertThat(problem(vm, Page.PRESEED)).isEqualTo(english.get("init.problem.nothing"));
    }

    // ---- the preseed text and the pages -------------------------------------------------------

    @Test
    void thePagesWriteThePreseedAsTheyChange() {
        InitialisationViewModel vm = freshLxd();
        assertThat(vm.preseed().stateProperty().get()).isEqualTo(english.get("init.preseed.fromPages"));
        vm.poolName().set("fast");
        vm.poolDriver().set("btrfs");
        vm.poolSize().set("30GiB");
        vm.networkName().set("br7");
        vm.ipv4().set("none");
        vm.accessEnabled().set(true);
        vm.accessAddress().set("127.0.0.1");
        vm.accessPort().set("9443");
        vm.password().set("s3cret-pw");
        vm.passwordAgain().set("s3cret-pw");
        vm.autoUpdate().set(false);

        Preseed shown = PreseedYaml.read(vm.preseed().text());
        assertThat(shown.config()).containsEntry("core.https_address", "127.0.0.1:9443")
                .containsEntry("images.auto_update_interval", "0").doesNotContainKey(Preseed.TRUST_PASSWORD);
        assertThat(shown.storagePools()).containsExactly(new Preseed.StoragePool("fast", "btrfs", "",
                java.util.Map.of("size", "30GiB")));
        assertThat(shown.networks().get(0).config()).containsEntry("ipv4.address", "none")
                .doesNotContainKey("ipv4.nat").containsEntry("ipv6.nat", "true");
        assertThat(vm.preseed().text()).doesNotContain("s3cret-pw");
        assertThat(vm.preseed().handEditedProperty().get()).isFalse();
        // Applying adds the password the text never shows.
        assertThat(vm.toApply().config()).containsEntry(Preseed.TRUST_PASSWORD, "s3cret-pw");
    }

    @Test
    void typedPreseedSetsThePagesAndThePagesKeepWritingIt() {
        InitialisationViewModel vm = freshLxd();
        vm.preseed().textProperty().set("""
                config:
                  core.https_address: '[::]:8444'
                  images.auto_update_interval: "0"
                storage_pools:
                - name: tank
                  driver: zfs
                  config: {size: 20GiB}
                networks:
                - name: br1
                  type: bridge
                  config: {ipv4.address: none, ipv6.address: fd42::1/64, ipv6.nat: "false"}
                profiles:
                - name: default
                  devices:
                    root: {path: /, pool: tank, type: disk}
                    eth0: {name: eth0, network: br1, type: nic}
                """);
        assertThat(vm.poolName().get()).isEqualTo("tank");
        assertThat(vm.poolDriver().get()).isEqualTo("zfs");
        assertThat(vm.poolSize().get()).isEqualTo("20GiB");
        assertThat(vm.networkName().get()).isEqualTo("br1");
        assertThat(vm.ipv4().get()).isEqualTo("none");
        assertThat(vm.ipv6().get()).isEqualTo("fd42::1/64");
        assertThat(vm.nat().get()).isFalse();
        assertThat(vm.accessEnabled().get()).isTrue();
        assertThat(vm.accessAddress().get()).isEqualTo("[::]");
        assertThat(vm.accessPort().get()).isEqualTo("8444");
        assertThat(vm.autoUpdate().get()).isFalse();
        // The pages say all of it: they go on writing the text.
        assertThat(vm.preseed().handEditedProperty().get()).isFalse();
        assertThat(vm.preseed().stateProperty().get()).isEqualTo(english.get("init.preseed.inStep"));
        vm.poolName().set("tank2");
        assertThat(vm.preseed().text()).contains("name: tank2").contains("pool: tank2");
        assertThat(vm.preseed().stateProperty().get()).isEqualTo(english.get("init.preseed.fromPages"));

        vm.preseed().textProperty().set("cluster: {server_name: n1, enabled: true}");
        assertThat(vm.clustering().get()).isEqualTo(Clustering.BOOTSTRAP);
        assertThat(vm.serverName().get()).isEqualTo("n1");
        assertThat(vm.poolEnabled().get()).isFalse();
        assertThat(vm.networkEnabled().get()).isFalse();
    }

    @Test
    void textThePagesCannotSayIsKeptUntilRebuilt() {
        InitialisationViewModel vm = freshLxd();
        assertThat(vm.preseed().text()).endsWith("type: disk\n");
        String extra = vm.preseed().text() + "  - name: extra\n    config: {limits.cpu: \"2\"}\n";
        vm.preseed().textProperty().set(extra);
        assertThat(vm.preseed().handEditedProperty().get()).isTrue();
        assertThat(vm.preseed().stateProperty().get()).isEqualTo(english.get("init.preseed.edited"));
        vm.networkName().set("br9");
        assertThat(vm.preseed().text()).isEqualTo(extra);
        assertThat(vm.toApply().profiles()).extracting(Preseed.Profile::name).containsExactly("default", "extra");

        vm.preseed().rebuild();
        assertThat(vm.preseed().handEditedProperty().get()).isFalse();
        assertThat(vm.preseed().text()).doesNotContain("extra").contains("name: br9");
    }

    // ---- secrets ------------------------------------------------------------------------------

    @Test
    void anImportedPasswordMovesToItsFieldAndNoExportHoldsIt() throws Exception {
        InitialisationViewModel vm = freshLxd();
        Path file = dir.resolve("in.yaml");
        Files.writeString(file, """
                config: {core.https_address: 127.0.0.3:8443, core.trust_password: from-file-pw}
                storage_pools: [{name: local, driver: dir}]
                profiles: [{name: default, devices: {root: {path: /, pool: local, type: disk}}}]
                """);
        vm.preseed().importFrom(file);
        assertThat(vm.password().get()).isEqualTo("from-file-pw");
        assertThat(vm.passwordAgain().get()).isEqualTo("from-file-pw");
        assertThat(vm.accessEnabled().get()).isTrue();
        assertThat(vm.preseed().text()).contains("core.https_address: 127.0.0.3:8443").doesNotContain("from-file-pw")
                .doesNotContain("trust_password");
        assertThat(vm.preseed().stateProperty().get()).isEqualTo("Imported from in.yaml");
        assertThat(vm.toApply().config()).containsEntry(Preseed.TRUST_PASSWORD, "from-file-pw");

        Path out = dir.resolve("out.yaml");
        vm.preseed().exportTo(out);
        assertThat(Files.readString(out)).isEqualTo(vm.preseed().text()).doesNotContain("from-file-pw");
        // Even a preseed holding both secrets is written without them.
        Path both = dir.resolve("both.yaml");
        vm.preseed().exportTo(vm.toApply().withCluster(new Preseed.Cluster("n1", true, "10.0.0.2:8443",
                "10.0.0.1:8443", null, "join-token-secret", List.of())), both);
        assertThat(Files.readString(both)).doesNotContain("from-file-pw").doesNotContain("join-token-secret")
                .contains("cluster_address: 10.0.0.1:8443");
        assertThat(vm.preseed().stateProperty().get()).isEqualTo("Exported to both.yaml");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void anImportedJoinTokenMovesToItsFieldAndIsAddedWhenApplying() throws Exception {
        InitialisationViewModel vm = freshLxd();
        Path file = dir.resolve("join.yaml");
        Files.writeString(file, "cluster: {enabled: true, server_name: node2, server_address: 10.0.0.2:8443,"
                + " cluster_address: 10.0.0.1:8443, cluster_token: " + joinToken() + "}\n");
        vm.preseed().importFrom(file);
        assertThat(vm.joinToken().get()).isEqualTo(joinToken());
        assertThat(vm.clustering().get()).isEqualTo(Clustering.JOIN);
        assertThat(vm.joinServerAddress().get()).isEqualTo("10.0.0.2:8443");
        assertThat(vm.preseed().text()).doesNotContain(joinToken()).doesNotContain("cluster_token");
        assertThat(problem(vm, Page.CLUSTER)).isNull();
        assertThat(vm.toApply().cluster().clusterToken()).isEqualTo(joinToken());
        assertThat(Initialisation.plan(vm.toApply(), Existing.none())).extracting(Step::kind)
                .containsExactly(Kind.CLUSTER_JOIN);

        Path missing = dir.resolve("missing.yaml");
        vm.preseed().importFrom(missing);
        assertThat(dialogs.shown()).singleElement().satisfies(shown ->
                assertThat(shown.header()).isEqualTo("Could not import missing.yaml"));
    }

    @Test
    void theNotesPasswordPreseedTypedIntoTheTextJoinsWithThePasswordOnLxdAndIsRefusedOnIncus() {
        String pem = dev.hako.remote.ServerCertificate.of(dev.hako.remote.ClientCertificates.generate("c")
                .certificate()).pem().strip().replace("\n", "\n  ");
        String text = "cluster:\n  enabled: true\n  server_name: node02\n  server_address: 10.0.0.2:8443\n"
                + "  cluster_address: 10.0.0.1:8443\n  cluster_certificate: \"\n  " + pem + "\n  \"\n"
                + "  cluster_password: cluster\n";
        InitialisationViewModel vm = freshLxd();
        vm.preseed().textProperty().set(text);
        assertThat(vm.clustering().get()).isEqualTo(Clustering.JOIN);
        assertThat(problem(vm, Page.CLUSTER)).isNull();
        assertThat(problem(vm, Page.PRESEED)).isNull();
        Preseed.Cluster join = vm.toApply().cluster();
        assertThat(join.joinsWithPassword()).isTrue();
        assertThat(join.clusterPassword()).isEqualTo("cluster");
        assertThat(join.clusterCertificate()).startsWith("-----BEGIN CERTIFICATE-----\n");

        InitialisationViewModel incus = wizard(english, new ServerFacts(ServerKind.INCUS, List.of("dir"), "",
                false, ""), Existing.none());
        incus.preseed().textProperty().set(text);
        assertThat(problem(incus, Page.CLUSTER)).isEqualTo(english.get("init.problem.incusClusterPassword"));
        assertThat(problem(incus, Page.PRESEED)).isEqualTo(english.get("init.problem.incusClusterPassword"));
    }

    // ---- a refused step -----------------------------------------------------------------------

    @Test
    void aRefusedStepIsFollowedByUndoingTheStepsBeforeItLatestFirst() {
        I18n japanese = new I18n(Locale.JAPANESE);
        InitialisationViewModel vm = wizard(japanese, FRESH_LXD, Existing.none());
        vm.accessEnabled().set(true);
        vm.clustering().set(Clustering.BOOTSTRAP);
        vm.steps().plan(vm.toApply(), Optional.of(Existing.none()));
        List<Step> plan = vm.steps().plan();
        assertThat(plan).extracting(Step::kind).containsExactly(Kind.SERVER_CONFIG, Kind.STORAGE_POOL, Kind.NETWORK,
                Kind.PROFILE, Kind.CLUSTER_BOOTSTRAP);

        Step profile = plan.get(3);
        List<Step> undo = Initialisation.rollbackOrder(plan, profile);
        assertThat(undo).extracting(Step::kind).containsExactly(Kind.NETWORK, Kind.STORAGE_POOL, Kind.SERVER_CONFIG);
        // Clustering is never undone; a refused first step leaves nothing to undo.
        assertThat(Initialisation.rollbackOrder(plan, plan.get(4))).extracting(Step::kind)
                .containsExactly(Kind.PROFILE, Kind.NETWORK, Kind.STORAGE_POOL, Kind.SERVER_CONFIG);
        assertThat(Initialisation.rollbackOrder(plan, plan.get(0))).isEmpty();

        // The reports the use case gives for that refusal, and how the rows read them.
        ExplainedException refusal = new ExplainedException("Incus has no trust password",
                "init.problem.incusTrustPassword");
        for (Step step : plan.subList(0, 3)) {
            vm.steps().report(new Report(step, State.RUNNING, null));
            vm.steps().report(new Report(step, State.DONE, null));
        }
        vm.steps().report(new Report(profile, State.FAILED, refusal));
        for (Step step : undo) {
            vm.steps().report(new Report(step, State.REVERTING, null));
            vm.steps().report(new Report(step, State.REVERTED, null));
        }
        vm.steps().refused(new Initialisation.InitialisationException(profile, refusal, List.of()));

        assertThat(vm.steps().rows()).extracting(r -> r.toneProperty().get()).containsExactly(
                ApplySteps.Tone.SUCCESS, ApplySteps.Tone.SUCCESS, ApplySteps.Tone.SUCCESS, ApplySteps.Tone.DANGER,
                ApplySteps.Tone.PLAIN);
        String profileStep = japanese.format("init.step.profile.create", "default");
        assertThat(vm.steps().rows().get(3).textProperty().get()).isEqualTo(profileStep + " — "
                + japanese.get("init.state.failed") + ": " + japanese.get("init.problem.incusTrustPassword"));
        assertThat(vm.steps().rows().get(0).textProperty().get()).endsWith(japanese.get("init.state.reverted"));
        assertThat(vm.steps().summaryProperty().get()).isEqualTo(japanese.format("init.failed.reverted",
                profileStep));
        assertThat(dialogs.errors()).containsExactly(refusal);
        assertThat(dialogs.shown().get(0).header()).isEqualTo("手順「プロファイル default を作成」を適用できませんでした");
        // All was undone, so the same plan holds for the next attempt.
        assertThat(problem(vm, Page.APPLY)).isNull();
        assertThat(vm.steps().plan()).isEqualTo(plan);
    }
}
