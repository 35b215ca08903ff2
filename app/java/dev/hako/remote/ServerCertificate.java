package dev.hako.remote;

import dev.hako.lxd.CertificateFingerprint;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A server's certificate as a person reviews it before trusting it: what {@code lxc remote add} shows. */
public record ServerCertificate(X509Certificate certificate, String fingerprint) {

    public static ServerCertificate of(X509Certificate certificate) {
        return new ServerCertificate(certificate, CertificateFingerprint.sha256(certificate));
    }

    public static ServerCertificate fromPem(String pem) {
        return of(Pem.readCertificate(pem));
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    public String issuer() {
        return certificate.getIssuerX500Principal().getName();
    }

    public boolean selfSigned() {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    public boolean validAt(Instant when) {
        return !when.isBefore(notBefore()) && !when.isAfter(notAfter());
    }

    /** DNS names and IP addresses the certificate was made for. */
    public List<String> alternativeNames() {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    if (entry.size() >= 2 && entry.get(1) instanceof String value) {
                        names.add(value);
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // no readable names: show none
        }
        return names;
    }

    public String pem() {
        return ClientCertificates.toPem(certificate);
    }

    /** The fingerprint in groups of four, easier to compare by eye with {@code lxc info}'s. */
    public static String grouped(String fingerprint) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fingerprint.length(); i += 4) {
            if (i > 0) {
                text.append(i % 32 == 0 ? '\n' : ' ');
            }
            text.append(fingerprint, i, Math.min(fingerprint.length(), i + 4));
        }
        return text.toString();
    }
}
