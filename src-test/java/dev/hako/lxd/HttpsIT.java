package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.CertificatesPost;
import dev.hako.lxd.api.Event;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.remote.ClientCertificates;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpsIT {

    private static String serverFingerprint(Daemon daemon) {
        try (LxdClient local = TestBed.connect(daemon)) {
            return local.serverInfo().environment().certificateFingerprint();
        }
    }

    private static Endpoint.Https endpoint(Daemon address, ClientIdentity identity, String pin) {
        return new Endpoint.Https(TestBed.host(address), TestBed.port(address), identity, pin);
    }

    /** Makes {@code identity} trusted: by password on LXD, by an administrator adding it on Incus. */
    private static void trust(Daemon daemon, LxdClient remote, ClientIdentity identity, String name) throws Exception {
        if (daemon == Daemon.LXD) {
            remote.certificates().add(CertificatesPost.withPassword(name, TestBed.lxdTrustPassword()));
        } else {
            try (LxdClient local = TestBed.connect(daemon)) {
                local.certificates().add(CertificatesPost.addCertificate(name,
                        Base64.getEncoder().encodeToString(identity.certificate().getEncoded())));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void pinnedCertificateConnectsAndEverythingWorksOverTls(Daemon daemon) throws Exception {
        ClientIdentity identity = ClientCertificates.generate("hako-test@" + daemon);
        String name = TestBed.uniqueName("tls");
        String fingerprint = CertificateFingerprint.sha256(identity.certificate());
        try (LxdClient remote = LxdClient.connect(endpoint(daemon, identity, serverFingerprint(daemon)))) {
            assertThat(remote.serverInfo().trusted()).isFalse();
            assertThat(remote.kind()).isEqualTo(daemon == Daemon.LXD ? ServerKind.LXD : ServerKind.INCUS);
            assertThatThrownBy(() -> remote.instances().list()).isInstanceOf(ForbiddenException.class);

            trust(daemon, remote, identity, name);
            assertThat(remote.refreshServer().trusted()).isTrue();
            assertThat(remote.kind()).isEqualTo(daemon == Daemon.LXD ? ServerKind.LXD : ServerKind.INCUS);

            LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
            remote.events().addListener(events::add);
            assertThat(remote.events().awaitOpen(Duration.ofSeconds(5))).isTrue();

            String instance = Instances.createRunning(remote, "tls");
            try {
                ExecSession.Result result = remote.instances().exec(instance,
                        ExecRequest.command(List.of("hostname"))).collect(null, Instances.OP_TIMEOUT);
                assertThat(result.stdoutText().trim()).isEqualTo(instance);
                boolean sawStart = false;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!sawStart && System.nanoTime() < deadline) {
                    Event e = events.poll(200, TimeUnit.MILLISECONDS);
                    sawStart = e != null && "instance-started".equals(e.action()) && instance.equals(e.sourceName());
                }
                assertThat(sawStart).as("instance-started event over TLS").isTrue();
            } finally {
                Instances.remove(remote, instance);
            }
        } finally {
            try (LxdClient local = TestBed.connect(daemon)) {
                local.certificates().delete(fingerprint);
            } catch (NotFoundException notTrusted) {
                // trust was never granted
            }
        }
    }

    @Test
    void aDifferentServerCertificateIsRefused() {
        String lxdPin = serverFingerprint(Daemon.LXD);
        String incusPin = serverFingerprint(Daemon.INCUS);
        assertThat(lxdPin).isNotEqualTo(incusPin);
        ClientIdentity identity = ClientCertificates.generate("hako-test@pin");
        // The LXD pin presented to the Incus address: as if that address now answered with another certificate.
        assertThatThrownBy(() -> LxdClient.connect(endpoint(Daemon.INCUS, identity, lxdPin)))
                .isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                    assertThat(e.expectedFingerprint()).isEqualTo(lxdPin);
                    assertThat(e.presentedFingerprint()).isEqualTo(incusPin);
                });
    }

    @Test
    void wrongTrustPasswordIsForbidden() {
        ClientIdentity identity = ClientCertificates.generate("hako-test@badpw");
        try (LxdClient remote = LxdClient.connect(endpoint(Daemon.LXD, identity, serverFingerprint(Daemon.LXD)))) {
            assertThatThrownBy(() -> remote.certificates().add(CertificatesPost.withPassword("x", "wrong-password")))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(remote.refreshServer().trusted()).isFalse();
        }
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int freePort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        Endpoint.Https nowhere = new Endpoint.Https("127.0.0.1", freePort, null, "00");
        assertThatThrownBy(() -> LxdClient.connect(nowhere)).isInstanceOf(UnreachableException.class)
                .hasMessageContaining("127.0.0.1:" + freePort);
    }
}
