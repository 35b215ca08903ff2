package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCommandsTest {

    private final ActionCommands lxd = new ActionCommands(ServerKind.LXD, "web", "default");
    private final ActionCommands incus = new ActionCommands(ServerKind.INCUS, "web", "shop");

    @Test
    void namesObjectsOfTheRemoteAndAddsANonDefaultProject() {
        assertThat(lxd.start(List.of("a", "b"))).isEqualTo("lxc start web:a web:b");
        assertThat(incus.start(List.of("a"))).isEqualTo("incus start web:a --project shop");
    }

    @Test
    void aForcedStopHasNoTimeoutAndAGracefulOneHasItsOwn() {
        assertThat(lxd.stop(List.of("a"), 30, false)).isEqualTo("lxc stop web:a --timeout 30");
        assertThat(lxd.stop(List.of("a"), 30, true)).isEqualTo("lxc stop web:a --force");
        assertThat(lxd.restart(List.of("a"), null, false)).isEqualTo("lxc restart web:a");
    }

    @Test
    void theTwoClisNameSnapshotAndResumeCommandsTheirOwnWay() {
        assertThat(lxd.snapshot("a", "s1", true)).isEqualTo("lxc snapshot web:a s1 --stateful");
        assertThat(incus.snapshot("a", "", false)).isEqualTo("incus snapshot create web:a --project shop");
        assertThat(lxd.deleteSnapshot("a", "s1")).isEqualTo("lxc delete web:a/s1");
        assertThat(incus.restoreSnapshot("a", "s1")).isEqualTo("incus snapshot restore web:a s1 --project shop");
        assertThat(lxd.unfreeze(List.of("a"))).isEqualTo("lxc start web:a");
        assertThat(incus.unfreeze(List.of("a"))).isEqualTo("incus resume web:a --project shop");
    }

    @Test
    void wordsThatNeedQuotingAreQuoted() {
        assertThat(lxd.snapshot("a", "before upgrade", false)).isEqualTo("lxc snapshot web:a 'before upgrade'");
        assertThat(lxd.publish("a", List.of("my image"), true, List.of("os=Alpine")))
                .isEqualTo("lxc publish web:a web: --alias 'my image' --public os=Alpine");
    }

    @Test
    void imageCopyNamesEachAliasAndTheTarget() {
        assertThat(lxd.copyImage("abc", "other", List.of("a1", "a2"), true))
                .isEqualTo("lxc image copy web:abc other: --alias a1 --alias a2 --auto-update");
        assertThat(lxd.exportImage("abc", "/tmp/x.tar.gz")).isEqualTo("lxc image export web:abc /tmp/x");
    }

    @Test
    void addingARemoteNeverShowsTheSecret() {
        assertThat(ActionCommands.addRemote(ServerKind.INCUS, "web", "https://127.0.0.1:8443", false, true))
                .isEqualTo("incus remote add web '<token>'");
        assertThat(ActionCommands.addRemote(ServerKind.LXD, "web", "https://127.0.0.1:8443", false, false))
                .isEqualTo("lxc remote add web https://127.0.0.1:8443");
        assertThat(ActionCommands.addRemote(null, "imgs", "https://127.0.0.1:9443", true, false))
                .isEqualTo("lxc remote add imgs https://127.0.0.1:9443 --protocol=simplestreams --public");
    }
}
