package dev.hako.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a failed action's dialog says first: a sentence of its own in the window's language,
 * naming the object, or counting the failures of a bulk action, above the server's own words.
 * The refusals are the test-bed daemons' own.
 */
class ActionHeadlinesIT {

    private static ActionContext context(I18n i18n, ScriptedDialogService dialogs) {
        return new ActionContext(() -> null, i18n, null, new CurrentThreadTaskExecutor(), dialogs);
    }

    private static RemoteModel online(Daemon daemon) throws Exception {
        RemoteModel remote = new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(daemon)));
        remote.start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> remote.state().online());
        return remote;
    }

    private static Instance stopped(String name) {
        return new Instance(name, "", "x86_64", "container", "Stopped", InstanceStatus.STOPPED, Map.of(), Map.of(),
                false, List.of(), false, Map.of(), Map.of(), null, null, null, null);
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void refusalsAreHeadedBySentencesNamingTheObjectInBothLanguages(Daemon daemon) throws Exception {
        String first = TestBed.uniqueName("hl");
        String second = TestBed.uniqueName("hl");
        String bridge = TestBed.uniqueName("hb");
        TestBed.cli(daemon, "init", TestBed.imageAlias(), first);
        TestBed.cli(daemon, "init", TestBed.imageAlias(), second);
        TestBed.cli(daemon, "network", "create", bridge, "ipv4.address=none", "ipv6.address=none");
        TestBed.cli(daemon, "config", "device", "add", second, "eth1", "nic", "network=" + bridge, "name=eth1");
        try (RemoteModel remote = online(daemon)) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                I18n i18n = new I18n(locale);
                boolean english = locale == Locale.ENGLISH;

                // The name is taken: the server refuses the rename.
                ScriptedDialogService renaming = new ScriptedDialogService(i18n).answer(second);
                new InstanceActions(context(i18n, renaming)).rename(remote, stopped(first));
                assertThat(renaming.headlines()).containsExactly(english ? "Could not rename " + first
                        : first + " の名前を変更できませんでした");
                assertThat(renaming.shown().get(renaming.shown().size() - 1).text()).contains(second);
                // The rename dialog showed the CLI's line for the name typed.
                assertThat(renaming.commands()).containsExactly(daemon.cliName() + " rename local:" + first + " " + second);

                // The bridge is in use by an instance: the server refuses the delete.
                ScriptedDialogService deleting = new ScriptedDialogService(i18n).answer(true);
                new ObjectActions(context(i18n, deleting)).deleteNetwork(remote, bridge, List.of());
                assertThat(deleting.headlines()).containsExactly(english ? "Could not delete the network " + bridge
                        : "ネットワーク " + bridge + " を削除できませんでした");
                assertThat(deleting.commands()).containsExactly(daemon.cliName() + " network delete local:" + bridge);
            }
            assertThat(TestBed.cli(daemon, "list", "--format", "csv", "-c", "n")).contains(first, second);
            assertThat(TestBed.cli(daemon, "network", "list", "--format", "csv")).contains(bridge);
        } finally {
            TestBed.cli(daemon, "delete", "--force", first);
            TestBed.cli(daemon, "delete", "--force", second);
            TestBed.cli(daemon, "network", "delete", bridge);
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aBulkStartNamesTheOneThatFailedAndCountsSeveral(Daemon daemon) throws Exception {
        String real = TestBed.uniqueName("hl");
        String gone = TestBed.uniqueName("gone");
        String alsoGone = TestBed.uniqueName("gone");
        TestBed.cli(daemon, "init", TestBed.imageAlias(), real);
        try (RemoteModel remote = online(daemon)) {
            I18n english = new I18n(Locale.ENGLISH);
            ScriptedDialogService one = new ScriptedDialogService(english);
            // Instances the tree still showed but someone else deleted: the server does not know them.
            new InstanceActions(context(english, one)).start(remote, List.of(stopped(real), stopped(gone)));
            assertThat(one.shown()).singleElement().satisfies(shown -> {
                assertThat(shown.kind()).isEqualTo("error");
                assertThat(shown.header()).isEqualTo("Could not start " + gone);
                assertThat(shown.text()).isNotBlank();
            });
            assertThat(TestBed.cli(daemon, "list", real, "--format", "csv", "-c", "s")).containsIgnoringCase("running");
            TestBed.cli(daemon, "stop", "--force", real);

            I18n japanese = new I18n(Locale.JAPANESE);
            ScriptedDialogService several = new ScriptedDialogService(japanese);
            new InstanceActions(context(japanese, several)).start(remote,
                    List.of(stopped(real), stopped(gone), stopped(alsoGone)));
            assertThat(several.shown()).singleElement().satisfies(shown -> {
                assertThat(shown.kind()).isEqualTo("errors");
                assertThat(shown.header()).isEqualTo("3 個のインスタンスのうち 2 個を起動できませんでした");
                assertThat(shown.text()).contains(gone, alsoGone).doesNotContain(real + "=");
            });
        } finally {
            TestBed.cli(daemon, "delete", "--force", real);
        }
    }
}
