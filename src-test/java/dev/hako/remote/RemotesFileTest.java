package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemotesFileTest {

    @TempDir
    Path config;

    private static RemoteConfig server(String name, String address) {
        ServerCertificate certificate = ServerCertificate.of(ClientCertificates.generate(name).certificate());
        return new RemoteConfig(name, address, RemoteConfig.Protocol.LXD, null, certificate.pem(),
                certificate.fingerprint(), null);
    }

    @Test
    void keepsOrderDefaultAndPinsAcrossLoads() throws Exception {
        RemotesFile file = RemotesFile.load(config);
        assertThat(file.remotes()).isEmpty();
        RemoteConfig a = server("a", "https://10.0.0.1:8443");
        RemoteConfig b = server("b", "https://[fd00::2]:8443");
        RemoteConfig images = new RemoteConfig("images", "https://images.linuxcontainers.org",
                RemoteConfig.Protocol.SIMPLESTREAMS, null, null, null, null);
        file.add(a);
        file.add(b);
        file.add(images);
        file.setDefault("b");
        file.move("images", -2);

        RemotesFile again = RemotesFile.load(config);
        assertThat(again.remotes()).extracting(RemoteConfig::name).containsExactly("images", "a", "b");
        assertThat(again.defaultRemote()).isEqualTo("b");
        assertThat(again.find("a").orElseThrow()).isEqualTo(a);
        assertThat(again.find("images").orElseThrow().imageOnly()).isTrue();

        again.rename("b", "c");
        again.remove("a");
        RemotesFile third = RemotesFile.load(config);
        assertThat(third.remotes()).extracting(RemoteConfig::name).containsExactly("images", "c");
        assertThat(third.defaultRemote()).isEqualTo("c");
        assertThat(third.find("c").orElseThrow().fingerprint()).isEqualTo(b.fingerprint());

        String text = Files.readString(config.resolve(RemotesFile.FILE_NAME));
        assertThat(text).contains("default: c").contains("server_certificate: |").contains("protocol: simplestreams")
                .doesNotContain("password:").doesNotContain("token:").doesNotContain("PRIVATE KEY");
    }

    @Test
    void namesAreCheckedAndUnique() throws Exception {
        RemotesFile file = RemotesFile.load(config);
        file.add(server("a", "https://h:1"));
        assertThatThrownBy(() -> file.add(server("a", "https://h:2"))).hasMessageContaining("already exists");
        assertThatThrownBy(() -> file.rename("a", "x:y")).hasMessageContaining("not a valid remote name");
        assertThatThrownBy(() -> server("", "https://h:1")).hasMessageContaining("needs a name");
        assertThat(RemotesFile.load(config).remotes()).hasSize(1);
    }

    @Test
    void ownClientCertificateIsMadeOnceWithAPrivateKeyFile() throws Exception {
        ClientIdentities identities = new ClientIdentities(config);
        assertThat(identities.hasOwn()).isFalse();
        var first = identities.own();
        assertThat(new ClientIdentities(config).own().certificate()).isEqualTo(first.certificate());
        assertThat(first.certificate().getSubjectX500Principal().getName()).contains("CN=" + ClientCertificates
                .defaultCommonName());
        assertThat(Files.getPosixFilePermissions(config.resolve(ClientIdentities.KEY_FILE)))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }
}
