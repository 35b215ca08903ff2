package dev.hako.remote.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What joining a cluster needs besides the token, found the way lxd init finds it: the token
 * (base64 of JSON with the new member's name, the cluster certificate's fingerprint, member
 * addresses and a secret) is decoded, a member's certificate is fetched and must match the
 * fingerprint. The token itself is never logged.
 */
public final class ClusterJoin {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Decodes a join token; throws {@link IllegalArgumentException} saying plainly what is wrong. */
    public static Token decode(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the join token is empty");
        }
        JsonNode json;
        try {
            String text = token.replaceAll("\\s", "");
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                raw = Base64.getUrlDecoder().decode(text);
            }
            json = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException("this is not a cluster join token (not base64 of JSON)");
        }
        if (json == null || !json.isObject() || !json.has("server_name")) {
            throw new IllegalArgumentException("this is not a cluster join token (it names no new member)");
        }
        List<String> addresses = new ArrayList<>();
        json.path("addresses").forEach(a -> addresses.add(a.asText()));
        return new Token(json.path("server_name").asText(), json.path("fingerprint").asText("")
                .toLowerCase(Locale.ROOT), addresses);
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
            IllegalArgumentException last = null;
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
                    last = new IllegalArgumentException("the certificate of " + candidate
                            + " does not match the token's fingerprint");
                } catch (RuntimeException e) {
                    last = new IllegalArgumentException("cannot reach " + candidate + ": " + e.getMessage(), e);
                }
            }
            if (pem == null) {
                throw last != null ? last : new IllegalArgumentException("the token names no member address");
            }
        }
        return new Resolved(serverName, address, pem);
    }
}
