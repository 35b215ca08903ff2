package dev.hako.lxd;

/**
 * The server presented a certificate other than the pinned one. This is never
 * retried or accepted silently: it means interception or a reinstalled server.
 */
public class UntrustedCertificateException extends LxdException {

    private final String expectedFingerprint;
    private final String presentedFingerprint;

    public UntrustedCertificateException(String expectedFingerprint, String presentedFingerprint, Throwable cause) {
        super("server certificate " + presentedFingerprint + " does not match the pinned " + expectedFingerprint,
                0, "certificate mismatch", cause);
        this.expectedFingerprint = expectedFingerprint;
        this.presentedFingerprint = presentedFingerprint;
    }

    public String expectedFingerprint() {
        return expectedFingerprint;
    }

    public String presentedFingerprint() {
        return presentedFingerprint;
    }
}
