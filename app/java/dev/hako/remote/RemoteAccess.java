package dev.hako.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.RunningOperation;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Certificate;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerPut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server side of remote access, for a server we administer: where it listens
 * for HTTPS, its trust password (LXD only), trust tokens (issue, list pending,
 * revoke) and the trust store. Blocking calls; run them off the FX thread.
 */
public final class RemoteAccess {

    public static final String HTTPS_ADDRESS = "core.https_address";
    public static final String TRUST_PASSWORD = "core.trust_password";
    public static final String DEFAULT_LISTEN = "[::]:8443";

    /** A token waiting to be redeemed: a running token operation. */
    public record PendingToken(String operationId, String clientName, Instant createdAt, Instant expiresAt) {
    }

    /** A freshly issued token; {@link TrustToken#encoded()} is shown once, to be copied. */
    public record IssuedToken(String operationId, TrustToken token) {
    }

    /** What the dialog shows of the server's remote access settings. */
    public record Settings(String httpsAddress, boolean trustPasswordSet, boolean supportsTrustPassword,
                           ServerKind kind) {
    }

    private final LxdClient client;

    public RemoteAccess(LxdClient client) {
        this.client = client;
    }

    public Settings settings() {
        Server server = client.server().get().value();
        Map<String, Object> config = server.config() == null ? Map.of() : server.config();
        Object address = config.get(HTTPS_ADDRESS);
        Object password = config.get(TRUST_PASSWORD);
        boolean passwordSet = password != null && !"".equals(password) && !Boolean.FALSE.equals(password);
        return new Settings(address == null ? "" : address.toString(), passwordSet, supportsTrustPassword(),
                client.kind());
    }

    /** Incus removed {@code core.trust_password}; LXD 5.0 has it. */
    public boolean supportsTrustPassword() {
        return client.kind() == ServerKind.LXD;
    }

    /** Listens for HTTPS on {@code address} ({@code host:port}, {@code [::]:8443}); empty stops listening. */
    public void setHttpsAddress(String address) {
        patch(HTTPS_ADDRESS, address == null ? "" : address.strip());
    }

    public void setTrustPassword(String password) {
        if (!supportsTrustPassword()) {
            throw new UnsupportedOperationException("Incus has no trust password; issue a token instead");
        }
        if (password == null || password.isEmpty()) {
            throw new ExplainedArgumentException("an empty password would clear it; use clearTrustPassword",
                    "remotes.trust.needPassword");
        }
        patch(TRUST_PASSWORD, password);
    }

    public void clearTrustPassword() {
        if (!supportsTrustPassword()) {
            throw new UnsupportedOperationException("Incus has no trust password");
        }
        patch(TRUST_PASSWORD, "");
    }

    private void patch(String key, String value) {
        Map<String, Object> config = new HashMap<>();
        config.put(key, value);
        client.server().patch(new ServerPut(config), null);
    }

    /** Issues a single-use client trust token (the server must listen on HTTPS). */
    public IssuedToken issueToken(String clientName) {
        RemoteConfig.checkName(clientName);
        RunningOperation operation = client.certificates().requestToken(clientName);
        JsonNode metadata = operation.latest().metadata();
        return new IssuedToken(operation.id(), TrustToken.fromOperation(clientName, metadata));
    }

    /** Client trust tokens not yet redeemed, revoked or expired. */
    public List<PendingToken> pendingTokens() {
        List<PendingToken> pending = new ArrayList<>();
        for (Operation operation : client.operations().list()) {
            if (!"token".equals(operation.operationClass()) || operation.statusCode() != Operation.RUNNING
                    || operation.metadata() == null) {
                continue;
            }
            JsonNode request = operation.metadata().path("request");
            if (request.isMissingNode() || !"client".equals(request.path("type").asText("client"))) {
                continue; // a cluster join token
            }
            pending.add(new PendingToken(operation.id(), request.path("name").asText(""),
                    operation.createdAt() == null ? null : operation.createdAt().toInstant(),
                    instant(operation.metadata().path("expiresAt").asText(""))));
        }
        return pending;
    }

    public void revokeToken(String operationId) {
        client.operations().cancel(operationId);
    }

    public List<Certificate> trustedCertificates() {
        return client.certificates().list();
    }

    public void removeTrustedCertificate(String fingerprint) {
        client.certificates().delete(fingerprint);
    }

    private static Instant instant(String text) {
        return TokenCodec.expiry(text);
    }
}
