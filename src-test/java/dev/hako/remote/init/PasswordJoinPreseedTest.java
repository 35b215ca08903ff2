package dev.hako.remote.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.remote.ClientCertificates;
import dev.hako.remote.ServerCertificate;
import org.junit.jupiter.api.Test;

/**
 * The join the operator's notes use on LXD 5.0: the cluster's trust password in
 * cluster_password and the cluster's certificate in cluster_certificate (quoted, starting
 * with a line break, as in the notes). Incus has tokens only and must say so before anything is sent.
 */
class PasswordJoinPreseedTest {

    private static String preseed(String certificate) {
        // The notes' shape: the PEM in double quotes, on the lines after the key. YAML folds those
        // line breaks into spaces; Hako gives the server the PEM with its lines back.
        return """
                cluster:
                  enabled: true
                  server_name: node02
                  server_address: 127.0.0.4:8443
                  cluster_address: 127.0.0.3:8443
                  cluster_certificate: "
                %s
                "
                  cluster_password: cluster
                  member_config:
                  - entity: storage-pool
                    name: default
                    key: source
                    value: ""
                """.formatted(certificate.strip());
    }

    private static String pem() {
        return ServerCertificate.of(ClientCertificates.generate("cluster-cert").certificate()).pem();
    }

    @Test
    void theNotesPreseedJoinsWithThePasswordOnLxdAndIsRefusedOnIncus() {
        String pem = pem();
        Preseed p = PreseedYaml.read(preseed(pem));
        Preseed.Cluster c = p.cluster();
        assertThat(c.joining()).isTrue();
        assertThat(c.joinsWithPassword()).isTrue();
        assertThat(c.clusterToken()).isNull();
        assertThat(c.clusterPassword()).isEqualTo("cluster");
        assertThat(c.clusterCertificate()).startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(ServerCertificate.fromPem(c.clusterCertificate()).fingerprint())
                .isEqualTo(ServerCertificate.fromPem(pem).fingerprint());
        assertThat(p.problems(false)).isEmpty();
        assertThat(p.problems(true)).containsExactly("init.problem.incusClusterPassword");
        // The password stays out of logs and out of what is shown or exported.
        assertThat(p.toString()).doesNotContain("cluster_password: cluster").contains("clusterPassword=(hidden)");
        assertThat(PreseedYaml.write(p, false)).doesNotContain("cluster_password");
        assertThat(PreseedYaml.read(PreseedYaml.write(p, true)).cluster().clusterPassword()).isEqualTo("cluster");
    }

    @Test
    void aCertificateCopiedWithoutTheSpaceInItsEndLineIsCaughtBeforeSending() {
        // The notes have "-----ENDCERTIFICATE-----": LXD would fail on it with words about TLS.
        String broken = pem().replace("-----END CERTIFICATE-----", "-----ENDCERTIFICATE-----");
        assertThat(PreseedYaml.read(preseed(broken)).problems(false)).containsExactly("init.problem.clusterCertificate");
    }

    @Test
    void aPasswordWithoutTheClusterCertificateIsAProblemOnLxd() {
        Preseed p = PreseedYaml.read("""
                cluster: {enabled: true, server_name: n2, server_address: 127.0.0.4:8443,
                          cluster_address: 127.0.0.3:8443, cluster_password: cluster}
                """);
        assertThat(p.problems(false)).containsExactly("init.problem.clusterCertificateMissing");
    }
}
