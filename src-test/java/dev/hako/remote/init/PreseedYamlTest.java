package dev.hako.remote.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.ui.common.I18n;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreseedYamlTest {

    /** The cluster bootstrap preseed of the test-bed recipe, as a person would paste it. */
    private static final String TESTBED = """
            config: {core.https_address: 127.0.0.3:8443, core.trust_password: cluster}
            cluster: {server_name: node1, enabled: true}
            storage_pools: [{name: local, driver: dir}]
            profiles: [{name: default, devices: {root: {path: /, pool: local, type: disk}}}]
            """;

    @Test
    void importsTheTestBedPreseed() {
        Preseed p = PreseedYaml.read(TESTBED);
        assertThat(p.config()).containsEntry("core.https_address", "127.0.0.3:8443")
                .containsEntry("core.trust_password", "cluster");
        assertThat(p.cluster().serverName()).isEqualTo("node1");
        assertThat(p.cluster().enabled()).isTrue();
        assertThat(p.cluster().joining()).isFalse();
        assertThat(p.storagePools()).containsExactly(new Preseed.StoragePool("local", "dir", "", Map.of()));
        assertThat(p.profiles().get(0).devices().get("root"))
                .isEqualTo(Map.of("path", "/", "pool", "local", "type", "disk"));
        assertThat(p.problems(false)).isEmpty();
        assertThat(p.problems(true)).containsExactly("init.problem.incusTrustPassword");
    }

    @Test
    void importsTheJoinPreseedWithItsMemberConfig() {
        Preseed p = PreseedYaml.read("""
                cluster:
                  enabled: true
                  server_name: node2
                  server_address: 127.0.0.4:8443
                  cluster_address: 127.0.0.3:8443
                  cluster_token: abc
                  member_config: [{entity: storage-pool, name: local, key: source, value: ""}]
                """);
        assertThat(p.cluster().joining()).isTrue();
        assertThat(p.cluster().clusterToken()).isEqualTo("abc");
        assertThat(p.cluster().memberConfig())
                .containsExactly(new Preseed.MemberConfig("storage-pool", "local", "source", "", null));
        // LXD 5.0's lxd init carries a token in cluster_password; anything else there is the trust password.
        String token = dev.hako.remote.TokenCodec.encode(dev.hako.remote.TokenCodec.Purpose.JOIN, "node2",
                "ab".repeat(32), List.of("127.0.0.3:8443"), "s3cret", null);
        Preseed.Cluster withToken = PreseedYaml.read("cluster: {enabled: true, cluster_password: " + token + "}")
                .cluster();
        assertThat(withToken.clusterToken()).isEqualTo(token);
        assertThat(withToken.clusterPassword()).isNull();
        Preseed.Cluster withPassword = PreseedYaml.read("cluster: {enabled: true, cluster_password: xyz}").cluster();
        assertThat(withPassword.clusterToken()).isNull();
        assertThat(withPassword.clusterPassword()).isEqualTo("xyz");
    }

    @Test
    void roundTripKeepsEverythingButSecretsWhenExporting() {
        Preseed p = new Preseed(
                Map.of("core.https_address", "127.0.0.1:8443", "images.auto_update_interval", "0",
                        "core.trust_password", "s3cret-pw"),
                List.of(new Preseed.StoragePool("default", "dir", "", Map.of("source", "/srv/pool"))),
                List.of(new Preseed.Network("hakobr0", "bridge", null, "",
                        Map.of("ipv4.address", "none", "ipv6.address", "none", "ipv4.nat", "true"))),
                List.of(new Preseed.Project("p1", "a project", Map.of("features.images", "true"))),
                List.of(new Preseed.Profile("default", "", Map.of(), Map.of(
                        "root", Map.of("path", "/", "pool", "default", "type", "disk"),
                        "eth0", Map.of("name", "eth0", "network", "hakobr0", "type", "nic")))),
                new Preseed.Cluster("n1", true, null, null, null, "tok-en", List.of()));
        String exported = PreseedYaml.write(p, false);
        assertThat(exported).doesNotContain("s3cret-pw").doesNotContain("trust_password").doesNotContain("tok-en")
                .contains("ipv4.address: none").contains("images.auto_update_interval: \"0\"")
                .contains("features.images: \"true\"");
        Preseed back = PreseedYaml.read(exported);
        assertThat(back).isEqualTo(p.withConfigValue("core.trust_password", null)
                .withCluster(p.cluster().withToken(null)));
        assertThat(PreseedYaml.read(PreseedYaml.write(p, true))).isEqualTo(p);
        assertThat(back.networks().get(0).project()).isEqualTo("default");
    }

    @Test
    void scalarsOfAnyTypeBecomeStringsAsLxdInitDoes() {
        Preseed p = PreseedYaml.read("config:\n  images.auto_update_interval: 15\n  images.auto_update_cached: false\n");
        assertThat(p.config()).containsEntry("images.auto_update_interval", "15")
                .containsEntry("images.auto_update_cached", "false");
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> PreseedYaml.read("config: [a, b]")).isInstanceOf(PreseedYaml.FormatException.class)
                .hasMessageContaining("config must be a mapping");
        assertThatThrownBy(() -> PreseedYaml.read("storage_pool: []")).hasMessageContaining("unknown section");
        assertThatThrownBy(() -> PreseedYaml.read("config:\n  a: b\n   c: d\n  - x"))
                .isInstanceOf(PreseedYaml.FormatException.class)
                .satisfies(e -> assertThat(((PreseedYaml.FormatException) e).line()).isGreaterThan(0));
        assertThatThrownBy(() -> PreseedYaml.read("- just a list")).hasMessageContaining("mapping");
        assertThat(PreseedYaml.read("").isEmpty()).isTrue();
        assertThat(PreseedYaml.read("networks:\n- name: x\n  project: other\n").problems(false))
                .containsExactly("init.problem.networkProject");
    }

    @Test
    void everyFaultIsSaidInTheUsersLanguage() {
        List<String> faulty = List.of("config: [a, b]", "storage_pool: []", "config:\n  a: b\n   c: d\n  - x",
                "- just a list", "storage_volumes: [{name: v}]", "certificates: [{name: c}]",
                "profiles: [{name: p, devices: [a]}]", "cluster: [a]", "networks: {a: b}", "networks: [a]",
                "networks: [{name: [a]}]", "profiles: [{name: p, config: {a: [b]}}]",
                "x".repeat(PreseedYaml.MAX_CHARS + 1));
        I18n english = new I18n(Locale.ENGLISH);
        I18n japanese = new I18n(Locale.JAPANESE);
        for (String text : faulty) {
            assertThatThrownBy(() -> PreseedYaml.read(text)).as(text).isInstanceOfSatisfying(
                    PreseedYaml.FormatException.class, e -> {
                        assertThat(e.messageKey()).startsWith("init.yaml.");
                        String en = english.format(e.messageKey(), e.messageArguments().toArray());
                        String ja = japanese.format(e.messageKey(), e.messageArguments().toArray());
                        assertThat(en).as(text).doesNotStartWith("!");
                        assertThat(ja).as(text).doesNotStartWith("!").isNotEqualTo(en)
                                .doesNotContain(e.getMessage());
                    });
        }
    }

    @Test
    void secretsNeverShowWhenAPreseedIsPrinted() {
        Preseed p = PreseedYaml.read(TESTBED).withCluster(new Preseed.Cluster("n2", true, "127.0.0.4:8443",
                "127.0.0.3:8443", null, "tok-en-secret", List.of()));
        assertThat(p.config()).containsEntry("core.trust_password", "cluster");
        assertThat(p.toString()).doesNotContain("=cluster").doesNotContain("tok-en-secret")
                .contains("core.https_address=127.0.0.3:8443").contains("serverName=n2");
    }

    @Test
    void joinTokenDecodes() {
        String json = "{\"server_name\":\"n2\",\"fingerprint\":\"ABCD\",\"addresses\":[\"127.0.0.3:8443\"],"
                + "\"secret\":\"s\",\"expires_at\":\"0001-01-01T00:00:00Z\"}";
        ClusterJoin.Token token = ClusterJoin.decode(Base64.getEncoder().encodeToString(json.getBytes()));
        assertThat(token).isEqualTo(new ClusterJoin.Token("n2", "abcd", List.of("127.0.0.3:8443")));
        assertThat(token.toString()).doesNotContain("s\"");
        assertThatThrownBy(() -> ClusterJoin.decode("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}
