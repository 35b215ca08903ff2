package dev.hako.ui.wizard.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ConflictException;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.model.SizeRules;
import dev.hako.model.pool.PoolCreation;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The storage pool wizard's checks, page by page, and what it does with the use case's outcome. */
class StoragePoolViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final Set<String> pools = new HashSet<>(Set.of("default"));
    private final List<String> profiles = new ArrayList<>(List.of("default", "web"));
    private final List<PoolCreation.Plan> sent = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();

    private StoragePoolViewModel model(List<String> members, StoragePoolViewModel.Creator creator) {
        return new StoragePoolViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs, "local",
                List.of("zfs", "dir", "btrfs", "lvm", "ceph"), () -> pools, () -> profiles, members, creator);
    }

    private StoragePoolViewModel standalone() {
        return model(List.of(), sent::add);
    }

    private void finish(StoragePoolViewModel model) {
        model.finish(() -> outcomes.add("created"), () -> outcomes.add("failed"));
    }

    @Test
    void theServersDriversAreOfferedWithDirFirstAndTheNameIsChecked() {
        StoragePoolViewModel model = standalone();
        assertThat(model.drivers()).containsExactly("btrfs", "ceph", "dir", "lvm", "zfs");
        assertThat(model.driverProperty().get()).isEqualTo("dir");
        assertThat(model.driverProblem()).isEqualTo(i18n.get("name.problem.empty"));
        model.nameProperty().set("default");
        assertThat(model.driverProblem()).isEqualTo(i18n.get("pool.problem.exists"));
        model.nameProperty().set("my pool");
        assertThat(model.driverProblem()).isEqualTo(i18n.get("name.problem.whitespace"));
        // The servers take what an instance name could not: a digit first, _ and .
        model.nameProperty().set("9pool_fast.ssd");
        assertThat(model.driverProblem()).isNull();
        model.nameProperty().set(" fast ");
        assertThat(model.driverProblem()).isNull();
        // The remote's live collection is read each time: a pool made elsewhere meanwhile takes the name.
        pools.add("fast");
        assertThat(model.driverProblem()).isEqualTo(i18n.get("pool.problem.exists"));
    }

    @Test
    void eachDriverChecksItsOwnFieldsSizesAsEverywhereElse() {
        StoragePoolViewModel model = standalone();
        model.nameProperty().set("p1");
        model.value("source").set("relative/dir");
        assertThat(model.settingsProblem()).isEqualTo(i18n.get("pool.problem.path"));
        model.value("source").set("/srv/p1");
        assertThat(model.settingsProblem()).isNull();

        model.driverProperty().set("btrfs");
        assertThat(model.fields()).extracting(f -> f.key()).containsExactly("size", "source");
        model.value("size").set("ten gigs");
        assertThat(model.settingsProblem()).isEqualTo(i18n.get(SizeRules.PROBLEM_KEY));
        // The servers refuse a blank between number and unit.
        model.value("size").set("10 GiB");
        assertThat(model.settingsProblem()).isEqualTo(i18n.get(SizeRules.PROBLEM_KEY));
        model.value("size").set("10GiB");
        // btrfs takes a path as its source too; only dir insists on an absolute one.
        assertThat(model.settingsProblem()).isNull();
        assertThat(model.plan().pool()).isEqualTo(new StoragePoolsPost("p1", "btrfs", "",
                Map.of("size", "10GiB", "source", "/srv/p1")));

        model.driverProperty().set("lvm");
        model.value("source").set("");
        model.value("size").set("");
        model.flag("lvm.use_thinpool").set(false);
        model.value("lvm.thinpool_name").set("tp");
        assertThat(model.settingsProblem()).isEqualTo(i18n.get("pool.problem.thinpoolUnused"));
        model.flag("lvm.use_thinpool").set(true);
        assertThat(model.settingsProblem()).isNull();

        model.driverProperty().set("ceph");
        model.value("ceph.user.name").set("a b");
        assertThat(model.settingsProblem()).isEqualTo(i18n.get("pool.problem.name"));

        // Back to dir: what was typed for it is still there.
        model.driverProperty().set("dir");
        model.value("source").set("/srv/p1");
        assertThat(model.settingsProblem()).isNull();
        assertThat(model.help()).isEqualTo(i18n.get("pool.help.dir"));
    }

    @Test
    void aClusterAsksEachMemberForItsOwnKeysAndSendsThemPerMember() {
        StoragePoolViewModel model = model(List.of("node1", "node2"), sent::add);
        model.nameProperty().set("spread");
        model.driverProperty().set("btrfs");
        assertThat(model.fields()).allMatch(model::askedPerMember);
        model.memberValue("node1", "size").set("5GiB");
        model.memberValue("node2", "size").set("five");
        assertThat(model.settingsProblem()).isEqualTo(i18n.get(SizeRules.PROBLEM_KEY));
        model.memberValue("node2", "size").set("");
        model.memberValue("node2", "source").set("/dev/vdb");
        // A value typed for the whole cluster before (on a standalone view of the same keys) is not sent.
        model.value("source").set("/srv/everywhere");
        model.descriptionProperty().set("shared");
        assertThat(model.settingsProblem()).isNull();
        assertThat(model.help()).contains(i18n.get("pool.help.cluster"));

        PoolCreation.Plan plan = model.plan();
        assertThat(plan.pool()).isNull();
        assertThat(plan.cluster().perMember()).containsOnlyKeys("node1", "node2");
        assertThat(plan.cluster().perMember().get("node1").config()).containsExactly(Map.entry("size", "5GiB"));
        assertThat(plan.cluster().perMember().get("node2").config()).containsExactly(Map.entry("source", "/dev/vdb"));
        assertThat(plan.cluster().global()).isEqualTo(new StoragePoolsPost("spread", "btrfs", "shared", Map.of()));
        model.refreshPreview();
        assertThat(model.previewProperty().get()).contains("# POST /1.0/storage-pools?target=node1")
                .contains("# POST /1.0/storage-pools?target=node2").contains("size: 5GiB");
    }

    @Test
    void theProfilePageChecksTheProfileAndShowsItsStepInThePreview() {
        StoragePoolViewModel model = standalone();
        model.nameProperty().set("p1");
        assertThat(model.profileProblem()).isNull();
        model.profileChoiceProperty().set(StoragePoolViewModel.ProfileChoice.NEW);
        assertThat(model.profileProblem()).isEqualTo(i18n.get("name.problem.empty"));
        model.newProfileNameProperty().set("web");
        assertThat(model.profileProblem()).isEqualTo(i18n.get("pool.problem.profileExists"));
        model.newProfileNameProperty().set("fast");
        assertThat(model.profileProblem()).isNull();
        assertThat(model.previewProperty().get()).contains("POST /1.0/profiles, then PUT /1.0/profiles/fast")
                .contains("pool: p1");
        model.profileChoiceProperty().set(StoragePoolViewModel.ProfileChoice.EXISTING);
        assertThat(model.profileProperty().get()).isEqualTo("default");
        assertThat(model.previewProperty().get()).doesNotContain("POST /1.0/profiles")
                .contains("PUT /1.0/profiles/default");
        model.profileProperty().set(null);
        assertThat(model.profileProblem()).isEqualTo(i18n.get("pool.problem.profile"));
    }

    @Test
    void finishSendsThePlanAndClosesOnSuccess() {
        StoragePoolViewModel model = standalone();
        model.nameProperty().set("p1");
        model.value("source").set("/srv/p1");
        model.profileChoiceProperty().set(StoragePoolViewModel.ProfileChoice.NEW);
        model.newProfileNameProperty().set("fast");
        finish(model);
        assertThat(outcomes).containsExactly("created");
        assertThat(sent).containsExactly(new PoolCreation.Plan(new StoragePoolsPost("p1", "dir", "",
                Map.of("source", "/srv/p1")), null, "fast", true));
        assertThat(dialogs.shown()).isEmpty();
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void aRolledBackProfileStepSaysNothingWasLeftAndTheNameStaysFree() {
        LxdException refused = new LxdException("PUT failed", 400, "root disk in use by c1");
        StoragePoolViewModel model = model(List.of(), plan -> {
            throw new PoolCreation.AttachFailedException(refused, null);
        });
        model.nameProperty().set("p1");
        model.profileChoiceProperty().set(StoragePoolViewModel.ProfileChoice.EXISTING);
        finish(model);
        assertThat(outcomes).containsExactly("failed");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("Could not make the pool p1 the root disk of the profile default,"
                    + " so the pool was deleted again; nothing was left behind");
            assertThat(shown.failure()).isSameAs(refused);
            assertThat(shown.text()).isEqualTo("root disk in use by c1");
        });
        assertThat(model.driverProblem()).isNull();
    }

    @Test
    void aPoolThatCouldNotBeDeletedAgainIsSaidToBeLeftAndTakesItsName() {
        LxdException refused = new LxdException("PUT failed", 400, "root disk in use by c1");
        StoragePoolViewModel model = model(List.of(), plan -> {
            throw new PoolCreation.AttachFailedException(refused,
                    new ConflictException("DELETE failed", 409, "pool is busy"));
        });
        model.nameProperty().set("p1");
        model.profileChoiceProperty().set(StoragePoolViewModel.ProfileChoice.EXISTING);
        finish(model);
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> assertThat(shown.header())
                .isEqualTo("Could not make the pool p1 the root disk of the profile default, and deleting the pool"
                        + " again failed too (pool is busy), so it is still there"));
        assertThat(model.driverProblem()).isEqualTo(i18n.get("pool.problem.exists"));
    }

    @Test
    void anyOtherRefusalIsShownAsTheCreationFailing() {
        LxdException refused = new LxdException("POST failed", 400, "source is not empty");
        StoragePoolViewModel model = model(List.of(), plan -> {
            throw refused;
        });
        model.nameProperty().set("p1");
        finish(model);
        assertThat(outcomes).containsExactly("failed");
        assertThat(dialogs.errors()).containsExactly(refused);
        assertThat(dialogs.shown().get(0).header()).isEqualTo("Could not create the storage pool p1");
        assertThat(model.driverProblem()).isNull();
    }
}
