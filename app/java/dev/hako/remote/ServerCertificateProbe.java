package dev.hako.remote;

import dev.hako.lxd.Explained;
import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.UnreachableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Fetches a server's certificate without trusting it yet: a TLS 1.3 handshake whose
 * only job is to capture the leaf certificate, so a person can compare its
 * fingerprint before anything (a password, a token) is sent. Nothing but the
 * handshake travels on this connection.
 */
public final class ServerCertificateProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ServerCertificateProbe() {
    }

    /**
     * No certificate could be read: the address is unreachable or presented none. Worded by
     * what went wrong, in the user's language: the system's own text ("Connection refused",
     * or for an unknown host just the host again) says little and only in English.
     */
    public static final class UnreadableException extends UnreachableException implements Explained {

        private final String messageKey;
        private final transient List<Object> arguments;

        UnreadableException(String message, Throwable cause, RemoteAddress address, String detail) {
            super(message, cause);
            this.messageKey = keyFor(cause);
            this.arguments = List.of(address.url(), detail);
        }

        private static String keyFor(Throwable cause) {
            if (cause instanceof java.net.ConnectException) {
                return "remotes.error.probe.refused";
            } else if (cause instanceof java.net.UnknownHostException) {
                return "remotes.error.probe.unknownHost";
            } else if (cause instanceof java.net.SocketTimeoutException) {
                return "remotes.error.probe.timeout";
            } else if (cause instanceof java.net.NoRouteToHostException) {
                return "remotes.error.probe.noRoute";
            } else if (cause == null) {
                return "remotes.error.probe.noCertificate";
            }
            return "remotes.error.probe";
        }

        @Override
        public String messageKey() {
            return messageKey;
        }

        @Override
        public List<Object> messageArguments() {
            return arguments;
        }
    }

    public static ServerCertificate probe(RemoteAddress address) {
        return probe(address, TIMEOUT);
    }

    public static ServerCertificate probe(RemoteAddress address, Duration timeout) {
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        X509TrustManager capture = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws
                    java.security.cert.CertificateException {
                throw new java.security.cert.CertificateException("server side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                if (chain != null && chain.length > 0) {
                    seen.set(chain[0]);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, new TrustManager[] {capture}, null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.setEnabledProtocols(new String[] {"TLSv1.3"});
                socket.setSoTimeout((int) timeout.toMillis());
                socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
                socket.startHandshake();
            }
        } catch (IOException e) {
            if (seen.get() == null) {
                // The operating system's words (connection refused, timed out) go to the user verbatim.
                String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new UnreadableException("cannot read the certificate of " + address + ": " + detail, e, address,
                        detail);
            }
            // The certificate was seen; what failed afterwards does not matter to a probe.
        } catch (GeneralSecurityException e) {
            throw new ExplainedException("TLS 1.3 is not available: " + e.getMessage(), e, "remotes.problem.noTls",
                    String.valueOf(e.getMessage()));
        }
        X509Certificate certificate = seen.get();
        if (certificate == null) {
            throw new UnreadableException(address + " presented no certificate", null, address, "-");
        }
        return ServerCertificate.of(certificate);
    }
}
