package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UntrustedCertificateException;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.TestBed;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A remote whose daemon stops mid-session goes offline without disturbing the
 * others and comes back when the daemon does; a daemon that comes back with another
 * certificate stays refused. Uses a private extra LXD daemon, never the shared ones.
 */
class OfflineRemoteIT {

    private static void waitFor(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aStoppedServerGoesOfflineAloneAndComesBack() throws Exception {
        try (ExtraLxd extra = ExtraLxd.start("offline")) {
            RemoteAddress address = new RemoteAddress(extra.host(), extra.port());
            ClientIdentity identity = new ClientIdentities(Files.createTempDirectory("hako-offline")).own();
            ServerCertificate certificate = ServerCertificateProbe.probe(address);
            Enrolment.enrol(address, certificate, identity, new Enrolment.Password(extra.trustPassword()));
            Endpoint.Https pinned = Enrolment.endpoint(address, certificate, identity);

            RemoteModel shared = new RemoteModel("shared", new Endpoint.UnixSocket(TestBed.socket(Daemon.LXD)));
            RemoteModel far = new RemoteModel("extra", pinned);
            List<ConnectionState> sharedStates = new CopyOnWriteArrayList<>();
            try (Workspace workspace = new Workspace(List.of(shared, far))) {
                workspace.start();
                waitFor(Duration.ofSeconds(30), () -> shared.state().online() && far.state().online(), "both online");
                shared.addStateListener(sharedStates::add);

                extra.stop();
                waitFor(Duration.ofSeconds(30), () -> far.state().status() == ConnectionState.Status.OFFLINE,
                        "extra offline after its daemon stopped");
                assertThat(far.state().reason()).isNotBlank();
                // The other remote is untouched and keeps answering.
                assertThat(shared.state().online()).isTrue();
                assertThat(shared.client().instances().list()).isNotNull();

                extra.start();
                waitFor(Duration.ofSeconds(90), () -> far.state().online(), "extra back online after restart");
                assertThat(far.client().instances().list()).isNotNull();
                assertThat(sharedStates).allMatch(ConnectionState::online);

                // The daemon comes back with a new certificate (reinstalled): the pin refuses it.
                extra.stop();
                Files.delete(extra.socket().resolveSibling("server.crt"));
                Files.delete(extra.socket().resolveSibling("server.key"));
                extra.start();
                ServerCertificate renewed = ServerCertificateProbe.probe(address);
                assertThat(renewed.fingerprint()).isNotEqualTo(certificate.fingerprint());
                assertThatThrownBy(() -> LxdClient.connect(pinned))
                        .isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                            assertThat(e.expectedFingerprint()).isEqualTo(certificate.fingerprint());
                            assertThat(e.presentedFingerprint()).isEqualTo(renewed.fingerprint());
                        });
                Thread.sleep(TimeUnit.SECONDS.toMillis(5));
                assertThat(far.state().online()).as("a remote with a changed certificate never comes online").isFalse();
                assertThat(shared.state().online()).isTrue();
            }
        }
    }
}
