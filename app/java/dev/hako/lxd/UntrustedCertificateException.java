package dev.hako.lxd;

import java.util.List;

/**
 * The server presented a certificate other than the pinned one. This is never
 * retried or accepted silently: it means interception or a reinstalled server.
 * There is no server text; the user reads the message key.
 */
public class UntrustedCertificateException extends LxdException implements Explained {

    private final String expectedFingerprint;
    private final String presentedFingerprint;

    public UntrustedCertificateException(String expectedFingerprint, String presentedFingerprint, Throwable cause) {
        super("server certificate " + presentedFingerprint + " does not match the pinned " + expectedFingerprint,
                0, null, cause);
        this.expectedFingerprint = expectedFingerprint;
        this.presentedFingerprint = presentedFingerprint;
    }

    public String expectedFingerprint() {
        return expectedFingerprint;
    }

    public String presentedFingerprint() {
        return presentedFingerprint;
    }

    @Override
    public String messageKey() {
        return "error.certificate";
    }

    @Override
    public List<Object> messageArguments() {
        return List.of();
    }
}
