package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An instance created from another server's private image, as the new instance wizard does
 * for "another remote": the target pulls it over HTTPS with the source's certificate pinned
 * and a one-time secret from {@code POST /1.0/images/<fp>/secret}.
 */
class RemoteImageSourceIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void createsFromTheOtherServersPrivateImage(Daemon target) throws Exception {
        Daemon source = target == Daemon.LXD ? Daemon.INCUS : Daemon.LXD;
        String name = TestBed.uniqueName("pull");
        try (LxdClient to = TestBed.connect(target); LxdClient from = TestBed.connect(source)) {
            // A private image only the source has: published from a fresh instance there.
            String published = Instances.createStopped(from, "pub");
            String fingerprint;
            try {
                fingerprint = ImageTransfers.of(from).publish(published, new ImageTransfers.ImageOptions(false,
                        List.of(), java.util.Map.of()), Transfer.silent());
            } finally {
                Instances.remove(from, published);
            }
            Image image = from.images().get(fingerprint).value();
            assertThat(image.isPublic()).isFalse();
            assertThat(hasImage(to, fingerprint)).isFalse();
            var environment = from.refreshServer().environment();
            RunningOperation secret = from.images().secret(image.fingerprint());
            String token = secret.latest().metadata().path("secret").asText();
            assertThat(token).isNotBlank();
            try {
                var post = new InstancesPost(name, "container", InstanceSource.remoteImage(
                        "https://" + environment.addresses().get(0), "lxd", null, image.fingerprint(),
                        environment.certificate(), token), List.of("default"), null, null, null, null, null);
                to.instances().create(post).awaitSuccess(Duration.ofMinutes(2));
                assertThat(to.instances().get(name).value().config())
                        .containsEntry("volatile.base_image", image.fingerprint());
            } finally {
                Instances.remove(to, name);
                for (LxdClient server : List.of(to, from)) {
                    if (hasImage(server, fingerprint)) {
                        server.images().delete(fingerprint).awaitSuccess(Duration.ofSeconds(30));
                    }
                }
            }
        }
    }

    private static boolean hasImage(LxdClient client, String fingerprint) {
        try {
            client.images().get(fingerprint);
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }
}
