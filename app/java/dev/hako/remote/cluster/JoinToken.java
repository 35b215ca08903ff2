package dev.hako.remote.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Operation;
import dev.hako.remote.ExplainedArgumentException;
import dev.hako.remote.TokenCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster join token: the server keeps it as a running operation of class
 * {@code token} whose metadata holds the parts; the string a new member is given is
 * those parts encoded by {@link TokenCodec}, exactly as {@code lxc cluster add} prints it.
 * Revoking it is deleting that operation (what {@code lxc cluster revoke-token} does).
 */
public record JoinToken(String serverName, String token, String expiresAt, String operationId) {

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
            throw new ExplainedArgumentException("operation " + op.id() + " is not a join token",
                    "remotes.problem.noTokenOperation");
        }
        TokenCodec.Token token = TokenCodec.fromOperation(TokenCodec.Purpose.JOIN, m.path("serverName").asText(), m);
        // The server's own timestamp text, or null for "never expires" (Go's zero time).
        String expires = token.expiresAt() == null ? null : token.expiresAtText();
        return new JoinToken(token.name(), token.encoded(), expires, op.id());
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
