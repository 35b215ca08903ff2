package dev.hako.lxd;

import java.nio.file.Path;

/** Where a server is reached: its local unix socket, or HTTPS with a client certificate and a pinned server certificate. */
public sealed interface Endpoint permits Endpoint.UnixSocket, Endpoint.Https {

    /** Human-readable address for messages and the UI. */
    String display();

    /** A local daemon's unix socket; callers on it are trusted administrators. */
    record UnixSocket(Path socket) implements Endpoint {
        @Override
        public String display() {
            return "unix:" + socket;
        }
    }

    /**
     * A remote daemon over TLS 1.3. {@code pinnedFingerprint} is the SHA-256 of the
     * server certificate's DER form (lower-case hex); every connection checks it.
     */
    record Https(String host, int port, ClientIdentity identity, String pinnedFingerprint) implements Endpoint {
        public Https {
            if (pinnedFingerprint == null || pinnedFingerprint.isBlank()) {
                throw new ExplainedException("an HTTPS endpoint needs a pinned server certificate fingerprint",
                        "error.endpoint.noPin");
            }
            pinnedFingerprint = CertificateFingerprint.normalise(pinnedFingerprint);
        }

        @Override
        public String display() {
            return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
