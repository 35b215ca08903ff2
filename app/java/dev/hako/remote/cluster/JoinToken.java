package dev.hako.remote.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A cluster join token: the server keeps it as a running operation of class
 * {@code token} whose metadata holds the parts; the string a new member is given is
 * those parts as base64 JSON, exactly as {@code lxc cluster add} prints it.
 * Revoking it is deleting that operation (what {@code lxc cluster revoke-token} does).
 */
public record JoinToken(String serverName, String token, String expiresAt, String operationId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Asks {@code cluster} (any member) for a token that lets {@code serverName} join. */
    public static JoinToken create(LxdClient cluster, String serverName) {
        var running = cluster.cluster().requestJoinToken(serverName);
        // A token operation stays running until it is used or revoked: its metadata is there at once.
        Operation op = running.latest();
        if (op.metadata() == null || !op.metadata().has("secret")) {
            op = cluster.operations().get(running.id());
        }
        return of(op);
    }

    /** The token an operation of class {@code token} stands for. */
    public static JoinToken of(Operation op) {
        JsonNode m = op.metadata();
        if (m == null || !m.has("secret")) {
            throw new IllegalArgumentException("operation " + op.id() + " is not a join token");
        }
        ObjectNode parts = JSON.createObjectNode();
        parts.put("server_name", m.path("serverName").asText());
        parts.put("fingerprint", m.path("fingerprint").asText());
        parts.set("addresses", m.path("addresses").isArray() ? m.get("addresses") : JSON.createArrayNode());
        parts.put("secret", m.path("secret").asText());
        String expires = m.path("expiresAt").isTextual() ? m.get("expiresAt").asText() : null;
        if (expires != null) {
            parts.put("expires_at", expires);
        }
        String token = Base64.getEncoder().encodeToString(parts.toString().getBytes(StandardCharsets.UTF_8));
        return new JoinToken(m.path("serverName").asText(), token, meaningfulExpiry(expires), op.id());
    }

    /** Go's zero time means "never expires". */
    private static String meaningfulExpiry(String expires) {
        return expires == null || expires.startsWith("0001-01-01") ? null : expires;
    }

    /** The join tokens {@code cluster} has handed out and that were not used yet. */
    public static List<JoinToken> pending(LxdClient cluster) {
        List<JoinToken> tokens = new ArrayList<>();
        for (Operation op : cluster.operations().list()) {
            if ("token".equals(op.operationClass()) && !op.isFinal() && op.metadata() != null
                    && op.metadata().has("serverName") && op.metadata().has("secret")) {
                tokens.add(of(op));
            }
        }
        return tokens;
    }

    /** Revokes the token; one already used or revoked is no error. */
    public void revoke(LxdClient cluster) {
        try {
            cluster.operations().cancel(operationId);
        } catch (NotFoundException gone) {
            // used or revoked already
        }
    }
}
