package dev.hako.remote.simplestreams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import dev.hako.remote.RemoteConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageServerTest {

    @Test
    void theBuiltInsAreTheClientsOwnDefaults() {
        // canonical/lxd lxc/config/default.go in LXD 5.0 (and `lxc remote list` of lxc 5.0.2 on a fresh config).
        assertThat(ImageServer.LXD_DEFAULTS).containsExactly(
                java.util.Map.entry("images", "https://images.linuxcontainers.org"),
                java.util.Map.entry("ubuntu", "https://cloud-images.ubuntu.com/releases"),
                java.util.Map.entry("ubuntu-daily", "https://cloud-images.ubuntu.com/daily"));
        // lxc/incus shared/cliconfig/default.go in Incus 6.0 (and `incus remote list` of incus 6.0.4).
        assertThat(ImageServer.INCUS_DEFAULTS).containsExactly(
                java.util.Map.entry("images", "https://images.linuxcontainers.org"));
        assertThat(ImageServer.PROTOCOL).isEqualTo("simplestreams");
        for (ImageServer server : ImageServer.listed(Set.of(ServerKind.LXD, ServerKind.INCUS), List.of())) {
            assertThat(server.config().protocol()).isEqualTo(RemoteConfig.Protocol.SIMPLESTREAMS);
            assertThat(server.config().fingerprint()).isNull();
        }
    }

    @Test
    void showsTheBuiltInsOfTheKindsTheUserHasOnceEach() {
        assertThat(ImageServer.listed(Set.of(), List.of())).isEmpty();
        assertThat(ImageServer.listed(Set.of(ServerKind.INCUS), List.of())).extracting(ImageServer::name)
                .containsExactly("images");
        assertThat(ImageServer.listed(Set.of(ServerKind.LXD), List.of())).extracting(ImageServer::name)
                .containsExactly("images", "ubuntu", "ubuntu-daily");
        List<ImageServer> both = ImageServer.listed(Set.of(ServerKind.LXD, ServerKind.INCUS), List.of());
        assertThat(both).extracting(ImageServer::name).containsExactly("images", "ubuntu", "ubuntu-daily");
        assertThat(both.get(0).builtIn()).containsExactlyInAnyOrder(ServerKind.LXD, ServerKind.INCUS);
        assertThat(both.get(1).builtIn()).containsExactly(ServerKind.LXD);
    }

    @Test
    void savedSimplestreamsRemotesJoinAndReplaceABuiltInOfTheSameAddress() {
        RemoteConfig mirror = new RemoteConfig("mirror", "https://images.example.org/", RemoteConfig.Protocol.SIMPLESTREAMS,
                null, null, null, null);
        RemoteConfig mine = new RemoteConfig("lco", "https://images.linuxcontainers.org", RemoteConfig.Protocol.SIMPLESTREAMS,
                null, null, null, null);
        RemoteConfig server = new RemoteConfig("lab", "https://10.1.2.3:8443", RemoteConfig.Protocol.LXD, null, null,
                null, null);
        List<ImageServer> listed = ImageServer.listed(Set.of(ServerKind.INCUS), List.of(mirror, mine, server));
        assertThat(listed).extracting(ImageServer::name).containsExactly("lco", "mirror");
        assertThat(listed.get(0).isBuiltIn()).isFalse();
        assertThat(listed.get(1).address()).isEqualTo("https://images.example.org");
        assertThat(listed.get(1).config()).isSameAs(mirror);
    }
}
