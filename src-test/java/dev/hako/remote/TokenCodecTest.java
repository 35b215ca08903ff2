package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hako.lxd.api.Operation;
import dev.hako.remote.cluster.JoinToken;
import dev.hako.remote.init.ClusterJoin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one codec of the servers' token format, for trust tokens and cluster join tokens alike. */
class TokenCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decoded(String token) throws Exception {
        return JSON.readTree(Base64.getDecoder().decode(token));
    }

    @Test
    void encodesTheFieldsTheClisPrintInTheirOrder() throws Exception {
        String trust = TokenCodec.encode(TokenCodec.Purpose.TRUST, "alice", "ab12", List.of("10.0.0.1:8443"), "s3",
                "");
        assertThat(new String(Base64.getDecoder().decode(trust), StandardCharsets.UTF_8)).isEqualTo(
                "{\"client_name\":\"alice\",\"fingerprint\":\"ab12\",\"addresses\":[\"10.0.0.1:8443\"],"
                        + "\"secret\":\"s3\",\"expires_at\":\"0001-01-01T00:00:00Z\"}");
        String join = TokenCodec.encode(TokenCodec.Purpose.JOIN, "node2", "ab12", List.of(), "s3",
                "2030-01-02T03:04:05Z");
        assertThat(decoded(join).fieldNames()).toIterable()
                .containsExactly("server_name", "fingerprint", "addresses", "secret", "expires_at");
        assertThat(decoded(join).path("expires_at").asText()).isEqualTo("2030-01-02T03:04:05Z");
    }

    @Test
    void decodesWhatItEncodesForEitherPurpose() {
        for (TokenCodec.Purpose purpose : TokenCodec.Purpose.values()) {
            String encoded = TokenCodec.encode(purpose, "n", "AB12", List.of("a:1", "b:2"), "secret!",
                    "2030-01-02T03:04:05Z");
            TokenCodec.Token token = TokenCodec.decode(" " + encoded + "\n", purpose);
            assertThat(token.purpose()).isEqualTo(purpose);
            assertThat(token.name()).isEqualTo("n");
            assertThat(token.fingerprint()).isEqualTo("ab12");
            assertThat(token.addresses()).containsExactly("a:1", "b:2");
            assertThat(token.secret()).isEqualTo("secret!");
            assertThat(token.expiresAt()).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
            assertThat(token.encoded()).isEqualTo(encoded);
            assertThat(token.toString()).doesNotContain("secret!").doesNotContain(encoded);
        }
    }

    @Test
    void readsUrlSafeBase64AndKnowsNeverExpiring() {
        String json = "{\"server_name\":\"n?\",\"fingerprint\":\"ff\",\"addresses\":[],\"secret\":\"??>\"}";
        String urlSafe = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertThat(urlSafe).containsAnyOf("-", "_");
        TokenCodec.Token token = TokenCodec.decode(urlSafe, TokenCodec.Purpose.JOIN);
        assertThat(token.name()).isEqualTo("n?");
        assertThat(token.expiresAt()).isNull();
        assertThat(TokenCodec.expiry("0001-01-01T00:00:00Z")).isNull();
        assertThat(TokenCodec.expiry("not a date")).isNull();
    }

    @Test
    void refusesEachPurposeTheOtherKindOfToken() {
        String join = base64("{\"server_name\":\"n2\",\"fingerprint\":\"ab\",\"secret\":\"s\"}");
        String trust = base64("{\"client_name\":\"a\",\"fingerprint\":\"ab\",\"secret\":\"s\"}");
        assertThatThrownBy(() -> TokenCodec.decode(join, TokenCodec.Purpose.TRUST))
                .isInstanceOfSatisfying(ExplainedArgumentException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("remotes.problem.tokenIsJoin"));
        assertThatThrownBy(() -> TokenCodec.decode(trust, TokenCodec.Purpose.JOIN))
                .isInstanceOfSatisfying(ExplainedArgumentException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("remotes.problem.tokenIsNotJoin"));
        assertThatThrownBy(() -> TokenCodec.decode("%%%", TokenCodec.Purpose.JOIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a cluster join token");
        assertThatThrownBy(() -> TokenCodec.decode(base64("[1,2]"), TokenCodec.Purpose.TRUST))
                .hasMessageContaining("not a trust token");
        assertThatThrownBy(() -> TokenCodec.decode("  ", TokenCodec.Purpose.JOIN))
                .isInstanceOfSatisfying(ExplainedArgumentException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("remotes.problem.tokenEmpty"));
    }

    @Test
    void theOperationsOfBothKindsBecomeTheSameFormat() throws Exception {
        JsonNode metadata = JSON.readTree("{\"serverName\":\"node2\",\"fingerprint\":\"AB\",\"addresses\":"
                + "[\"10.0.0.1:8443\"],\"secret\":\"topsecret\",\"expiresAt\":\"2031-05-06T07:08:09.123+02:00\"}");
        TrustToken trust = TrustToken.fromOperation("laptop", metadata);
        JoinToken join = JoinToken.of(new Operation("op1", "token", "Cluster join token", null, null, "Running",
                Operation.RUNNING, null, metadata, false, null, null));
        assertThat(decoded(trust.encoded()).path("client_name").asText()).isEqualTo("laptop");
        assertThat(decoded(join.token()).path("server_name").asText()).isEqualTo("node2");
        for (String token : List.of(trust.encoded(), join.token())) {
            assertThat(decoded(token).path("secret").asText()).isEqualTo("topsecret");
            assertThat(decoded(token).path("expires_at").asText()).isEqualTo("2031-05-06T07:08:09.123+02:00");
        }
        assertThat(join.expiresAt()).isEqualTo("2031-05-06T07:08:09.123+02:00");
        assertThat(trust.expiresAt()).isEqualTo(Instant.parse("2031-05-06T05:08:09.123Z"));
        // What "lxd init" is given decodes back to the same member and addresses.
        ClusterJoin.Token forInit = ClusterJoin.decode(join.token());
        assertThat(forInit).isEqualTo(new ClusterJoin.Token("node2", "ab", List.of("10.0.0.1:8443")));
    }
}
