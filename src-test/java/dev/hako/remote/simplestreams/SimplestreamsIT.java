package dev.hako.remote.simplestreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Operation;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.SimplestreamsServer;
import dev.hako.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Browses the test bed's own simplestreams server (self-signed, on loopback) and
 * launches from it on LXD 5.0 and Incus 6.0, the daemon pulling the image itself with
 * the server's certificate pinned, while the operation reports download progress.
 */
class SimplestreamsIT {

    private static SimplestreamsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SimplestreamsServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void browsesWithThePinnedCertificate() {
        SimplestreamsClient client = new SimplestreamsClient(server.address(), server.certificateFingerprint(),
                server.certificatePem());
        client.forget();
        List<SimplestreamsImage> images = client.images();
        assertThat(images).hasSize(1);
        SimplestreamsImage image = images.get(0);
        assertThat(image.aliases()).containsExactlyElementsOf(SimplestreamsServer.ALIASES);
        assertThat(image.fingerprint()).isEqualTo(server.imageFingerprint());
        assertThat(image.os()).isEqualTo("Busybox");
        assertThat(image.kernelArchitecture()).isEqualTo("x86_64");
        assertThat(image.type()).isEqualTo("container");
        assertThat(image.serial()).isEqualTo(SimplestreamsServer.SERIAL);
        assertThat(image.daemons()).containsExactlyInAnyOrder("lxd", "incus");
        assertThat(client.certificatePem()).isEqualTo(server.certificatePem());
        int before = server.requests().size();
        assertThat(client.images()).isSameAs(images);
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void refusesASelfSignedServerWithoutAPin() {
        SimplestreamsClient system = new SimplestreamsClient(server.address(), null, null);
        assertThatThrownBy(system::images).isInstanceOf(SimplestreamsClient.UntrustedServerException.class)
                .matches(e -> !((SimplestreamsClient.UntrustedServerException) e).pinned());
        SimplestreamsClient wrongPin = new SimplestreamsClient(server.address(), "00".repeat(32), null);
        assertThatThrownBy(wrongPin::images).isInstanceOf(SimplestreamsClient.UntrustedServerException.class)
                .matches(e -> ((SimplestreamsClient.UntrustedServerException) e).pinned());
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void launchesFromTheServerWithDownloadProgress(Daemon daemon) throws Exception {
        String name = TestBed.uniqueName("ss");
        try (LxdClient client = TestBed.connect(daemon)) {
            removeImage(client);
            // About 4 s of transfer, so that the daemon reports progress more than once.
            server.setBytesPerSecond(Math.max(64 * 1024, server.imageSize() / 4));
            List<String> progress = new CopyOnWriteArrayList<>();
            try {
                var post = new InstancesPost(name, "container", InstanceSource.remoteImage(server.address(),
                        "simplestreams", SimplestreamsServer.ALIASES.get(0), null, server.certificatePem(), null),
                        List.of("default"), null, null, null, null, null);
                var operation = client.instances().create(post);
                try (AutoCloseable watch = operation.onUpdate(op -> progressOf(op, progress))) {
                    operation.awaitSuccess(Duration.ofMinutes(2));
                }
                Instance created = client.instances().get(name).value();
                assertThat(created.config()).containsEntry("volatile.base_image", server.imageFingerprint());
                assertThat(progress).anyMatch(p -> p.contains("%"));
                assertThat(server.requests()).anyMatch(p -> p.endsWith("root.tar.xz"));
                client.instances().changeState(name, dev.hako.lxd.api.InstanceStatePut.start())
                        .awaitSuccess(Instances.OP_TIMEOUT);
                assertThat(client.instances().state(name).status()).isEqualTo("Running");
            } finally {
                server.setBytesPerSecond(0);
                Instances.remove(client, name);
                removeImage(client);
            }
        }
    }

    private static void progressOf(Operation op, List<String> progress) {
        if (op.metadata() != null) {
            op.metadata().fields().forEachRemaining(e -> {
                if (e.getKey().endsWith("_progress") && e.getValue().isTextual()) {
                    progress.add(e.getValue().asText());
                }
            });
        }
    }

    private static void removeImage(LxdClient client) {
        try {
            client.images().delete(server.imageFingerprint()).awaitSuccess(Duration.ofSeconds(30));
        } catch (NotFoundException absent) {
            // not cached yet
        }
    }
}
