package dev.hako.remote;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Reading PEM certificates such as the server's {@code environment.certificate}. */
public final class Pem {

    private Pem() {
    }

    public static X509Certificate readCertificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new ExplainedArgumentException("not a PEM certificate: " + e.getMessage(), e,
                    "remotes.problem.notPem", e.getMessage() == null ? "" : e.getMessage());
        }
    }
}
