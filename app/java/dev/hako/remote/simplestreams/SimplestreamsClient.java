package dev.hako.remote.simplestreams;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.Explained;
import dev.hako.lxd.UnreachableException;
import dev.hako.remote.RemoteConfig;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Browses a simplestreams image server ({@code images.linuxcontainers.org}, a mirror,
 * a private server). HTTPS is checked against the system's trusted authorities, unless
 * the remote carries a pinned certificate fingerprint (a self-signed server): then that
 * fingerprint is the whole decision, as for LXD remotes. The image list is read once
 * per session and kept.
 */
public final class SimplestreamsClient {

    private static final Map<String, List<SimplestreamsImage>> CACHE = new ConcurrentHashMap<>();

    private final String address;
    private final String pinnedFingerprint;
    private final String certificatePem;
    private final OkHttpClient http;

    public SimplestreamsClient(String address, String pinnedFingerprint, String certificatePem) {
        this.address = address.replaceAll("/+$", "");
        this.pinnedFingerprint = pinnedFingerprint == null || pinnedFingerprint.isBlank() ? null
                : CertificateFingerprint.normalise(pinnedFingerprint);
        this.certificatePem = certificatePem;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ofSeconds(60));
        try {
            X509TrustManager trust = this.pinnedFingerprint == null ? systemTrust() : new Pinned(this.pinnedFingerprint);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            builder.sslSocketFactory(tls.getSocketFactory(), trust);
            if (this.pinnedFingerprint != null) {
                // The pin identifies the server; a self-signed certificate rarely names the host.
                builder.hostnameVerifier((host, session) -> true);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
        this.http = builder.build();
    }

    /** A client for a saved {@code simplestreams} remote, pinned when the remote has a fingerprint. */
    public static SimplestreamsClient of(RemoteConfig remote) {
        if (!remote.imageOnly()) {
            throw new IllegalArgumentException(remote.name() + " is not a simplestreams remote");
        }
        return new SimplestreamsClient(remote.address(), remote.fingerprint(), remote.serverCertificate());
    }

    public String address() {
        return address;
    }

    /** The pinned certificate (PEM) to hand to a daemon that downloads from this server, or null for system trust. */
    public String certificatePem() {
        return pinnedFingerprint == null ? null : certificatePem;
    }

    /** Every image of every image catalogue the index lists; cached for the session. */
    public List<SimplestreamsImage> images() {
        String key = address + "#" + (pinnedFingerprint == null ? "" : pinnedFingerprint);
        List<SimplestreamsImage> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        List<SimplestreamsImage> images = new ArrayList<>();
        List<String> paths = read("streams/v1/index.json", CatalogueParser::imageCataloguePaths);
        for (String path : paths) {
            images.addAll(read(path, CatalogueParser::parseProducts));
        }
        List<SimplestreamsImage> result = List.copyOf(images);
        CACHE.put(key, result);
        return result;
    }

    /**
     * The images a daemon of that kind ({@link SimplestreamsImage#LXD} or {@link SimplestreamsImage#INCUS})
     * can pull, one list per product (its container and VM images), in catalogue order.
     */
    public List<List<SimplestreamsImage>> products(String daemon) {
        return byProduct(images(), daemon);
    }

    /** {@code images} that {@code daemon} can pull, grouped by product in first-seen order. */
    static List<List<SimplestreamsImage>> byProduct(List<SimplestreamsImage> images, String daemon) {
        Map<String, List<SimplestreamsImage>> byProduct = new LinkedHashMap<>();
        for (SimplestreamsImage image : images) {
            if (image.pullableBy(daemon)) {
                byProduct.computeIfAbsent(image.product(), k -> new ArrayList<>()).add(image);
            }
        }
        return byProduct.values().stream().map(List::copyOf).toList();
    }

    /** Forgets what was read, so the next {@link #images()} reads the server again. */
    public void forget() {
        CACHE.keySet().removeIf(k -> k.startsWith(address + "#"));
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private <T> T read(String path, Reader<T> reader) {
        String url = address + "/" + path.replaceAll("^/+", "");
        Request request = new Request.Builder().url(url).header("User-Agent", "Hako").build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw UnreachableException.notServing(url + " answered " + response.code() + " "
                        + response.message(), address, (response.code() + " " + response.message()).trim());
            }
            try (InputStream in = response.body().byteStream()) {
                return reader.read(in);
            }
        } catch (SSLHandshakeException e) {
            throw new UntrustedServerException(address, pinnedFingerprint != null, e);
        } catch (IOException e) {
            throw UnreachableException.cannotReach("cannot read " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), address, e);
        }
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /**
     * The server's certificate is not trusted: not signed by a known authority, or not the pinned one.
     * The user reads it in their language (the new instance wizard's sentences).
     */
    public static final class UntrustedServerException extends RuntimeException implements Explained {
        private final String address;
        private final boolean pinned;

        public UntrustedServerException(String address, boolean pinned, Throwable cause) {
            super((pinned ? "the certificate of " + address + " is not the pinned one"
                    : "the certificate of " + address + " is not signed by an authority this computer trusts")
                    + ": " + cause.getMessage(), cause);
            this.address = address;
            this.pinned = pinned;
        }

        public String address() {
            return address;
        }

        /** True when a pin was checked and did not match; false when system trust refused the server. */
        public boolean pinned() {
            return pinned;
        }

        @Override
        public String messageKey() {
            return pinned ? "newinstance.problem.pinMismatch" : "newinstance.problem.untrusted";
        }

        @Override
        public List<Object> messageArguments() {
            return List.of(address);
        }
    }

    private static final class Pinned implements X509TrustManager {
        private final String fingerprint;

        Pinned(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            String presented = CertificateFingerprint.sha256(chain[0]);
            if (!presented.equals(fingerprint)) {
                throw new CertificateException("server certificate " + presented + " is not the pinned "
                        + fingerprint);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("server side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public String toString() {
        return "simplestreams " + address.toLowerCase(Locale.ROOT);
    }
}
