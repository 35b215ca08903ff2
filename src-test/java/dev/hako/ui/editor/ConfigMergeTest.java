package dev.hako.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.ProfilePut;
import dev.hako.model.config.ConfigMerge;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import dev.hako.model.config.ObjectKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMergeTest {

    private static EditDocument profile(Map<String, String> config, String description) {
        return EditDocument.of(ObjectKind.PROFILE, new ProfilePut(config, description,
                Map.of("root", Map.of("type", "disk", "path", "/", "pool", "p"))));
    }

    @Test
    void changesAreAttributedAndMergedKeyByKey() {
        EditDocument base = profile(Map.of("a", "1", "b", "1", "c", "1"), "d");
        EditDocument mine = profile(Map.of("a", "2", "b", "1", "c", "3", "m", "new"), "d");
        EditDocument theirs = profile(Map.of("a", "1", "b", "9", "c", "4"), "server");
        List<ConfigMerge.Entry> entries = ConfigMerge.compare(base, mine, theirs);
        assertThat(entries).extracting(ConfigMerge.Entry::key, ConfigMerge.Entry::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("config.a", ConfigMerge.Change.MINE),
                org.assertj.core.groups.Tuple.tuple("config.b", ConfigMerge.Change.THEIRS),
                org.assertj.core.groups.Tuple.tuple("config.c", ConfigMerge.Change.CONFLICT),
                org.assertj.core.groups.Tuple.tuple("config.m", ConfigMerge.Change.MINE),
                org.assertj.core.groups.Tuple.tuple("description", ConfigMerge.Change.THEIRS));
        assertThat(ConfigMerge.hasConflicts(entries)).isTrue();

        EditDocument automatic = ConfigMerge.merge(theirs, entries, Map.of());
        assertThat(automatic.config()).containsExactlyInAnyOrderEntriesOf(
                Map.of("a", "2", "b", "9", "c", "4", "m", "new"));
        assertThat(automatic.description()).isEqualTo("server");
        assertThat(automatic.devices()).isEqualTo(theirs.devices());

        EditDocument chosen = ConfigMerge.merge(theirs, entries, Map.of("config.c", true, "config.m", false));
        assertThat(chosen.config()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "2", "b", "9", "c", "3"));
    }

    @Test
    void removalsCountAsChanges() {
        EditDocument base = profile(Map.of("a", "1"), "");
        EditDocument mine = profile(Map.of(), "");
        List<ConfigMerge.Entry> entries = ConfigMerge.compare(base, mine, base);
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.change()).isEqualTo(ConfigMerge.Change.MINE));
        assertThat(ConfigMerge.merge(base, entries, Map.of()).config()).isEmpty();
    }

    @Test
    void lineDiffShowsAddedAndRemovedLines() {
        List<LineDiff.Line> lines = LineDiff.diff("a\nb\nc\n", "a\nx\nc\n");
        assertThat(lines).extracting(LineDiff.Line::render).containsExactly("  a", "- b", "+ x", "  c");
        assertThat(LineDiff.changed(LineDiff.diff("a\n", "a\n"))).isFalse();
    }

    @Test
    void cliCommandsFollowTheServerKind() {
        EditDocument base = profile(Map.of("a", "1", "gone", "x"), "");
        EditDocument draft = profile(Map.of("a", "2 3", "new", "y"), "");
        List<String> lxc = EditTarget.profile("web").cliCommands(dev.hako.lxd.ServerKind.LXD, base, draft);
        assertThat(lxc).containsExactly("lxc profile set web 'a=2 3'", "lxc profile set web new=y",
                "lxc profile unset web gone");
        List<String> incus = EditTarget.storageVolume("p", "custom", "v")
                .cliCommands(dev.hako.lxd.ServerKind.INCUS,
                        EditDocument.of(ObjectKind.STORAGE_VOLUME, Map.of("config", Map.of())),
                        EditDocument.of(ObjectKind.STORAGE_VOLUME, Map.of("config", Map.of("size", "1GiB"))));
        assertThat(incus).containsExactly("incus storage volume set p custom/v size=1GiB");
        EditDocument withDevice = base.withDevices(Map.of("root", Map.of("type", "disk", "path", "/", "pool", "p"),
                "eth0", Map.of("type", "nic", "network", "br0")));
        assertThat(EditTarget.instance("c1").cliCommands(dev.hako.lxd.ServerKind.LXD, base, withDevice))
                .containsExactly("lxc config device add c1 eth0 nic network=br0");
        EditDocument resized = withDevice.withDevices(Map.of("root", Map.of("type", "disk", "path", "/", "pool", "p",
                "size", "2GiB"), "eth0", Map.of("type", "nic", "network", "br0")));
        assertThat(EditTarget.instance("c1").cliCommands(dev.hako.lxd.ServerKind.INCUS, withDevice, resized))
                .containsExactly("incus config device set c1 root size=2GiB");
        assertThat(EditTarget.instance("c1").cliCommands(dev.hako.lxd.ServerKind.INCUS, resized, withDevice))
                .containsExactly("incus config device unset c1 root size");
    }
}
