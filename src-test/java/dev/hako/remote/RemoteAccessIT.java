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
            if (daemon == Daemon.LXD) {
                // Not checked on Incus: Incus 6.0.4 drops core.https_address from its stored config when a PATCH of
                // /1.0 is refused for an unknown key (ResourcesIT does one), while it keeps listening. Reading and
                // changing the address is covered on the private daemon below.
                assertThat(settings.httpsAddress()).isEqualTo(TestBed.httpsAddress(daemon));
            }
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
