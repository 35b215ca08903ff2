package dev.hako.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.Endpoint;
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
}
