package dev.hako.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A trust token as {@code lxc config trust add} prints it: base64 of JSON
 * {@code {client_name, fingerprint, addresses, secret, expires_at}}. The fingerprint
 * is the server certificate's, and must match before the token is sent anywhere.
 * {@link #toString()} never shows the secret.
 */
public final class TrustToken {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String encoded;
    private final String clientName;
    private final String fingerprint;
    private final List<String> addresses;
    private final String secret;
    private final Instant expiresAt;

    private TrustToken(String encoded, String clientName, String fingerprint, List<String> addresses, String secret,
                       Instant expiresAt) {
        this.encoded = encoded;
        this.clientName = clientName;
        this.fingerprint = fingerprint;
        this.addresses = List.copyOf(addresses);
        this.secret = secret;
        this.expiresAt = expiresAt;
    }

    /** Decodes a pasted token; throws {@link IllegalArgumentException} saying plainly what is wrong. */
    public static TrustToken decode(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the token is empty");
        }
        String encoded = text.replaceAll("\\s", "");
        JsonNode json;
        try {
            byte[] raw = decodeBase64(encoded);
            json = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException("this is not a trust token (not base64 of JSON)");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("this is not a trust token (not base64 of JSON)");
        }
        String fingerprint = json.path("fingerprint").asText("");
        String secret = json.path("secret").asText("");
        if (fingerprint.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("this token has no server fingerprint or no secret");
        }
        if (json.has("server_name") && !json.has("client_name")) {
            throw new IllegalArgumentException("this is a cluster join token, not a trust token");
        }
        List<String> addresses = new ArrayList<>();
        json.path("addresses").forEach(a -> addresses.add(a.asText()));
        return new TrustToken(encoded, json.path("client_name").asText(""),
                fingerprint.toLowerCase(Locale.ROOT), addresses, secret, parseExpiry(json.path("expires_at").asText("")));
    }

    /** Builds the token string from a token operation's metadata, the way the CLI does. */
    public static TrustToken fromOperation(String clientName, JsonNode metadata) {
        ObjectNode json = JSON.createObjectNode();
        json.put("client_name", clientName);
        json.put("fingerprint", metadata.path("fingerprint").asText());
        var addresses = json.putArray("addresses");
        metadata.path("addresses").forEach(a -> addresses.add(a.asText()));
        json.put("secret", metadata.path("secret").asText());
        String expires = metadata.path("expiresAt").asText(metadata.path("expires_at").asText(""));
        json.put("expires_at", expires.isBlank() ? "0001-01-01T00:00:00Z" : expires);
        String encoded = Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        return decode(encoded);
    }

    private static byte[] decodeBase64(String encoded) {
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException standard) {
            return Base64.getUrlDecoder().decode(encoded);
        }
    }

    /** A server timestamp; null for blank or the zero time the server uses for "never". */
    static Instant parseExpiry(String text) {
        if (text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The whole token, as it is sent to the server. */
    public String encoded() {
        return encoded;
    }

    public String clientName() {
        return clientName;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public List<String> addresses() {
        return addresses;
    }

    /** When the token stops working, or null when it does not expire. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt);
    }

    boolean hasSecret() {
        return !secret.isEmpty();
    }

    @Override
    public String toString() {
        return "TrustToken[client " + clientName + ", server " + fingerprint + ", " + addresses + "]";
    }
}
