package dev.hako.model.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskCommandTest {

    private static Map<String, List<String>> instance(String url) {
        return Map.of("instances", List.of(url));
    }

    @Test
    void anInstanceActionIsTheCliVerbOnTheRemotesInstance() {
        assertThat(TaskCommand.of(ServerKind.LXD, "local", "Starting instance", instance("/1.0/instances/c1")))
                .isEqualTo("lxc start local:c1");
        assertThat(TaskCommand.of(ServerKind.INCUS, "lab", "Stopping instance", instance("/1.0/instances/web")))
                .isEqualTo("incus stop lab:web");
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Freezing instance", instance("/1.0/instances/a")))
                .isEqualTo("lxc pause l:a");
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Deleting instance", instance("/1.0/instances/a")))
                .isEqualTo("lxc delete l:a");
    }

    @Test
    void aProjectOtherThanDefaultIsNamed() {
        assertThat(TaskCommand.of(ServerKind.INCUS, "lab", "Restarting instance",
                instance("/1.0/instances/c1?project=team%20a"))).isEqualTo("incus restart lab:c1 --project 'team a'");
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Starting instance",
                instance("/1.0/instances/c1?project=default"))).isEqualTo("lxc start l:c1");
    }

    @Test
    void snapshotsAndImages() {
        Map<String, List<String>> snapshot = Map.of("instances", List.of("/1.0/instances/c1"),
                "instances_snapshots", List.of("/1.0/instances/c1/snapshots/before"));
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Snapshotting instance", snapshot))
                .isEqualTo("lxc snapshot l:c1 before");
        assertThat(TaskCommand.of(ServerKind.INCUS, "l", "Snapshotting instance", snapshot))
                .isEqualTo("incus snapshot create l:c1 before");
        assertThat(TaskCommand.of(ServerKind.INCUS, "l", "Deleting snapshot", snapshot))
                .isEqualTo("incus snapshot delete l:c1 before");
        // LXD 5.0 names a deleted snapshot without "snapshots/", next to its old "containers" URL.
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Deleting snapshot", Map.of("containers",
                List.of("/1.0/containers/c1/before"), "instances", List.of("/1.0/instances/c1/before"))))
                .isEqualTo("lxc delete l:c1/before");
        String fingerprint = "a".repeat(64);
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Deleting image", Map.of("images",
                List.of("/1.0/images/" + fingerprint)))).isEqualTo("lxc image delete l:" + fingerprint);
    }

    @Test
    void noCommandIsInventedWhereTheOperationDoesNotSayEnough() {
        // An exec's command line is not kept; an update's new configuration neither.
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Executing command", instance("/1.0/instances/c1"))).isEmpty();
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Updating instance", instance("/1.0/instances/c1"))).isEmpty();
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Restoring snapshot", instance("/1.0/instances/c1"))).isEmpty();
        // Two instances, or none: which one would the command name?
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Starting instance", Map.of("instances",
                List.of("/1.0/instances/a", "/1.0/instances/b")))).isEmpty();
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Starting instance", Map.of())).isEmpty();
        assertThat(TaskCommand.of(ServerKind.LXD, "l", "Snapshotting instance", instance("/1.0/instances/c1"))).isEmpty();
        assertThat(TaskCommand.of(ServerKind.LXD, "l", null, null)).isEmpty();
    }

    @Test
    void oddNamesAreQuotedForTheShell() {
        assertThat(TaskCommand.of(ServerKind.LXD, "my remote", "Starting instance", instance("/1.0/instances/c1")))
                .isEqualTo("lxc start 'my remote:c1'");
    }
}
