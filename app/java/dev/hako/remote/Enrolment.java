package dev.hako.remote;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.CertificatesPost;
import dev.hako.lxd.api.Server;
import java.time.Instant;

/**
 * Makes a server trust our client certificate, as {@code lxc remote add} does. Every
 * step runs over a connection pinned to the certificate the user accepted, so a
 * password or token can only reach that server: an interceptor with another
 * certificate is refused before a byte of the secret is sent. Afterwards
 * {@code GET /1.0} must answer {@code auth: trusted}.
 */
public final class Enrolment {

    /** What the server said once it trusted us. */
    public record Result(ServerKind kind, String serverName, String serverVersion, boolean alreadyTrusted,
                         String clientFingerprint) {
    }

    /** How trust is asked for; the secret itself is never kept beyond the call. */
    public sealed interface Credential permits Password, Token, None {
    }

    /** An LXD trust password ({@code core.trust_password}). */
    public record Password(String value) implements Credential {
        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /** A trust token from {@code lxc config trust add} / {@code incus config trust add}. */
    public record Token(TrustToken token) implements Credential {
    }

    /** The certificate is already trusted (a CLI's, for instance): only check. */
    public record None() implements Credential {
    }

    private Enrolment() {
    }

    /** The endpoint a remote will use, pinned to {@code accepted}. */
    public static Endpoint.Https endpoint(RemoteAddress address, ServerCertificate accepted, ClientIdentity identity) {
        return new Endpoint.Https(address.host(), address.port(), identity, accepted.fingerprint());
    }

    /**
     * Checks what can be checked without the network, then connects pinned to
     * {@code accepted}, asks for trust and confirms it. With {@link None} it only
     * checks, and refuses ({@link EnrolmentException.Reason#NOT_TRUSTED}) when the
     * server does not trust the certificate yet.
     */
    public static Result enrol(RemoteAddress address, ServerCertificate accepted, ClientIdentity identity,
                               Credential credential) {
        if (credential instanceof Token token) {
            checkToken(token.token(), accepted);
        }
        try (LxdClient client = LxdClient.connect(endpoint(address, accepted, identity))) {
            Server before = client.serverInfo();
            if (before.trusted()) {
                return result(client, before, true, identity);
            }
            if (credential instanceof Password password) {
                if (client.kind() == ServerKind.INCUS) {
                    throw new EnrolmentException(EnrolmentException.Reason.PASSWORD_NOT_SUPPORTED,
                            "Incus servers have no trust password; ask for a trust token (incus config trust add)");
                }
                client.certificates().add(CertificatesPost.withPassword(null, password.value()));
            } else if (credential instanceof Token token) {
                if (client.kind() == ServerKind.INCUS || before.hasExtension("explicit_trust_token")) {
                    client.certificates().add(CertificatesPost.withTrustToken(null, token.token().encoded()));
                } else {
                    // LXD 5.0 has no trust_token field: the whole token goes in "password" (lxc/remote.go).
                    client.certificates().add(CertificatesPost.withPassword(null, token.token().encoded()));
                }
            } else {
                throw new EnrolmentException(EnrolmentException.Reason.NOT_TRUSTED,
                        "the server does not trust this client certificate yet and no password or token was given");
            }
            Server after = client.refreshServer();
            if (!after.trusted()) {
                throw new EnrolmentException(EnrolmentException.Reason.STILL_UNTRUSTED,
                        "the server still does not trust this client (auth: " + after.auth() + ")");
            }
            return result(client, after, false, identity);
        }
    }

    /** A token is only sent to the server that made it: its fingerprint must be the accepted certificate's. */
    public static void checkToken(TrustToken token, ServerCertificate accepted) {
        if (!CertificateFingerprint.normalise(token.fingerprint()).equals(accepted.fingerprint())) {
            throw new EnrolmentException(EnrolmentException.Reason.TOKEN_FOR_ANOTHER_SERVER,
                    "the token was issued by the server with certificate " + token.fingerprint()
                            + ", but this address presents " + accepted.fingerprint()
                            + "; the token was not sent");
        }
        if (token.expired(Instant.now())) {
            throw new EnrolmentException(EnrolmentException.Reason.TOKEN_EXPIRED,
                    "the token expired at " + token.expiresAt() + "; ask for a new one",
                    java.util.Date.from(token.expiresAt()));
        }
    }

    private static Result result(LxdClient client, Server server, boolean alreadyTrusted, ClientIdentity identity) {
        String name = server.environment() == null ? null : server.environment().serverName();
        String version = server.environment() == null ? null : server.environment().serverVersion();
        return new Result(client.kind(), name, version, alreadyTrusted,
                CertificateFingerprint.sha256(identity.certificate()));
    }
}
