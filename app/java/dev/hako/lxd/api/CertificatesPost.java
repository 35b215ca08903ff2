package dev.hako.lxd.api;

import java.util.List;

/**
 * {@code POST /1.0/certificates}. {@code certificate} is base64 of DER without PEM
 * armour; without it the server takes the TLS peer's certificate. LXD 5.0 redeems a
 * trust password or a token through {@code password}; Incus uses {@code trust_token}.
 */
public record CertificatesPost(
        String name,
        String type,
        Boolean restricted,
        List<String> projects,
        String certificate,
        String password,
        Boolean token,
        String trustToken) {

    public static CertificatesPost withPassword(String name, String password) {
        return new CertificatesPost(name, "client", null, null, null, password, null, null);
    }

    public static CertificatesPost withTrustToken(String name, String token) {
        return new CertificatesPost(name, "client", null, null, null, null, null, token);
    }

    public static CertificatesPost addCertificate(String name, String base64Der) {
        return new CertificatesPost(name, "client", false, null, base64Der, null, null, null);
    }

    public static CertificatesPost requestToken(String name) {
        return new CertificatesPost(name, "client", null, null, null, null, true, null);
    }
}
