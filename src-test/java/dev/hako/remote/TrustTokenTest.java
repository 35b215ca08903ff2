package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TrustTokenTest {

    private static String encode(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesWhatLxcConfigTrustAddPrints() {
        // Shape printed by LXD 5.0.2 and Incus 6.0.4 on the test bed.
        String encoded = encode("{\"client_name\":\"probe1\",\"fingerprint\":\"35DE9D23\",\"addresses\":"
                + "[\"127.0.0.1:16805\"],\"secret\":\"ec203d7a\",\"expires_at\":\"0001-01-01T00:00:00Z\"}");
        TrustToken token = TrustToken.decode(" " + encoded.substring(0, 20) + "\n" + encoded.substring(20) + " ");
        assertThat(token.clientName()).isEqualTo("probe1");
        assertThat(token.fingerprint()).isEqualTo("35de9d23");
        assertThat(token.addresses()).containsExactly("127.0.0.1:16805");
        assertThat(token.expiresAt()).isNull();
        assertThat(token.expired(Instant.now())).isFalse();
        assertThat(token.encoded()).isEqualTo(encoded);
        assertThat(token.toString()).doesNotContain("ec203d7a").doesNotContain(encoded);
    }

    @Test
    void knowsWhenItExpired() {
        TrustToken token = TrustToken.decode(encode("{\"client_name\":\"a\",\"fingerprint\":\"ab\",\"addresses\":[],"
                + "\"secret\":\"s\",\"expires_at\":\"2020-01-02T03:04:05Z\"}"));
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(token.expired(Instant.now())).isTrue();
    }

    @Test
    void refusesWhatIsNotATrustToken() {
        assertThatThrownBy(() -> TrustToken.decode("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TrustToken.decode("not a token!")).hasMessageContaining("not a trust token");
        assertThatThrownBy(() -> TrustToken.decode(encode("{\"client_name\":\"a\"}")))
                .hasMessageContaining("no server fingerprint");
        assertThatThrownBy(() -> TrustToken.decode(encode("{\"server_name\":\"n2\",\"fingerprint\":\"ab\","
                + "\"secret\":\"s\"}"))).hasMessageContaining("cluster join token");
    }

    @Test
    void aTokenIsOnlyForTheServerThatMadeIt() {
        ServerCertificate server = ServerCertificate.of(ClientCertificates.generate("server").certificate());
        TrustToken other = TrustToken.decode(encode("{\"client_name\":\"a\",\"fingerprint\":\"" + "0".repeat(64)
                + "\",\"addresses\":[],\"secret\":\"s3cret\"}"));
        assertThatThrownBy(() -> Enrolment.checkToken(other, server))
                .isInstanceOfSatisfying(EnrolmentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EnrolmentException.Reason.TOKEN_FOR_ANOTHER_SERVER);
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                });
        TrustToken mine = TrustToken.decode(encode("{\"client_name\":\"a\",\"fingerprint\":\""
                + server.fingerprint().toUpperCase() + "\",\"addresses\":[],\"secret\":\"s\"}"));
        Enrolment.checkToken(mine, server);
    }
}
