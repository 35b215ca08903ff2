package dev.hako.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.LocalFileException;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.MalformedResponseException;
import dev.hako.lxd.Transfer;
import dev.hako.lxd.UnreachableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Japanese user reads of each kind of failure, from exceptions made the way the
 * client makes them. Server refusals and certificate mismatches come from the real
 * daemons in {@code dev.hako.lxd.FailureTextIT}; the mock server here only breaks
 * bodies and connections, which no daemon does on demand.
 */
public class FailureTextTest {

    private static final Pattern REQUEST_LINE = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE|HEAD)\\b|/1\\.0");
    /** Two English words in a row: a sentence (or part of one) in our English. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}[\\s,.:;'()-]+[A-Za-z]{2,}");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final String SERVER_JSON = "{\"type\":\"sync\",\"status_code\":200,\"metadata\":"
            + "{\"auth\":\"trusted\",\"api_extensions\":[],\"environment\":{\"server\":\"lxd\"}}}";

    private final I18n japanese = new I18n(Locale.JAPANESE);
    private MockWebServer server;
    private HeldCertificate certificate;

    /**
     * Checks what the user reads of {@code failure} in Japanese: no request line, every
     * {@code verbatim} text (the server's words, an address, a path) as it was, and no
     * English of ours around them. Returns the text.
     */
    public static String assertJapanese(Throwable failure, String... verbatim) {
        String text = FailureText.of(new I18n(Locale.JAPANESE), failure);
        String rest = text;
        for (String words : verbatim) {
            assertThat(text).as("keeps the server's or system's words verbatim").contains(words);
            rest = rest.replace(words, " ");
        }
        assertThat(REQUEST_LINE.matcher(rest).find()).as("request line in: " + text).isFalse();
        assertThat(ENGLISH.matcher(rest).find()).as("English of ours in: " + text).isFalse();
        assertThat(JAPANESE.matcher(rest).find()).as("a Japanese sentence around: " + text).isTrue();
        if (failure.getMessage() != null && !java.util.List.of(verbatim).contains(failure.getMessage())) {
            assertThat(text).as("our log text").doesNotContain(failure.getMessage());
        }
        return text;
    }

    /** A refusal in the server's words: the user reads exactly those, nothing added. */
    public static void assertServerWords(Throwable failure, String serverWords) {
        assertThat(serverWords).isNotBlank();
        assertThat(FailureText.of(new I18n(Locale.JAPANESE), failure)).isEqualTo(serverWords);
        assertThat(FailureText.of(new I18n(Locale.ENGLISH), failure)).isEqualTo(serverWords);
        assertThat(serverWords).doesNotContainPattern("\\b(GET|POST|PUT|PATCH|DELETE) /");
        assertThat(FailureText.serverText(failure)).isEqualTo(serverWords);
    }

    @BeforeEach
    void start() throws IOException {
        certificate = new HeldCertificate.Builder().commonName("faults").addSubjectAlternativeName("127.0.0.1")
                .build();
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
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
    void aMalformedBodyIsToldWithoutTheRequest() {
        try (LxdClient client = connect()) {
            server.enqueue(new MockResponse.Builder().body("<html>proxy error</html>").build());
            Throwable failure = catchThrowable(() -> client.profiles().list());
            assertThat(failure).isInstanceOf(MalformedResponseException.class).hasMessageContaining("GET /1.0");
            assertThat(assertJapanese(failure)).isEqualTo(japanese.get("error.malformed"));
            assertThat(FailureText.serverText(failure)).isNull();
        }
    }

    @Test
    void aConnectionDroppedBeforeTheAnswerNamesTheServer() {
        try (LxdClient client = connect()) {
            server.enqueue(new MockResponse.Builder()
                    .onRequestStart(new SocketEffect.CloseSocket(true, true, true)).build());
            server.enqueue(new MockResponse.Builder()
                    .onRequestStart(new SocketEffect.CloseSocket(true, true, true)).build());
            Throwable failure = catchThrowable(() -> client.instances().list());
            assertThat(failure).isInstanceOf(UnreachableException.class).hasMessageContaining("/1.0/instances");
            assertJapanese(failure, "https://127.0.0.1:" + server.getPort());
            assertThat(FailureText.hintKey(failure)).isEqualTo("error.hint.unreachable");
        }
    }

    @Test
    void aDownloadCutShortSaysTheConnectionBroke() {
        try (LxdClient client = connect()) {
            server.enqueue(new MockResponse.Builder().addHeader("X-LXD-type", "file")
                    .body(new okio.Buffer().write(new byte[200_000])).setHeader("Content-Length", "1000000")
                    .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build());
            Throwable failure = catchThrowable(() -> client.instances().files().download("c1", "/big",
                    new ByteArrayOutputStream()));
            assertThat(failure).isInstanceOf(UnreachableException.class);
            assertThat(assertJapanese(failure)).isEqualTo(japanese.get("error.connectionLost"));
        }
    }

    @Test
    void nothingListeningNamesTheAddress() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Throwable failure = catchThrowable(() -> LxdClient.connect(new Endpoint.Https("127.0.0.1", port, null, "00")));
        assertThat(failure).isInstanceOf(UnreachableException.class);
        assertThat(assertJapanese(failure, "https://127.0.0.1:" + port))
                .isEqualTo(japanese.format("error.unreachable", "https://127.0.0.1:" + port));
    }

    @Test
    void aLocalFileNamesThePathAndNotTheSystemsEnglish(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such.tar.gz");
        IOException system = catchIo(() -> Files.newInputStream(missing).close());
        assertJapanese(LocalFileException.reading(missing, system), missing.toString());
        assertJapanese(system, missing.toString());

        Path locked = Files.createDirectory(dir.resolve("locked"));
        IOException notAFile = catchIo(() -> Files.newOutputStream(locked).close());
        assertJapanese(LocalFileException.writing(locked, notAFile), locked.toString());
        assertJapanese(new IOException("Broken pipe"));
    }

    @Test
    void aCancelledTransferOrWaitSaysSo() {
        assertThat(assertJapanese(new Transfer.CancelledException())).isEqualTo(japanese.get("error.cancelled"));
        assertThat(assertJapanese(new InterruptedException("sleep interrupted")))
                .isEqualTo(japanese.get("error.cancelled"));
        assertThat(FailureText.hintKey(new Transfer.CancelledException())).isEqualTo("error.hint.cancelled");
    }

    @Test
    void aRefusalFoundOnThisSideUsesItsKey() {
        Throwable failure = catchThrowable(() -> new Endpoint.Https("lab", 8443, null, " "));
        assertThat(failure).isInstanceOf(ExplainedException.class);
        assertThat(assertJapanese(failure)).isEqualTo(japanese.get("error.endpoint.noPin"));
        assertThat(FailureText.hintKey(failure)).isEqualTo("error.hint.input");
    }

    @Test
    void aBugShowsItsKindButNotItsEnglish() {
        Throwable bug = new IllegalStateException("index 3 out of bounds for the list");
        assertThat(assertJapanese(bug, "IllegalStateException")).contains("IllegalStateException");
        assertJapanese(new RuntimeException(new java.util.concurrent.ExecutionException(
                new Transfer.CancelledException())));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static IOException catchIo(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("no IOException");
    }
}
