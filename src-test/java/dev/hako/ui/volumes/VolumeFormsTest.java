package dev.hako.ui.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.BadRequestException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.model.PoolVolume;
import dev.hako.model.volumes.VolumeDisk;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks of the volume forms, their commands, and a refusal that brings the form back as typed. */
class VolumeFormsTest {

    private final I18n en = new I18n(Locale.ENGLISH);
    private final I18n ja = new I18n(Locale.JAPANESE);
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<String> sent = new ArrayList<>();

    private static Instance instance(String name, String type, Map<String, Map<String, String>> own,
                                     Map<String, Map<String, String>> fromProfiles) {
        Map<String, Map<String, String>> expanded = new LinkedHashMap<>(fromProfiles);
        expanded.putAll(own);
        return new Instance(name, "", "x86_64", type, "Running", 103, Map.of(), own, false, List.of("default"),
                false, Map.of(), expanded, null, null, "none", "default");
    }

    private static PoolVolume volume(String pool, String name, String contentType, Map<String, String> config,
                                     String... usedBy) {
        return new PoolVolume(pool, new StorageVolume(name, "custom", "", contentType, config, List.of(usedBy),
                "none", null, "default"));
    }

    private static final Map<String, Map<String, String>> PROFILE = Map.of(
            "root", Map.of("type", "disk", "pool", "default", "path", "/"),
            "eth0", Map.of("type", "nic", "network", "br0"));

    @Test
    void attachNamesTheRuleBroken() {
        Instance c1 = instance("c1", "container", Map.of("data", Map.of("type", "disk", "source", "/srv",
                "path", "/mnt/data")), PROFILE);
        PoolVolume vol = volume("default", "vol1", "filesystem", Map.of());
        ScriptedDialogService dialogs = new ScriptedDialogService(en);
        AttachVolumeViewModel model = new AttachVolumeViewModel(en, tasks, dialogs, ServerKind.LXD, "local", List.of(c1),
                List.of(vol, volume("default", "vol2", "filesystem", Map.of())), (i, d) -> sent.add(i + ":" + d));
        assertThat(model.instanceProperty().get()).isEqualTo(c1);
        assertThat(model.problemProperty().get()).isEqualTo("Choose a volume.");
        model.volumeProperty().set(vol);
        assertThat(model.problemProperty().get()).isEqualTo(en.get("volumes.attach.pathRequired"));
        model.pathProperty().set("mnt/vol");
        assertThat(model.problemProperty().get()).isEqualTo("The path must be absolute (start with /): \"mnt/vol\".");
        model.pathProperty().set("/mnt/data/");
        assertThat(model.problemProperty().get())
                .isEqualTo("The disk data is already mounted at /mnt/data/; two disks cannot use the same path.");
        model.deviceProperty().set("eth0");
        assertThat(model.problemProperty().get()).isEqualTo(
                "The instance c1 already gets a device named eth0 from a profile; choose another device name.");
        model.deviceProperty().set("data");
        assertThat(model.problemProperty().get())
                .isEqualTo("The instance c1 already has a device named data; choose another device name.");
        model.deviceProperty().set("my disk");
        assertThat(model.problemProperty().get()).contains("slash or spaces");
        assertThat(model.commandProperty().get()).isEmpty();
        model.deviceProperty().set("");
        model.pathProperty().set("/mnt/vol");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.commandProperty().get()).isEqualTo("lxc storage volume attach local:default vol1 c1 vol1 /mnt/vol");
        model.readOnlyProperty().set(true);
        assertThat(model.commandProperty().get()).isEqualTo(
                "lxc config device add local:c1 vol1 disk pool=default source=vol1 path=/mnt/vol readonly=true");
        model.attach(() -> { });
        assertThat(sent).containsExactly("c1:" + new VolumeDisk("vol1", "default", "vol1", "/mnt/vol", true));
    }

    @Test
    void blockVolumesGoToOneVirtualMachineUnlessShared() {
        PoolVolume block = volume("default", "blk", "block", Map.of(), "/1.0/instances/vm1");
        Instance c1 = instance("c1", "container", Map.of(), PROFILE);
        Instance vm2 = instance("vm2", "virtual-machine", Map.of(), PROFILE);
        ScriptedDialogService dialogs = new ScriptedDialogService(ja);
        AttachVolumeViewModel model = new AttachVolumeViewModel(ja, tasks, dialogs, ServerKind.INCUS, "local",
                List.of(c1, vm2), List.of(block), (i, d) -> sent.add(i));
        assertThat(model.problemProperty().get()).isEqualTo(ja.get("volumes.attach.chooseInstance"));
        model.instanceProperty().set(c1);
        assertThat(model.problemProperty().get()).isEqualTo(
                "ボリューム blk はブロックボリュームです。仮想マシンにだけアタッチでき、コンテナーにはアタッチできません。");
        model.instanceProperty().set(vm2);
        assertThat(model.problemProperty().get()).startsWith("ブロックボリューム blk はすでに vm1 にアタッチされています。");
        AttachVolumeViewModel shared = new AttachVolumeViewModel(ja, tasks, dialogs, ServerKind.INCUS, "local", List.of(vm2),
                List.of(volume("default", "blk", "block", Map.of("security.shared", "true"), "/1.0/instances/vm1")),
                (i, d) -> sent.add(i));
        assertThat(shared.problemProperty().get()).isEmpty();
        assertThat(shared.commandProperty().get()).isEqualTo("incus storage volume attach local:default blk vm2 blk");
    }

    @Test
    void aRefusedAttachIsShownInTheServersWordsAndTheFormComesBack() {
        ScriptedDialogService dialogs = new ScriptedDialogService(en);
        AttachVolumeViewModel model = new AttachVolumeViewModel(en, tasks, dialogs, ServerKind.LXD, "local",
                List.of(instance("c1", "container", Map.of(), PROFILE)),
                List.of(volume("default", "vol1", "filesystem", Map.of())), (i, d) -> {
                    throw new BadRequestException("PUT /1.0/instances/c1", 400, "Failed add validation for device");
                });
        model.pathProperty().set("/mnt/x");
        List<String> reopened = new ArrayList<>();
        model.attach(() -> reopened.add(model.pathProperty().get()));
        assertThat(dialogs.shown()).singleElement().satisfies(s -> {
            assertThat(s.header()).isEqualTo("Could not attach the volume vol1 to c1");
            assertThat(s.text()).isEqualTo("Failed add validation for device");
        });
        assertThat(reopened).containsExactly("/mnt/x");
    }

    @Test
    void detachListsTheInstancesOwnVolumeDisks() {
        Instance c1 = instance("c1", "container", Map.of(
                "host", Map.of("type", "disk", "source", "/srv", "path", "/srv"),
                "data", Map.of("type", "disk", "pool", "p2", "source", "vol1", "path", "/mnt/data")), PROFILE);
        DetachVolumeViewModel model = new DetachVolumeViewModel(en, tasks, new ScriptedDialogService(en),
                ServerKind.LXD, "local", "c1", VolumeDisk.of(c1), (i, d) -> sent.add(i + "-" + d));
        assertThat(model.disks()).containsExactly(new VolumeDisk("data", "p2", "vol1", "/mnt/data", false));
        assertThat(model.commandProperty().get()).isEqualTo("lxc storage volume detach local:p2 vol1 c1 data");
        model.detach(() -> { });
        assertThat(sent).containsExactly("c1-data");
        DetachVolumeViewModel none = new DetachVolumeViewModel(en, tasks, new ScriptedDialogService(en),
                ServerKind.LXD, "local", "c2", List.of(), (i, d) -> sent.add(i));
        assertThat(none.problemProperty().get()).isEqualTo("c2 has no disk of its own on a custom volume.");
    }

    @Test
    void renameChecksNameUseAndRunningInstances() {
        PoolVolume vol = volume("default", "vol1", "filesystem", Map.of(), "/1.0/instances/c1", "/1.0/profiles/p");
        VolumeRenameViewModel model = new VolumeRenameViewModel(en, tasks, new ScriptedDialogService(en),
                ServerKind.LXD, "local", vol, Set.of("vol1", "vol2"), Set.of(), (p, v, n) -> sent.add(p + v + n));
        assertThat(model.problemProperty().get()).isEqualTo("Type a new name.");
        model.newNameProperty().set("vol2");
        assertThat(model.problemProperty().get()).isEqualTo("The pool default already has a custom volume named vol2.");
        model.newNameProperty().set("-x");
        assertThat(model.problemProperty().get()).isEqualTo(en.get("name.problem.badStart"));
        model.newNameProperty().set("vol3");
        assertThat(model.commandProperty().get()).isEqualTo("lxc storage volume rename local:default vol1 vol3");
        model.rename(() -> { });
        assertThat(sent).containsExactly("defaultvol1vol3");
        VolumeRenameViewModel busy = new VolumeRenameViewModel(en, tasks, new ScriptedDialogService(en),
                ServerKind.LXD, "local", vol, Set.of(), Set.of("c1"), (p, v, n) -> sent.add(n));
        busy.newNameProperty().set("vol3");
        assertThat(busy.problemProperty().get()).startsWith("The volume vol1 is used by the running instance(s) c1;");
    }

    @Test
    void resizeRefusesBadSyntaxAndLessThanUsed() {
        PoolVolume vol = volume("default", "vol1", "filesystem", Map.of("size", "1GiB"));
        VolumeResizeViewModel model = new VolumeResizeViewModel(ja, tasks, new ScriptedDialogService(ja),
                ServerKind.INCUS, "local", vol, (p, v, s) -> sent.add(s));
        assertThat(model.factsProperty().get()).isEqualTo("1GiB");
        assertThat(model.problemProperty().get()).isEqualTo(ja.get("volumes.resize.same"));
        model.sizeProperty().set("2 GiB");
        assertThat(model.problemProperty().get()).isEqualTo(ja.get("size.problem"));
        model.sizeProperty().set("10G");
        assertThat(model.problemProperty().get()).isEqualTo(ja.get("size.problem"));
        model.readUsage((p, v) -> Optional.of(300L * 1024 * 1024));
        assertThat(model.factsProperty().get()).startsWith("1GiB、使用中 300");
        model.sizeProperty().set("200MiB");
        assertThat(model.problemProperty().get()).startsWith("200MiB はボリュームがすでに使っている");
        model.sizeProperty().set("2GiB");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.commandProperty().get()).isEqualTo("incus storage volume set local:default vol1 size=2GiB");
        model.resize(() -> { });
        assertThat(sent).containsExactly("2GiB");
    }

    @Test
    void aRefusedResizeIsShownInTheServersWords() {
        ScriptedDialogService dialogs = new ScriptedDialogService(en);
        VolumeResizeViewModel model = new VolumeResizeViewModel(en, tasks, dialogs, ServerKind.LXD, "local",
                volume("default", "vol1", "block", Map.of("size", "1GiB")), (p, v, s) -> {
                    throw new BadRequestException("PUT", 400, "Block volumes cannot be shrunk");
                });
        model.sizeProperty().set("512MiB");
        List<String> reopened = new ArrayList<>();
        model.resize(() -> reopened.add(model.sizeProperty().get()));
        assertThat(dialogs.shown()).singleElement().satisfies(s -> {
            assertThat(s.header()).isEqualTo("Could not resize the volume vol1 to 512MiB");
            assertThat(s.text()).isEqualTo("Block volumes cannot be shrunk");
        });
        assertThat(reopened).containsExactly("512MiB");
    }

    @Test
    void copyAndMoveCheckTheTargetAndRunningUsers() {
        PoolVolume vol = volume("default", "vol1", "filesystem", Map.of(), "/1.0/instances/c1?project=default");
        Map<String, Set<String>> names = Map.of("default", Set.of("vol1"), "fast", Set.of("taken"));
        VolumeCopyViewModel copy = new VolumeCopyViewModel(en, tasks, new ScriptedDialogService(en), ServerKind.LXD, "local",
                false, vol, List.of("default", "fast"), names::get, Set.of("c1"),
                (m, p, v, t, n) -> sent.add(m + " " + p + "/" + v + ">" + t + "/" + n));
        assertThat(copy.targetPoolProperty().get()).isEqualTo("fast");
        assertThat(copy.problemProperty().get()).isEmpty();
        assertThat(copy.commandProperty().get()).isEqualTo("lxc storage volume copy local:default/vol1 local:fast/vol1");
        copy.newNameProperty().set("taken");
        assertThat(copy.problemProperty().get()).isEqualTo("The pool fast already has a custom volume named taken.");
        copy.targetPoolProperty().set("default");
        copy.newNameProperty().set("vol1");
        assertThat(copy.problemProperty().get()).isEqualTo("Choose another pool or another name.");
        copy.newNameProperty().set("vol1-copy");
        copy.run(() -> { });
        assertThat(sent).containsExactly("false default/vol1>default/vol1-copy");

        VolumeCopyViewModel move = new VolumeCopyViewModel(en, tasks, new ScriptedDialogService(en), ServerKind.INCUS, "local",
                true, vol, List.of("default", "fast"), names::get, Set.of("c1"), (m, p, v, t, n) -> sent.add("x"));
        assertThat(move.problemProperty().get()).startsWith("The volume vol1 is used by the running instance(s) c1;");
        VolumeCopyViewModel stopped = new VolumeCopyViewModel(en, tasks, new ScriptedDialogService(en),
                ServerKind.INCUS, "local", true, vol, List.of("default", "fast"), names::get, Set.of(),
                (m, p, v, t, n) -> sent.add("x"));
        assertThat(stopped.commandProperty().get()).isEqualTo("incus storage volume move local:default/vol1 local:fast/vol1");
    }
}
