package dev.hako.remote.init;

import dev.hako.lxd.Explained;
import dev.hako.remote.ExplainedArgumentException;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.remote.TokenCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * What joining a cluster needs besides the token, found the way lxd init finds it: the token
 * (decoded by {@link TokenCodec}: the new member's name, the cluster certificate's fingerprint,
 * member addresses and a secret) names the members, a member's certificate is fetched and must
 * match the fingerprint. The token itself is never logged.
 */
public final class ClusterJoin {

    private ClusterJoin() {
    }

    /** The decoded parts of a join token (the secret is not kept). */
    public record Token(String serverName, String fingerprint, List<String> addresses) {
        @Override
        public String toString() {
            return "join token for " + serverName;
        }
    }

    public record Resolved(String serverName, String clusterAddress, String certificatePem) {
    }

    /** Decodes a join token; throws an {@link ExplainedArgumentException} saying plainly what is wrong. */
    public static Token decode(String token) {
        TokenCodec.Token decoded = TokenCodec.decode(token, TokenCodec.Purpose.JOIN);
        return new Token(decoded.name(), decoded.fingerprint(), decoded.addresses());
    }

    /** Fills in server name, cluster address and certificate from the token where the preseed leaves them blank. */
    static Resolved resolve(Preseed.Cluster cluster) {
        String serverName = cluster.serverName();
        String address = cluster.clusterAddress();
        String pem = cluster.clusterCertificate();
        if (cluster.clusterToken() == null || (Preseed.notBlank(pem) && Preseed.notBlank(serverName))) {
            return new Resolved(serverName, address, pem);
        }
        Token token = decode(cluster.clusterToken());
        if (!Preseed.notBlank(serverName)) {
            serverName = token.serverName();
        }
        if (!Preseed.notBlank(pem)) {
            List<String> candidates = new ArrayList<>();
            if (Preseed.notBlank(address)) {
                candidates.add(address);
            }
            candidates.addAll(token.addresses());
            RuntimeException last = null;
            for (String candidate : candidates) {
                try {
                    ServerCertificate certificate = ServerCertificateProbe.probe(RemoteAddress.parse(candidate));
                    if (certificate.fingerprint().equalsIgnoreCase(token.fingerprint())) {
                        pem = certificate.pem();
                        if (!Preseed.notBlank(address)) {
                            address = candidate;
                        }
                        break;
                    }
                    last = new ExplainedArgumentException("the certificate of " + candidate
                            + " does not match the token's fingerprint", "remotes.problem.joinCertificateDiffers",
                            candidate);
                } catch (RuntimeException e) {
                    // A bad address or an unreachable member already explains itself, naming the address.
                    last = e instanceof Explained ? e : new ExplainedArgumentException("cannot reach " + candidate
                            + ": " + e.getMessage(), e, "remotes.problem.joinUnreachable", candidate,
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            if (pem == null) {
                throw last != null ? last : new ExplainedArgumentException("the token names no member address",
                        "remotes.problem.tokenNoAddress");
            }
        }
        return new Resolved(serverName, address, pem);
    }
}
