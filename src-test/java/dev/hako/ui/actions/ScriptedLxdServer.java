package dev.hako.ui.actions;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.Endpoint;
import dev.hako.model.ConnectionState;
import dev.hako.model.RemoteModel;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A server for action tests, without a daemon: HTTPS with a pinned certificate, an
 * event stream that opens and stays silent, empty listings, and the answers a test
 * scripts by method and path. A request nobody scripted is answered with an error that
 * names it, so the test sees it.
 */
final class ScriptedLxdServer implements AutoCloseable {

    private static final String SERVER = "{\"auth\":\"trusted\",\"api_extensions\":[],"
            + "\"environment\":{\"server\":\"lxd\",\"server_clustered\":false}}";

    private final MockWebServer server = new MockWebServer();
    private final HeldCertificate certificate = new HeldCertificate.Builder().commonName("scripted")
            .addSubjectAlternativeName("127.0.0.1").build();
    private final Map<String, MockResponse> script = new ConcurrentHashMap<>();
    private final List<WebSocket> eventStreams = new CopyOnWriteArrayList<>();

    ScriptedLxdServer() throws IOException {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request.getMethod(), request.getUrl().encodedPath());
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private MockResponse answer(String method, String path) {
        MockResponse scripted = script.get(method + " " + path);
        if (scripted != null) {
            return scripted;
        }
        if (method.equals("GET") && path.equals("/1.0")) {
            return sync(SERVER);
        }
        if (method.equals("GET") && path.equals("/1.0/events")) {
            return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
                @Override
                public void onOpen(WebSocket socket, Response response) {
                    eventStreams.add(socket);
                }
            }).build();
        }
        if (method.equals("GET") && path.startsWith("/1.0/operations/") && path.endsWith("/wait")) {
            return sync(operation(path.split("/")[3]));
        }
        if (method.equals("GET")) {
            return sync("[]");
        }
        return error(500, "unscripted: " + method + " " + path);
    }

    private static MockResponse sync(String metadata) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"metadata\":" + metadata + "}")
                .build();
    }

    private static MockResponse error(int code, String message) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body("{\"type\":\"error\",\"error\":\"" + message + "\",\"error_code\":" + code + "}").build();
    }

    private static String operation(String id) {
        return "{\"id\":\"" + id + "\",\"class\":\"task\",\"description\":\"Scripted\",\"status\":\"Success\","
                + "\"status_code\":200,\"resources\":{},\"metadata\":null,\"may_cancel\":false,\"err\":\"\"}";
    }

    /** {@code GET path} answers {@code metadata} (JSON). */
    ScriptedLxdServer serve(String path, String metadata) {
        script.put("GET " + path, sync(metadata));
        return this;
    }

    /** {@code method path} starts an operation that succeeds. */
    ScriptedLxdServer succeed(String method, String path) {
        String id = "op-" + script.size();
        script.put(method + " " + path, new MockResponse.Builder().code(202)
                .addHeader("Content-Type", "application/json")
                .body("{\"type\":\"async\",\"status\":\"Operation created\",\"status_code\":100,\"operation\":"
                        + "\"/1.0/operations/" + id + "\",\"metadata\":" + operation(id) + "}").build());
        return this;
    }

    /** {@code method path} is refused with {@code code} and the server's {@code message}. */
    ScriptedLxdServer refuse(String method, String path, int code, String message) {
        script.put(method + " " + path, error(code, message));
        return this;
    }

    /** A remote on this server, connected (its collections empty). */
    RemoteModel connect(String name) throws InterruptedException {
        RemoteModel remote = new RemoteModel(name, new Endpoint.Https("127.0.0.1", server.getPort(), null,
                CertificateFingerprint.sha256(certificate.certificate())));
        remote.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (remote.state().status() != ConnectionState.Status.ONLINE) {
            if (System.nanoTime() > deadline) {
                remote.close();
                throw new AssertionError("the scripted server did not connect: " + remote.state().reason());
            }
            Thread.sleep(20);
        }
        return remote;
    }

    /** A stopped instance as the server lists it (JSON). */
    static String stoppedInstance(String name) {
        return "{\"name\":\"" + name + "\",\"description\":\"\",\"architecture\":\"x86_64\",\"type\":\"container\","
                + "\"status\":\"Stopped\",\"status_code\":102,\"config\":{},\"devices\":{},\"ephemeral\":false,"
                + "\"profiles\":[\"default\"],\"stateful\":false,\"expanded_config\":{},\"expanded_devices\":{}}";
    }

    @Override
    public void close() {
        // The server waits for its connections to end: the event streams are ended first.
        eventStreams.forEach(socket -> socket.close(1001, null));
        server.close();
    }
}
