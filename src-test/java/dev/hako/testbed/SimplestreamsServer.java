package dev.hako.testbed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.hako.lxd.CertificateFingerprint;
import dev.hako.remote.ClientCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A simplestreams image server on loopback for tests: HTTPS with a self-signed
 * certificate, an index and one products catalogue describing the test bed's busybox
 * image split the way image servers publish it ({@code lxd.tar.xz} metadata +
 * {@code root.tar.xz} rootfs, combined fingerprint = sha256 of both). Files can be
 * served slowly so that a daemon's download progress can be seen.
 */
public final class SimplestreamsServer implements AutoCloseable {

    public static final String PRODUCT = "busybox:1:amd64:default";
    public static final String SERIAL = "20260101_0000";
    public static final List<String> ALIASES = List.of("busybox/1", "busybox/test");

    private final HttpsServer server;
    private final X509Certificate certificate;
    private final Path dir;
    private final String fingerprint;
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile long bytesPerSecond;
    private final byte[] index;
    private final byte[] catalogue;

    private SimplestreamsServer(long bytesPerSecond) throws Exception {
        this.bytesPerSecond = bytesPerSecond;
        dir = Files.createTempDirectory("hako-simplestreams");
        Path unified = Path.of(TestBed.env("HAKO_TB_IMAGE_TARBALL"));
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        run(List.of("tar", "-C", unpacked.toString(), "-xzf", unified.toString()));
        Path meta = dir.resolve("lxd.tar.xz");
        Path root = dir.resolve("root.tar.xz");
        run(List.of("tar", "-C", unpacked.toString(), "--numeric-owner", "-cJf", meta.toString(), "metadata.yaml"));
        run(List.of("tar", "-C", unpacked.resolve("rootfs").toString(), "--numeric-owner", "-cJf", root.toString(),
                "."));
        String base = "images/busybox/1/amd64/default/" + SERIAL + "/";
        files.put("/" + base + "lxd.tar.xz", meta);
        files.put("/" + base + "root.tar.xz", root);
        fingerprint = sha256(meta, root);

        ObjectMapper json = new ObjectMapper();
        Map<String, Object> metaItem = new LinkedHashMap<>();
        metaItem.put("ftype", "lxd.tar.xz");
        metaItem.put("path", base + "lxd.tar.xz");
        metaItem.put("sha256", sha256(meta));
        metaItem.put("size", Files.size(meta));
        metaItem.put("combined_rootxz_sha256", fingerprint);
        metaItem.put("combined_sha256", fingerprint);
        Map<String, Object> rootItem = new LinkedHashMap<>();
        rootItem.put("ftype", "root.tar.xz");
        rootItem.put("path", base + "root.tar.xz");
        rootItem.put("sha256", sha256(root));
        rootItem.put("size", Files.size(root));
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("aliases", String.join(",", ALIASES));
        product.put("arch", "amd64");
        product.put("os", "Busybox");
        product.put("release", "1");
        product.put("release_title", "1 (test)");
        product.put("variant", "default");
        // LXD reads only lxd.tar.xz items, Incus only incus.tar.xz: publish the same file under both, as
        // images.linuxcontainers.org does.
        Map<String, Object> incusItem = new LinkedHashMap<>(metaItem);
        incusItem.put("ftype", "incus.tar.xz");
        product.put("versions", Map.of(SERIAL, Map.of("items", Map.of("lxd.tar.xz", metaItem,
                "incus.tar.xz", incusItem, "root.tar.xz", rootItem))));
        catalogue = json.writeValueAsBytes(Map.of("content_id", "images", "datatype", "image-downloads",
                "format", "products:1.0", "products", Map.of(PRODUCT, product)));
        index = json.writeValueAsBytes(Map.of("format", "index:1.0", "index", Map.of("images", Map.of(
                "datatype", "image-downloads", "path", "streams/v1/images.json", "format", "products:1.0",
                "products", List.of(PRODUCT)))));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"), new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("O=Hako test bed,CN=simplestreams");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(128, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(2))), subject,
                keys.getPublic());
        // The daemons (Go) pin a certificate by making it a root and checking the name against its first DNS name.
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA384withECDSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), new char[0], new X509Certificate[] {certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "simplestreams-test-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server; {@code bytesPerSecond} 0 serves files at full speed. */
    public static SimplestreamsServer start(long bytesPerSecond) throws Exception {
        return new SimplestreamsServer(bytesPerSecond);
    }

    public String address() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public String certificatePem() {
        return ClientCertificates.toPem(certificate);
    }

    public String certificateFingerprint() {
        return CertificateFingerprint.sha256(certificate);
    }

    /** The image's fingerprint on a server that downloads it: sha256(lxd.tar.xz ‖ root.tar.xz). */
    public String imageFingerprint() {
        return fingerprint;
    }

    public long imageSize() throws IOException {
        long size = 0;
        for (Path p : files.values()) {
            size += Files.size(p);
        }
        return size;
    }

    public void setBytesPerSecond(long value) {
        bytesPerSecond = value;
    }

    /** Paths requested so far, in order. */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        try (exchange) {
            byte[] body = switch (path) {
                case "/streams/v1/index.json" -> index;
                case "/streams/v1/images.json" -> catalogue;
                default -> null;
            };
            if (body != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            Path file = files.get(path);
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, Files.size(file));
            byte[] data = Files.readAllBytes(file);
            OutputStream out = exchange.getResponseBody();
            int chunk = 16 * 1024;
            for (int offset = 0; offset < data.length; offset += chunk) {
                out.write(data, offset, Math.min(chunk, data.length - offset));
                out.flush();
                long rate = bytesPerSecond;
                if (rate > 0) {
                    Thread.sleep(Math.max(1, chunk * 1000L / rate));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static String sha256(Path... paths) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Path p : paths) {
            digest.update(Files.readAllBytes(p));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() {
        server.stop(0);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
