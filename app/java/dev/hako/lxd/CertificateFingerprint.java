package dev.hako.lxd;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** Certificate fingerprints the way LXD computes them: SHA-256 over DER, lower-case hex, no separators. */
public final class CertificateFingerprint {

    private CertificateFingerprint() {
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new ExplainedException("certificate cannot be encoded", e, "error.certificate.unreadable");
        }
    }

    public static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Accepts the forms people paste ({@code AB:CD:…}, spaces, upper case) and returns the canonical one. */
    public static String normalise(String fingerprint) {
        return fingerprint.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
    }
}
