package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.UnreachableException;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.TestBed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server side of remote access: read on the shared daemons, changed only on a private extra daemon. */
class RemoteAccessIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void readsTheSettingsOfTheSharedDaemons(Daemon daemon) {
        try (LxdClient admin = TestBed.connect(daemon)) {
            RemoteAccess.Settings settings = new RemoteAccess(admin).settings();
            assertThat(settings.httpsAddress()).isEqualTo(TestBed.httpsAddress(daemon));
            assertThat(settings.kind()).isEqualTo(daemon == Daemon.LXD ? ServerKind.LXD : ServerKind.INCUS);
            assertThat(settings.supportsTrustPassword()).isEqualTo(daemon == Daemon.LXD);
            assertThat(settings.trustPasswordSet()).isEqualTo(daemon == Daemon.LXD);
            if (daemon == Daemon.INCUS) {
                assertThatThrownBy(() -> new RemoteAccess(admin).clearTrustPassword())
                        .isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @Test
    void changesListeningAddressAndPasswordOfAServer() throws Exception {
        try (ExtraLxd extra = ExtraLxd.start("access");
             LxdClient admin = LxdClient.connect(new Endpoint.UnixSocket(extra.socket()))) {
            RemoteAccess access = new RemoteAccess(admin);
            assertThat(access.settings().trustPasswordSet()).isTrue();
            access.clearTrustPassword();
            assertThat(access.settings().trustPasswordSet()).isFalse();
            access.setTrustPassword(extra.trustPassword());
            assertThat(access.settings().trustPasswordSet()).isTrue();

            int other;
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                other = socket.getLocalPort();
            }
            String before = access.settings().httpsAddress();
            access.setHttpsAddress("127.0.0.1:" + other);
            assertThat(access.settings().httpsAddress()).isEqualTo("127.0.0.1:" + other);
            assertThat(ServerCertificateProbe.probe(new RemoteAddress("127.0.0.1", other)).fingerprint())
                    .isEqualTo(admin.serverInfo().environment().certificateFingerprint());
            access.setHttpsAddress("");
            assertThat(access.settings().httpsAddress()).isEmpty();
            assertThatThrownBy(() -> ServerCertificateProbe.probe(new RemoteAddress("127.0.0.1", other)))
                    .isInstanceOf(UnreachableException.class);
            access.setHttpsAddress(before);
            assertThat(ServerCertificateProbe.probe(new RemoteAddress(extra.host(), extra.port()))).isNotNull();
        }
    }
}
