package dev.hako.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.remote.ClientCertificates;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The spare Incus daemons tests start next to the test bed's: HTTPS, restart, fresh, removal. */
class ExtraIncusIT {

    @Test
    void startsWithHttpsKeepsItsAddressAcrossARestartAndIsRemovedOnClose() throws Exception {
        ExtraIncus daemon = ExtraIncus.start("xinc");
        try {
            assertThat(daemon.host()).startsWith("127.0.0.");
            assertThat(daemon.port()).isPositive();
            String fingerprint;
            try (LxdClient local = LxdClient.connect(new Endpoint.UnixSocket(daemon.socket()))) {
                assertThat(local.kind()).isEqualTo(ServerKind.INCUS);
                fingerprint = local.serverInfo().environment().certificateFingerprint();
                assertThat(local.serverInfo().config()).containsEntry("core.https_address",
                        daemon.host() + ":" + daemon.port());
            }
            ClientIdentity me = ClientCertificates.generate("hako-extra-incus");
            try (LxdClient remote = LxdClient.connect(new Endpoint.Https(daemon.host(), daemon.port(), me,
                    fingerprint))) {
                assertThat(remote.serverInfo().trusted()).isFalse();
            }
            String host = daemon.host();
            int port = daemon.port();
            daemon.stop();
            assertThat(Files.exists(daemon.socket())).isFalse();
            daemon.start();
            assertThat(daemon.host()).isEqualTo(host);
            assertThat(daemon.port()).isEqualTo(port);
            try (LxdClient remote = LxdClient.connect(new Endpoint.Https(host, port, me, fingerprint))) {
                assertThat(remote.kind()).isEqualTo(ServerKind.INCUS);
            }
        } finally {
            daemon.close();
        }
        assertThat(Files.exists(daemon.daemonDir())).isFalse();
    }

    @Test
    void aFreshDaemonListensOnItsSocketOnly() throws Exception {
        try (ExtraIncus daemon = ExtraIncus.startFresh("xincf")) {
            assertThat(daemon.host()).isNull();
            assertThat(daemon.port()).isZero();
            try (LxdClient local = LxdClient.connect(new Endpoint.UnixSocket(daemon.socket()))) {
                assertThat(local.kind()).isEqualTo(ServerKind.INCUS);
                assertThat(local.serverInfo().config()).doesNotContainKey("core.https_address");
                assertThat(local.storage().pools()).isEmpty();
            }
        }
    }
}
