package dev.hako.lxd;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The client certificate and key presented to servers over TLS. */
public record ClientIdentity(X509Certificate certificate, PrivateKey privateKey) {

    @Override
    public String toString() {
        // Never print the key.
        return "ClientIdentity[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
