package dev.hako.lxd;

import dev.hako.lxd.api.Certificate;
import dev.hako.lxd.api.CertificatesPost;
import java.util.List;

/** {@code /1.0/certificates}: the server's trust store. */
public final class CertificatesApi extends ResourceApi {

    CertificatesApi(LxdClient client) {
        super(client);
    }

    public List<Certificate> list() {
        return list("/1.0/certificates", Certificate.class);
    }

    public Certificate get(String fingerprint) {
        return get("/1.0/certificates/" + seg(fingerprint), Certificate.class);
    }

    /** Adds a certificate (as an admin) or redeems a password or token (as the untrusted caller). */
    public void add(CertificatesPost request) {
        sync("POST", "/1.0/certificates", request, null);
    }

    /** Creates a pending trust token; the operation stays running until redeemed or cancelled. */
    public RunningOperation requestToken(String clientName) {
        return async("POST", "/1.0/certificates", CertificatesPost.requestToken(clientName), null);
    }

    public void delete(String fingerprint) {
        sync("DELETE", "/1.0/certificates/" + seg(fingerprint), null, null);
    }
}
