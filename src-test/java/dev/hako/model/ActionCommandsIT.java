package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Image;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.terminal.CommandLine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command lines the window shows are the CLI's own: each is run, as a user would paste
 * it, with the test-bed daemon's CLI (whose built-in {@code local:} remote is that daemon), and
 * what it did is read back through the API.
 */
class ActionCommandsIT {

    private static ServerKind kind(Daemon daemon) {
        return daemon == Daemon.INCUS ? ServerKind.INCUS : ServerKind.LXD;
    }

    /** Runs a shown line with the daemon's CLI; the first word must be that CLI. */
    private static void run(Daemon daemon, String line) {
        List<String> words = CommandLine.split(line);
        assertThat(words.get(0)).isEqualTo(kind(daemon).cli());
        TestBed.cli(daemon, words.subList(1, words.size()).toArray(String[]::new));
    }

    private static String status(LxdClient client, String instance) {
        return client.instances().get(instance).value().status();
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void instanceAndSnapshotLinesDoWhatTheActionsDo(Daemon daemon) throws Exception {
        String name = TestBed.uniqueName("cmd");
        String renamed = TestBed.uniqueName("cmd");
        String copy = TestBed.uniqueName("cmd");
        String fromSnapshot = TestBed.uniqueName("cmd");
        ActionCommands commands = new ActionCommands(kind(daemon), "local", "default");
        LxdClient client = TestBed.connect(daemon);
        TestBed.cli(daemon, "init", TestBed.imageAlias(), name);
        try {
            run(daemon, commands.start(List.of(name)));
            assertThat(status(client, name)).isEqualTo("Running");
            run(daemon, commands.freeze(List.of(name)));
            assertThat(status(client, name)).isEqualTo("Frozen");
            run(daemon, commands.unfreeze(List.of(name)));
            assertThat(status(client, name)).isEqualTo("Running");
            run(daemon, commands.snapshot(name, "s1", false));
            run(daemon, commands.renameSnapshot(name, "s1", "s2"));
            assertThat(client.instances().snapshotNames(name)).containsExactly("s2");
            run(daemon, commands.restart(List.of(name), 20, false));
            assertThat(status(client, name)).isEqualTo("Running");
            run(daemon, commands.stop(List.of(name), null, true));
            assertThat(status(client, name)).isEqualTo("Stopped");
            run(daemon, commands.restoreSnapshot(name, "s2"));
            run(daemon, commands.copySnapshot(name, "s2", fromSnapshot));
            assertThat(client.instances().get(fromSnapshot).value().name()).isEqualTo(fromSnapshot);
            run(daemon, commands.deleteSnapshot(name, "s2"));
            assertThat(client.instances().snapshotNames(name)).isEmpty();
            run(daemon, commands.rename(name, renamed));
            run(daemon, commands.copy(renamed, copy, true));
            assertThat(client.instances().get(copy).value().status()).isEqualTo("Stopped");
            run(daemon, commands.start(List.of(renamed)));
            run(daemon, commands.delete(List.of(renamed, copy, fromSnapshot), true));
            assertThat(TestBed.cli(daemon, "list", "--format", "csv", "-c", "n"))
                    .doesNotContain(name, renamed, copy, fromSnapshot);
        } finally {
            for (String left : List.of(name, renamed, copy, fromSnapshot)) {
                try {
                    TestBed.cli(daemon, "delete", "--force", left);
                } catch (RuntimeException gone) {
                    // Deleted by the lines under test.
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void profileAndAliasLinesDoWhatTheActionsDo(Daemon daemon) throws Exception {
        String profile = TestBed.uniqueName("cp");
        String copied = TestBed.uniqueName("cp");
        String renamed = TestBed.uniqueName("cp");
        String alias = TestBed.uniqueName("ca") + "/one";
        ActionCommands commands = new ActionCommands(kind(daemon), "local", null);
        LxdClient client = TestBed.connect(daemon);
        String fingerprint = client.images().list().stream().map(Image::fingerprint).findFirst().orElseThrow();
        try {
            run(daemon, commands.createProfile(profile));
            run(daemon, commands.copyProfile(profile, copied));
            run(daemon, commands.renameProfile(copied, renamed));
            assertThat(client.profiles().get(renamed).value().name()).isEqualTo(renamed);
            run(daemon, commands.deleteProfile(renamed));
            run(daemon, commands.deleteProfile(profile));
            assertThat(TestBed.cli(daemon, "profile", "list", "--format", "csv")).doesNotContain(profile, renamed);

            run(daemon, commands.createAlias(alias, fingerprint));
            run(daemon, commands.renameAlias(alias, alias + "b"));
            assertThat(TestBed.cli(daemon, "image", "alias", "list", "--format", "csv")).contains(alias + "b");
            run(daemon, commands.deleteAlias(alias + "b"));
            assertThat(TestBed.cli(daemon, "image", "alias", "list", "--format", "csv")).doesNotContain(alias);
        } finally {
            for (String left : List.of(profile, copied, renamed)) {
                try {
                    TestBed.cli(daemon, "profile", "delete", left);
                } catch (RuntimeException gone) {
                    // Deleted by the lines under test.
                }
            }
        }
    }
}
