package dev.hako.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The one codec of the tokens LXD and Incus hand out: base64 of JSON
 * {@code {client_name | server_name, fingerprint, addresses, secret, expires_at}}, the
 * same shape for a client trust token ({@code lxc config trust add}) and a cluster join
 * token ({@code lxc cluster add}); only the name field tells them apart. Decoding
 * failures are {@link ExplainedArgumentException}s; no text of this class ever holds
 * the secret.
 */
public final class TokenCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Go's zero time, which the servers use for "never expires". */
    static final String NEVER = "0001-01-01T00:00:00Z";

    /** What a token is for, and the JSON field that names its holder. */
    public enum Purpose {
        /** A client's trust token: names the client. */
        TRUST("client_name"),
        /** A cluster join token: names the new member. */
        JOIN("server_name");

        private final String nameField;

        Purpose(String nameField) {
            this.nameField = nameField;
        }

        public String nameField() {
            return nameField;
        }
    }

    /**
     * A decoded token. {@code expiresAtText} is the server's timestamp verbatim (may be
     * blank or Go's zero time); {@code encoded} is the whole token as it is sent.
     */
    public record Token(Purpose purpose, String name, String fingerprint, List<String> addresses, String secret,
                        String expiresAtText, String encoded) {

        public Token {
            addresses = List.copyOf(addresses);
        }

        /** When the token stops working, or null when it does not expire. */
        public Instant expiresAt() {
            return expiry(expiresAtText);
        }

        @Override
        public String toString() {
            return purpose + " token[" + name + ", server " + fingerprint + ", " + addresses + "]";
        }
    }

    private TokenCodec() {
    }

    /** Decodes a pasted token meant for {@code expected}; says plainly what is wrong otherwise. */
    public static Token decode(String text, Purpose expected) {
        String kind = expected == Purpose.TRUST ? "trust token" : "cluster join token";
        if (text == null || text.isBlank()) {
            throw new ExplainedArgumentException(expected == Purpose.TRUST ? "the token is empty"
                    : "the join token is empty", "remotes.problem.tokenEmpty");
        }
        String encoded = text.replaceAll("\\s", "");
        JsonNode json;
        try {
            json = JSON.readTree(new String(base64(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new ExplainedArgumentException("this is not a " + kind + " (not base64 of JSON)",
                    "remotes.problem.tokenNotBase64");
        }
        String fingerprint = json.path("fingerprint").asText("").toLowerCase(Locale.ROOT);
        String secret = json.path("secret").asText("");
        if (expected == Purpose.TRUST) {
            if (fingerprint.isBlank() || secret.isBlank()) {
                throw new ExplainedArgumentException("this token has no server fingerprint or no secret",
                        "remotes.problem.tokenIncomplete");
            }
            if (json.has(Purpose.JOIN.nameField()) && !json.has(Purpose.TRUST.nameField())) {
                throw new ExplainedArgumentException("this is a cluster join token, not a trust token",
                        "remotes.problem.tokenIsJoin");
            }
        } else if (!json.has(Purpose.JOIN.nameField())) {
            throw new ExplainedArgumentException("this is not a cluster join token (it names no new member)",
                    "remotes.problem.tokenIsNotJoin");
        }
        List<String> addresses = new ArrayList<>();
        json.path("addresses").forEach(a -> addresses.add(a.asText()));
        return new Token(expected, json.path(expected.nameField()).asText(""), fingerprint, addresses, secret,
                json.path("expires_at").asText(""), encoded);
    }

    /**
     * The token a token operation stands for, encoded the way the CLIs print it, from the
     * operation's metadata ({@code fingerprint}, {@code addresses}, {@code secret},
     * {@code expiresAt}).
     */
    public static Token fromOperation(Purpose purpose, String name, JsonNode metadata) {
        if (metadata == null || !metadata.hasNonNull("secret")) {
            throw new ExplainedArgumentException("the operation holds no token", "remotes.problem.noTokenOperation");
        }
        String expires = metadata.path("expiresAt").asText(metadata.path("expires_at").asText(""));
        return decode(encode(purpose, name, metadata.path("fingerprint").asText(),
                strings(metadata.path("addresses")), metadata.path("secret").asText(), expires), purpose);
    }

    /** The token string of these parts; a blank expiry is written as Go's zero time, as the servers do. */
    public static String encode(Purpose purpose, String name, String fingerprint, List<String> addresses,
                                String secret, String expiresAt) {
        ObjectNode json = JSON.createObjectNode();
        json.put(purpose.nameField(), name);
        json.put("fingerprint", fingerprint);
        ArrayNode list = json.putArray("addresses");
        addresses.forEach(list::add);
        json.put("secret", secret);
        json.put("expires_at", expiresAt == null || expiresAt.isBlank() ? NEVER : expiresAt);
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A server timestamp; null for blank, unreadable, or the zero time the servers use for "never". */
    public static Instant expiry(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(a -> values.add(a.asText()));
        return values;
    }

    private static byte[] base64(String encoded) {
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException standard) {
            return Base64.getUrlDecoder().decode(encoded);
        }
    }
}
