package dev.hako.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.FakeLxd30;
import dev.hako.lxd.Json;
import dev.hako.lxd.ServerTooOldException;
import dev.hako.lxd.api.Server;
import dev.hako.model.ConnectionState;
import dev.hako.ui.common.I18n;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TreeLabelsTest {

    @Test
    void groupRowsSayTheirNameInTheWindowsLanguage() {
        I18n i18n = new I18n(Locale.ENGLISH);
        TreeEntry group = new TreeEntry.GroupEntry("lab", TreeEntry.Group.STORAGE_POOLS, 3);
        assertThat(TreeLabels.of(i18n, group)).isEqualTo("Storage pools (3)");
        i18n.setLocale(Locale.JAPANESE);
        assertThat(TreeLabels.of(i18n, group)).isEqualTo(i18n.get("tree.group.storagePools") + " (3)")
                .isNotEqualTo("Storage pools (3)");
    }

    @Test
    void anOfflineRemoteSaysWhyInItsLanguageWithoutTheRequest() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Endpoint.Https nowhere = new Endpoint.Https("127.0.0.1", port, null, "00");
        RuntimeException failure;
        try {
            LxdClient.connect(nowhere).close();
            throw new AssertionError("a closed port answered");
        } catch (RuntimeException e) {
            failure = e;
        }
        ConnectionState offline = new ConnectionState(ConnectionState.Status.OFFLINE, nowhere.display(), null, null,
                failure);
        I18n i18n = new I18n(Locale.JAPANESE);
        String label = TreeLabels.of(i18n, new TreeEntry.RemoteEntry("lab", offline));
        assertThat(label).startsWith("lab  ").contains(nowhere.display()).doesNotContain("GET").doesNotContain("/1.0")
                .doesNotContain("cannot reach").contains(i18n.format("error.unreachable", nowhere.display()));
    }

    @Test
    void aTooOldRemoteSaysItsVersionAndWhatHakoNeedsInBothLanguages() throws Exception {
        try (FakeLxd30 lxd30 = new FakeLxd30(); LxdClient client = LxdClient.connect(lxd30.endpoint())) {
            ServerTooOldException failure = org.junit.jupiter.api.Assertions.assertThrows(ServerTooOldException.class,
                    client::requireInstancesApi);
            ConnectionState tooOld = new ConnectionState(ConnectionState.Status.TOO_OLD, null, client.kind(),
                    failure.version(), failure);
            TreeEntry row = new TreeEntry.RemoteEntry("bionic", tooOld);
            I18n i18n = new I18n(Locale.ENGLISH);
            assertThat(TreeLabels.of(i18n, row))
                    .isEqualTo("bionic  too old: LXD 3.0.3 — Hako needs LXD 4.0 or newer, or Incus");
            i18n.setLocale(Locale.JAPANESE);
            assertThat(TreeLabels.of(i18n, row))
                    .isEqualTo("bionic  古すぎます: LXD 3.0.3 — Hako には LXD 4.0 以降か Incus が必要です");
        }
    }

    @Test
    void aServerThatLacksTheInstancesApiButHidesItsVersionIsStillTooOld() throws Exception {
        // What an untrusted caller of LXD 3.0 sees: extensions, but no environment.
        Server untrusted = Json.MAPPER.readValue("{\"api_extensions\":[\"" + String.join("\",\"", FakeLxd30.EXTENSIONS)
                + "\"],\"api_status\":\"stable\",\"api_version\":\"1.0\",\"auth\":\"untrusted\",\"public\":false}",
                Server.class);
        ServerTooOldException failure = ServerTooOldException.of(untrusted);
        assertThat(failure).isNotNull();
        assertThat(failure.version()).isNull();
        ConnectionState tooOld = new ConnectionState(ConnectionState.Status.TOO_OLD, null, null, null, failure);
        assertThat(TreeLabels.describe(new I18n(Locale.ENGLISH), tooOld))
                .isEqualTo("too old: an LXD before 3.19 — Hako needs LXD 4.0 or newer, or Incus");
        Server current = Json.MAPPER.readValue("{\"api_extensions\":[\"etag\",\"instances\"]}", Server.class);
        assertThat(ServerTooOldException.of(current)).isNull();
    }
}
