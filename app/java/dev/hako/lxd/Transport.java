package dev.hako.lxd;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.TlsVersion;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * HTTP and websockets to one server over its unix socket or over pinned mutual TLS.
 * Every request goes through {@link #execute}, so connection failures and
 * certificate mismatches are mapped in one place.
 */
public final class Transport implements AutoCloseable {

    static final MediaType JSON = MediaType.get("application/json");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Transport.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private final Endpoint endpoint;
    private final OkHttpClient http;
    /** For request bodies of files: over the unix socket, writes in large pieces (see BulkWriteSocketFactory). */
    private final OkHttpClient uploads;
    private final HttpUrl base;
    private final String project;
    private volatile ServerKind kind = ServerKind.LXD;
    private final java.util.concurrent.atomic.AtomicLong requests;

    private Transport(Endpoint endpoint, OkHttpClient http, HttpUrl base, String project,
                      java.util.concurrent.atomic.AtomicLong requests) {
        this.requests = requests;
        this.endpoint = endpoint;
        this.http = http;
        this.uploads = endpoint instanceof Endpoint.UnixSocket unix ? http.newBuilder()
                .socketFactory(new BulkWriteSocketFactory(new AFUNIXSocketFactory.FactoryArg(unix.socket().toFile())))
                .build() : http;
        this.base = base;
        this.project = project;
    }

    public static Transport open(Endpoint endpoint, String project) {
        java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    requests.incrementAndGet();
                    // Method and path only: query strings carry websocket secrets.
                    LOG.fine(() -> chain.request().method() + " " + chain.request().url().encodedPath());
                    return chain.proceed(chain.request());
                })
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .pingInterval(Duration.ofSeconds(30))
                // Daemons close idle keep-alive connections; don't hold ours longer than they might.
                .connectionPool(new okhttp3.ConnectionPool(5, 20, java.util.concurrent.TimeUnit.SECONDS))
                // Never resend a request on our own: a POST must not create twice. Reads are retried below.
                .retryOnConnectionFailure(false);
        HttpUrl base;
        if (endpoint instanceof Endpoint.UnixSocket unix) {
            File socket = unix.socket().toFile();
            builder.socketFactory(new AFUNIXSocketFactory.FactoryArg(socket));
            // junixsocket binds only when the URL host is "localhost"; the host is otherwise ignored.
            base = HttpUrl.get("http://localhost/");
        } else {
            Endpoint.Https https = (Endpoint.Https) endpoint;
            configureTls(builder, https);
            base = new HttpUrl.Builder().scheme("https").host(https.host()).port(https.port()).build();
        }
        return new Transport(endpoint, builder.build(), base, project == null || project.isBlank() ? null : project,
                requests);
    }

    private static void configureTls(OkHttpClient.Builder builder, Endpoint.Https https) {
        try {
            PinnedTrustManager trust = new PinnedTrustManager(https.pinnedFingerprint());
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            KeyManagerFactory keys = null;
            if (https.identity() != null) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                char[] none = new char[0];
                store.setKeyEntry("client", https.identity().privateKey(), none,
                        new Certificate[] {https.identity().certificate()});
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, none);
            }
            tls.init(keys == null ? null : keys.getKeyManagers(), new TrustManager[] {trust}, null);
            builder.sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) trust)
                    // The pin decides; the certificate's names do not have to match the address typed.
                    .hostnameVerifier((host, session) -> true)
                    .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.RESTRICTED_TLS)
                            .tlsVersions(TlsVersion.TLS_1_3).build()));
        } catch (GeneralSecurityException | IOException e) {
            // The client certificate or key cannot be used: nothing the server said.
            throw new ExplainedLxdException("cannot set up TLS: " + e.getMessage(), e, 0, "error.tls");
        }
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** HTTP requests sent so far, websocket upgrades included: the figure behind "no polling". */
    public long requestCount() {
        return requests.get();
    }

    public ServerKind kind() {
        return kind;
    }

    void setKind(ServerKind kind) {
        this.kind = kind;
    }

    /** The vendor header prefix the server speaks: {@code X-LXD-} or {@code X-Incus-}. */
    public String headerPrefix() {
        return kind.headerPrefix();
    }

    public String project() {
        return project;
    }

    /** Builds the URL of an API path; the project is added to every request when one is chosen. */
    public HttpUrl url(String path, String... query) {
        HttpUrl.Builder url = base.newBuilder();
        int q = path.indexOf('?');
        url.encodedPath(q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            url.encodedQuery(path.substring(q + 1));
        }
        for (int i = 0; i + 1 < query.length; i += 2) {
            if (query[i + 1] != null) {
                url.addQueryParameter(query[i], query[i + 1]);
            }
        }
        if (project != null && url.build().queryParameter("project") == null) {
            url.addQueryParameter("project", project);
        }
        return url.build();
    }

    /** Sends a JSON request (or none when {@code body} is null) and parses the envelope. */
    public ApiResponse send(String method, HttpUrl url, Object body, String ifMatch) {
        RequestBody requestBody = null;
        if (body != null) {
            try {
                requestBody = RequestBody.create(Json.MAPPER.writeValueAsBytes(body), JSON);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("cannot encode request body: " + e.getMessage(), e);
            }
        } else if (!"GET".equals(method) && !"DELETE".equals(method) && !"HEAD".equals(method)) {
            requestBody = RequestBody.create(new byte[0], JSON);
        }
        Request.Builder request = new Request.Builder().url(url).method(method, requestBody);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try (Response response = execute(request.build())) {
            return ResponseParser.parse(response, method, url.encodedPath());
        }
    }

    public ApiResponse get(HttpUrl url) {
        return send("GET", url, null, null);
    }

    /** GETs a sync response and reads its metadata straight into {@code type}, with the ETag. */
    public <T> dev.hako.lxd.api.Tagged<T> getTyped(HttpUrl url, com.fasterxml.jackson.databind.JavaType type) {
        try (Response response = execute(new Request.Builder().url(url).build())) {
            return ResponseParser.parseTyped(response, type, "GET", url.encodedPath());
        }
    }

    /** Executes a raw request (streams, file transfer); the caller closes the response. */
    public Response execute(Request request) {
        return execute(http, request);
    }

    /** A call the caller executes and may cancel from another thread (long uploads and downloads). */
    okhttp3.Call newCall(Request request) {
        return http.newCall(request);
    }

    /** A call whose request body is a large upload. */
    okhttp3.Call newUploadCall(Request request) {
        return uploads.newCall(request);
    }

    /** Like {@link #execute} but allowing a slow answer, for server-side waits. */
    Response executeSlow(Request request, Duration readTimeout) {
        OkHttpClient slow = http.newBuilder().readTimeout(readTimeout).build();
        return execute(slow, request);
    }

    private Response execute(OkHttpClient client, Request request) {
        try {
            return client.newCall(request).execute();
        } catch (IOException e) {
            // A read that met a connection the daemon had just closed is safe to send once more.
            boolean read = "GET".equals(request.method()) || "HEAD".equals(request.method());
            LxdException mapped = mapIoFailure(request.method() + " " + request.url().encodedPath(), e);
            if (read && mapped instanceof UnreachableException) {
                try {
                    return client.newCall(request).execute();
                } catch (IOException again) {
                    throw mapIoFailure(request.method() + " " + request.url().encodedPath(), again);
                }
            }
            throw mapped;
        }
    }

    /** Turns a transport failure into an exception that says whether the certificate or the network failed. */
    LxdException mapIoFailure(String what, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PinnedTrustManager.PinMismatch mismatch) {
                return new UntrustedCertificateException(mismatch.expected, mismatch.presented, failure);
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return UnreachableException.cannotReach(what + ": cannot reach " + endpoint.display() + ": "
                + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()),
                endpoint.display(), failure);
    }

    /**
     * Opens a websocket and waits until the server accepted it, so that callers know
     * every stream is attached before the server starts to send (exec requires all
     * data sockets within 5 s).
     */
    public WebSocket connectWebSocket(HttpUrl url, WebSocketListener listener, Duration timeout) {
        return connectWebSocket(http, url, listener, timeout);
    }

    /**
     * Like {@link #connectWebSocket(HttpUrl, WebSocketListener, Duration)} but without
     * keep-alive pings, for data streams whose reader may be held back on purpose (a terminal
     * that parses slower than the command prints): a pong queued behind megabytes of output
     * would otherwise arrive late and OkHttp would fail the socket, losing the rest.
     */
    public WebSocket connectStreamWebSocket(HttpUrl url, WebSocketListener listener, Duration timeout) {
        OkHttpClient client = streams;
        if (client == null) {
            client = http.newBuilder().pingInterval(Duration.ZERO).build();
            streams = client;
        }
        return connectWebSocket(client, url, listener, timeout);
    }

    private volatile OkHttpClient streams;

    private WebSocket connectWebSocket(OkHttpClient client, HttpUrl url, WebSocketListener listener,
                                       Duration timeout) {
        CompletableFuture<WebSocket> opened = new CompletableFuture<>();
        WebSocket socket = client.newWebSocket(new Request.Builder().url(url).build(),
                new OpenSignallingListener(listener, opened));
        try {
            return opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            socket.cancel();
            Throwable cause = e.getCause();
            if (cause instanceof LxdException lxd) {
                throw lxd;
            }
            throw mapIoFailure("websocket " + url.encodedPath(), cause);
        } catch (TimeoutException e) {
            socket.cancel();
            throw UnreachableException.noAnswer("websocket " + url.encodedPath() + ": no answer within " + timeout,
                    endpoint.display(), timeout.toSeconds(), e);
        } catch (InterruptedException e) {
            socket.cancel();
            Thread.currentThread().interrupt();
            // Only a cancelled task interrupts its worker.
            throw new Transfer.CancelledException();
        }
    }

    /** Opens a websocket without waiting; the listener learns of success or failure. */
    public WebSocket openWebSocket(HttpUrl url, WebSocketListener listener) {
        return http.newWebSocket(new Request.Builder().url(url).build(), listener);
    }

    /**
     * Closes idle pooled connections. For answers after which the server does not keep its
     * word on the connection (LXD's 416 says Content-Length 0, then writes a message body).
     */
    void dropIdleConnections() {
        http.connectionPool().evictAll();
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Completes {@code opened} on the handshake's outcome and forwards everything else. */
    private final class OpenSignallingListener extends WebSocketListener {
        private final WebSocketListener delegate;
        private final CompletableFuture<WebSocket> opened;

        OpenSignallingListener(WebSocketListener delegate, CompletableFuture<WebSocket> opened) {
            this.delegate = delegate;
            this.opened = opened;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            delegate.onOpen(webSocket, response);
            opened.complete(webSocket);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            delegate.onMessage(webSocket, text);
        }

        @Override
        public void onMessage(WebSocket webSocket, okio.ByteString bytes) {
            delegate.onMessage(webSocket, bytes);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            delegate.onClosing(webSocket, code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            delegate.onClosed(webSocket, code, reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            if (!opened.isDone()) {
                if (response != null && response.code() >= 400) {
                    opened.completeExceptionally(ResponseParser.errorOf(response, "GET",
                            response.request().url().encodedPath()));
                } else {
                    opened.completeExceptionally(t);
                }
            }
            delegate.onFailure(webSocket, t, response);
        }
    }
}
