package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults a real daemon does not produce on demand: bodies that are not the API's
 * JSON and connections that drop mid-transfer. Served over TLS with a pinned
 * certificate, like a remote server.
 */
class FaultInjectionTest {

    private static final String SERVER_JSON = "{\"type\":\"sync\",\"status_code\":200,\"metadata\":"
            + "{\"auth\":\"trusted\",\"api_extensions\":[],\"environment\":{\"server\":\"lxd\"}}}";

    private MockWebServer server;
    private HeldCertificate certificate;

    @BeforeEach
    void start() throws IOException {
        certificate = new HeldCertificate.Builder().commonName("fault").addSubjectAlternativeName("127.0.0.1")
                .build();
        HandshakeCertificates tls = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        server = new MockWebServer();
        server.useHttps(tls.sslSocketFactory());
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LxdClient connect() {
        server.enqueue(new MockResponse.Builder().body(SERVER_JSON).build());
        return LxdClient.connect(new Endpoint.Https("127.0.0.1", server.getPort(), null,
                CertificateFingerprint.sha256(certificate.certificate())));
    }

    @Test
    void bodyThatIsNotJsonIsAMalformedResponse() {
        try (LxdClient client = connect()) {
            server.enqueue(new MockResponse.Builder().body("<html>proxy error</html>").build());
            assertThatThrownBy(() -> client.profiles().list()).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("not JSON");
        }
    }

    @Test
    void envelopeOfUnknownTypeIsMalformed() {
        try (LxdClient client = connect()) {
            server.enqueue(new MockResponse.Builder().body("{\"type\":\"surprise\",\"metadata\":[]}").build());
            assertThatThrownBy(() -> client.profiles().list()).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("surprise");
        }
    }

    @Test
    void metadataOfTheWrongShapeIsMalformed() {
        try (LxdClient client = connect()) {
            server.enqueue(new MockResponse.Builder()
                    .body("{\"type\":\"sync\",\"metadata\":{\"not\":\"a list\"}}").build());
            assertThatThrownBy(() -> client.profiles().list()).isInstanceOf(MalformedResponseException.class);
        }
    }

    @Test
    void htmlErrorPageStillMapsByStatus() {
        try (LxdClient client = connect()) {
            server.enqueue(new MockResponse.Builder().code(404).body("<html>gone</html>").build());
            assertThatThrownBy(() -> client.profiles().get("x")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void connectionDroppedMidDownloadIsReportedNotTruncated() {
        try (LxdClient client = connect()) {
            // Announces a megabyte, sends a fifth of it, then the connection drops.
            server.enqueue(new MockResponse.Builder()
                    .addHeader("X-LXD-type", "file")
                    .body(new okio.Buffer().write(new byte[200_000]))
                    .setHeader("Content-Length", "1000000")
                    .onResponseEnd(new SocketEffect.CloseSocket(true, true, true))
                    .build());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> client.instances().files().download("c1", "/big", out))
                    .isInstanceOf(UnreachableException.class);
        }
    }

    @Test
    void connectionDroppedBeforeAnswerIsUnreachable() {
        try (LxdClient client = connect()) {
            server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true))
                    .build());
            assertThatThrownBy(() -> client.instances().list()).isInstanceOf(UnreachableException.class);
        }
    }
}
