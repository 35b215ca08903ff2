package dev.hako.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A trust token as {@code lxc config trust add} prints it (see {@link TokenCodec} for the
 * format). The fingerprint is the server certificate's, and must match before the
 * token is sent anywhere. {@link #toString()} never shows the secret.
 */
public final class TrustToken {

    private final TokenCodec.Token token;

    private TrustToken(TokenCodec.Token token) {
        this.token = token;
    }

    /** Decodes a pasted token; throws an {@link ExplainedArgumentException} saying plainly what is wrong. */
    public static TrustToken decode(String text) {
        return new TrustToken(TokenCodec.decode(text, TokenCodec.Purpose.TRUST));
    }

    /** Builds the token string from a token operation's metadata, the way the CLI does. */
    public static TrustToken fromOperation(String clientName, JsonNode metadata) {
        return new TrustToken(TokenCodec.fromOperation(TokenCodec.Purpose.TRUST, clientName, metadata));
    }

    /** The whole token, as it is sent to the server. */
    public String encoded() {
        return token.encoded();
    }

    public String clientName() {
        return token.name();
    }

    public String fingerprint() {
        return token.fingerprint();
    }

    public List<String> addresses() {
        return token.addresses();
    }

    /** When the token stops working, or null when it does not expire. */
    public Instant expiresAt() {
        return token.expiresAt();
    }

    public boolean expired(Instant now) {
        Instant expiresAt = expiresAt();
        return expiresAt != null && now.isAfter(expiresAt);
    }

    /** Two tokens are the same when their strings are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TrustToken that && that.encoded().equals(encoded());
    }

    @Override
    public int hashCode() {
        return encoded().hashCode();
    }

    @Override
    public String toString() {
        return "TrustToken[client " + clientName() + ", server " + fingerprint() + ", " + addresses() + "]";
    }
}
