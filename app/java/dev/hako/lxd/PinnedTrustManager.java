package dev.hako.lxd;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate, identified by its fingerprint, the way the
 * CLI pins the certificate it saved when the remote was added. Chains, CAs and
 * host names play no part: the pin is the whole decision.
 */
final class PinnedTrustManager implements X509TrustManager {

    private final String pinnedFingerprint;

    PinnedTrustManager(String pinnedFingerprint) {
        this.pinnedFingerprint = pinnedFingerprint;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        String presented = CertificateFingerprint.sha256(chain[0]);
        if (!presented.equals(pinnedFingerprint)) {
            throw new PinMismatch(pinnedFingerprint, presented);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** Carried through the TLS stack so the transport can report both fingerprints. */
    static final class PinMismatch extends CertificateException {
        final String expected;
        final String presented;

        PinMismatch(String expected, String presented) {
            super("server certificate " + presented + " is not the pinned " + expected);
            this.expected = expected;
            this.presented = presented;
        }
    }
}
