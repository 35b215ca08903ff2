package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliRemotesTest {

    @TempDir
    Path home;

    @Test
    void readsTheCliConfigurationsInTheirOrder() throws Exception {
        Path lxc = home.resolve(".config/lxc");
        Files.createDirectories(lxc.resolve("servercerts"));
        ServerCertificate certificate = ServerCertificate.of(ClientCertificates.generate("srv").certificate());
        Files.writeString(lxc.resolve("servercerts/srv1.crt"), certificate.pem());
        Files.writeString(lxc.resolve("config.yml"), """
                default-remote: srv1
                remotes:
                  images:
                    addr: https://images.linuxcontainers.org
                    protocol: simplestreams
                    public: true
                  local:
                    addr: unix://
                    public: false
                  srv1:
                    addr: https://10.0.0.5:8443
                    auth_type: tls
                    project: default
                    protocol: lxd
                    public: false
                  nocert:
                    addr: https://10.0.0.6:8443
                    public: false
                  sso:
                    addr: https://10.0.0.7:8443
                    auth_type: candid
                aliases: {}
                """);
        ClientCertificates.save(ClientCertificates.generate("me@here"), lxc.resolve("client.crt"),
                lxc.resolve("client.key"));
        Path incus = home.resolve("incus-conf");
        Files.createDirectories(incus);
        Files.writeString(incus.resolve("config.yml"), """
                default-remote: local
                remotes:
                  local:
                    addr: unix://
                    protocol: incus
                """);

        var configs = CliRemotes.discover(Map.of("INCUS_CONF", incus.toString()), home);
        assertThat(configs).extracting(CliRemotes.CliConfig::cli).containsExactly("lxc", "incus");
        CliRemotes.CliConfig lxcConfig = configs.get(0);
        assertThat(lxcConfig.defaultRemote()).isEqualTo("srv1");
        assertThat(lxcConfig.hasClientCertificate()).isTrue();
        var byName = new java.util.HashMap<String, CliRemotes.CliRemote>();
        lxcConfig.remotes().forEach(r -> byName.put(r.name(), r));

        CliRemotes.CliRemote srv1 = byName.get("srv1");
        assertThat(srv1.importable()).isTrue();
        assertThat(srv1.isDefault()).isTrue();
        RemoteConfig imported = srv1.toRemoteConfig("srv1", Map.of());
        assertThat(imported.fingerprint()).isEqualTo(certificate.fingerprint());
        assertThat(imported.address()).isEqualTo("https://10.0.0.5:8443");
        assertThat(imported.project()).isEqualTo("default");
        assertThat(imported.clientCertificate()).isEqualTo(lxc.toString());

        assertThat(byName.get("images").toRemoteConfig("images", Map.of()).imageOnly()).isTrue();
        assertThat(byName.get("nocert").importable()).isFalse();
        assertThat(byName.get("nocert").problem()).contains("servercerts/nocert.crt");
        assertThat(byName.get("sso").problem()).contains("candid");

        // unix:// is the local daemon, found the CLI's way.
        Path socketDir = Files.createDirectories(home.resolve("lxd-dir"));
        Files.createFile(socketDir.resolve("unix.socket"));
        assertThat(byName.get("local").toRemoteConfig("local", Map.of("LXD_DIR", socketDir.toString())).address())
                .isEqualTo("unix://" + socketDir.resolve("unix.socket"));
        assertThat(configs.get(1).remotes().get(0).protocol()).isEqualTo("incus");
    }
}
