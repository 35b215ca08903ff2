package dev.hako.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a failed action's dialog says first: a sentence of its own in the window's language,
 * naming the object, or counting the failures of a bulk action. The actions talk to a
 * scripted server.
 */
class ActionHeadlinesTest {

    private ScriptedLxdServer server;
    private RemoteModel remote;

    @BeforeEach
    void connect() throws Exception {
        server = new ScriptedLxdServer();
        remote = server.connect("lab");
    }

    @AfterEach
    void close() {
        remote.close();
        server.close();
    }

    private static ActionContext context(I18n i18n, ScriptedDialogService dialogs) {
        return new ActionContext(() -> null, i18n, null, new CurrentThreadTaskExecutor(), dialogs);
    }

    private static Instance stopped(String name) {
        return new Instance(name, "", "x86_64", "container", "Stopped", InstanceStatus.STOPPED, Map.of(), Map.of(),
                false, List.of(), false, Map.of(), Map.of(), null, null, null, null);
    }

    /** Renames web to web2, which the server refuses; returns what the dialogs showed. */
    private ScriptedDialogService renameRefused(Locale locale) {
        server.serve("/1.0/instances/web", ScriptedLxdServer.stoppedInstance("web"))
                .refuse("POST", "/1.0/instances/web", 409, "Name \\\"web2\\\" already in use");
        I18n i18n = new I18n(locale);
        ScriptedDialogService dialogs = new ScriptedDialogService(i18n).answer("web2");
        new InstanceActions(context(i18n, dialogs)).rename(remote, stopped("web"));
        return dialogs;
    }

    @Test
    void aRefusedRenameNamesTheInstance() {
        ScriptedDialogService dialogs = renameRefused(Locale.ENGLISH);
        assertThat(dialogs.headlines()).containsExactly("Could not rename web");
        assertThat(dialogs.shown().get(dialogs.shown().size() - 1).text()).isEqualTo("Name \"web2\" already in use");
    }

    @Test
    void aRefusedRenameNamesTheInstanceInJapanese() {
        assertThat(renameRefused(Locale.JAPANESE).headlines()).containsExactly("web の名前を変更できませんでした");
    }

    /** Deletes the network lxdbr1, which is in use. */
    private ScriptedDialogService networkDeleteRefused(Locale locale) {
        server.refuse("DELETE", "/1.0/networks/lxdbr1", 400, "The network is currently in use");
        I18n i18n = new I18n(locale);
        ScriptedDialogService dialogs = new ScriptedDialogService(i18n).answer(true);
        new ObjectActions(context(i18n, dialogs)).deleteNetwork(remote, "lxdbr1", List.of());
        return dialogs;
    }

    @Test
    void aRefusedNetworkDeleteNamesTheNetwork() {
        assertThat(networkDeleteRefused(Locale.ENGLISH).headlines())
                .containsExactly("Could not delete the network lxdbr1");
        assertThat(networkDeleteRefused(Locale.JAPANESE).headlines())
                .containsExactly("ネットワーク lxdbr1 を削除できませんでした");
    }

    /** Starts a, b and c; the server refuses those in {@code refused}. */
    private ScriptedDialogService start(Locale locale, String... refused) {
        for (String name : List.of("a", "b", "c")) {
            server.succeed("PUT", "/1.0/instances/" + name + "/state");
        }
        for (String name : refused) {
            server.refuse("PUT", "/1.0/instances/" + name + "/state", 400, name + " has no root disk");
        }
        I18n i18n = new I18n(locale);
        ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
        new InstanceActions(context(i18n, dialogs)).start(remote, List.of(stopped("a"), stopped("b"), stopped("c")));
        return dialogs;
    }

    @Test
    void oneFailedStartOfSeveralNamesThatInstance() {
        ScriptedDialogService dialogs = start(Locale.ENGLISH, "b");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.header()).isEqualTo("Could not start b");
            assertThat(shown.text()).isEqualTo("b has no root disk");
        });
        assertThat(start(Locale.JAPANESE, "b").headlines()).containsExactly("b を起動できませんでした");
    }

    @Test
    void severalFailedStartsAreCountedAndListed() {
        ScriptedDialogService dialogs = start(Locale.ENGLISH, "a", "c");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("errors");
            assertThat(shown.header()).isEqualTo("Could not start 2 of 3 instances");
            assertThat(shown.text()).isEqualTo("{a=a has no root disk, c=c has no root disk}");
        });
        assertThat(start(Locale.JAPANESE, "a", "c").headlines())
                .containsExactly("3 個のインスタンスのうち 2 個を起動できませんでした");
    }
}
