package dev.hako.ui.remotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.ServerKind;
import dev.hako.model.Workspace;
import dev.hako.remote.AddRemote;
import dev.hako.remote.ClientCertificates;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.Enrolment;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.TokenCodec;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "Add remote" wizard's checks and page flow without a window: what each page says
 * is wrong, in Japanese; the certificate read from a real TLS endpoint on loopback (one
 * that is no LXD server, so what needs an LXD server fails the way it would); password
 * against token; an image server saved; and when a failed add takes trust back.
 */
class AddRemoteViewModelTest {

    private final I18n ja = new I18n(Locale.JAPANESE);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(ja);
    private final List<RemoteConfig> opened = new ArrayList<>();
    private Path config;
    private RemotesFile file;
    private Workspace workspace;
    private AddRemoteViewModel model;
    private TlsEndpoint server;

    /** A TLS server on loopback that completes handshakes and hangs up: a certificate to read, nothing more. */
    private static final class TlsEndpoint implements AutoCloseable {
        final ServerCertificate certificate;
        final SSLServerSocket socket;
        final AtomicBoolean open = new AtomicBoolean(true);

        TlsEndpoint() throws Exception {
            ClientIdentity identity = ClientCertificates.generate("tls-endpoint");
            certificate = ServerCertificate.of(identity.certificate());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", identity.privateKey(), new char[0],
                    new X509Certificate[] {identity.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[0]);
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(keys.getKeyManagers(), null, null);
            socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread accepting = new Thread(() -> {
                while (open.get()) {
                    try (Socket client = socket.accept()) {
                        ((SSLSocket) client).startHandshake();
                    } catch (IOException e) {
                        // a client that gives up, or the socket closing
                    }
                }
            }, "tls-endpoint");
            accepting.setDaemon(true);
            accepting.start();
        }

        String address() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            open.set(false);
            socket.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        config = Files.createTempDirectory("hako-add-remote");
        file = RemotesFile.load(config);
        file.add(new RemoteConfig("lab", "https://lab:8443", RemoteConfig.Protocol.LXD, null, null, "ab", null));
        workspace = new Workspace(List.of());
        model = new AddRemoteViewModel(new CurrentThreadTaskExecutor(), dialogs, ja,
                new AddRemote(file, new ClientIdentities(config)), workspace, List::of, opened::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        workspace.close();
    }

    private String addressProblem(String name, String address) {
        model.nameProperty().set(name);
        model.addressProperty().set(address);
        return model.problem(AddRemoteViewModel.Page.ADDRESS);
    }

    @Test
    void theAddressPageSaysWhatIsWrongInJapanese() {
        assertThat(addressProblem("", "lab2")).isEqualTo("リモートの名前を入力してください。");
        assertThat(addressProblem("my lab", "lab2")).startsWith("「my lab」は名前に使えません。");
        assertThat(addressProblem("lab", "lab2"))
                .isEqualTo("「lab」という名前のリモートはすでにあります。別の名前を選んでください。");
        assertThat(addressProblem("lab2", "http://lab2"))
                .isEqualTo("このアドレスは使えません: 追加できるのは https:// のアドレスだけです (http://lab2)。");
        assertThat(addressProblem("lab2", "lab2:70000"))
                .isEqualTo("このアドレスは使えません: ポート 70000 は 1 から 65535 の範囲にありません。");
        assertThat(addressProblem("lab2", "https://lab2/1.0"))
                .isEqualTo("このアドレスは使えません: サーバーのアドレスにパスは付けられません (https://lab2/1.0)。");
        assertThat(addressProblem("lab2", "")).isEqualTo("このアドレスは使えません: サーバーのホスト名またはアドレスを入力してください。");
        // Long, without ':' or '.': taken for a pasted trust token.
        assertThat(addressProblem("lab2", "x".repeat(80)))
                .isEqualTo("このトークンは使えません: LXD や Incus が作ったトークンではありません (JSON の base64 ではありません)。");
        assertThat(addressProblem("lab2", "lab2:9443")).isNull();
        model.imageServerProperty().set(true);
        assertThat(addressProblem("images", "images.example.org")).isNull();
    }

    @Test
    void aLanguageSwitchRelabelsAndKeepsWhatWasTyped() {
        assertThat(addressProblem("lab2", "http://lab2")).startsWith("このアドレスは使えません");
        ja.setLocale(Locale.ENGLISH);
        assertThat(model.problem(AddRemoteViewModel.Page.ADDRESS))
                .isEqualTo("The address is not usable: Only https:// addresses can be added (http://lab2).");
        assertThat(model.nameProperty().get()).isEqualTo("lab2");
        assertThat(model.addressProperty().get()).isEqualTo("http://lab2");
    }

    @Test
    void aCertificateIsReadAndMustBeAcceptedBeforeTrustIsAskedFor() throws Exception {
        server = new TlsEndpoint();
        assertThat(addressProblem("lab2", server.address())).isNull();
        model.enter(AddRemoteViewModel.Page.CERTIFICATE);
        assertThat(model.certificateProperty().get().fingerprint()).isEqualTo(server.certificate.fingerprint());
        assertThat(model.problem(AddRemoteViewModel.Page.CERTIFICATE))
                .isEqualTo("フィンガープリントを比べてから、サーバーのものだと確認してください。");
        model.acceptedProperty().set(true);
        assertThat(model.problem(AddRemoteViewModel.Page.CERTIFICATE)).isNull();

        // Back and Next again: the certificate is not read a second time, the tick stays.
        model.enter(AddRemoteViewModel.Page.ADDRESS);
        model.enter(AddRemoteViewModel.Page.CERTIFICATE);
        assertThat(model.acceptedProperty().get()).isTrue();

        // This endpoint is no LXD server: asking what it is fails, and the page says so.
        model.enter(AddRemoteViewModel.Page.TRUST);
        assertThat(model.problem(AddRemoteViewModel.Page.TRUST)).startsWith("接続できません: ");
        // What the page asks once an LXD server has answered.
        model.kindFound(ServerKind.LXD);
        assertThat(model.problem(AddRemoteViewModel.Page.TRUST)).isEqualTo("信頼パスワードを入力してください。");
        model.trust().passwordProperty().set("secret");
        assertThat(model.problem(AddRemoteViewModel.Page.TRUST)).isNull();
        assertThat(model.summary()).contains("信頼パスワード").contains("https://" + server.address());
        // The CLI asks for the password itself: it is not on the line.
        assertThat(model.command()).isEqualTo("lxc remote add " + model.nameProperty().get() + " https://"
                + server.address()).doesNotContain("secret");
    }

    @Test
    void passwordOrTokenOrNothing() throws Exception {
        server = new TlsEndpoint();
        addressProblem("lab2", server.address());
        model.enter(AddRemoteViewModel.Page.CERTIFICATE);
        model.acceptedProperty().set(true);
        model.kindFound(ServerKind.LXD);

        model.trust().trustProperty().set(TrustChoiceViewModel.Trust.TOKEN);
        assertThat(model.problem(AddRemoteViewModel.Page.TRUST)).isEqualTo("このトークンは使えません: トークンが空です。");
        String foreign = TokenCodec.encode(TokenCodec.Purpose.TRUST, "me", "0".repeat(64), List.of(server.address()),
                "s3cret", "");
        model.trust().tokenProperty().set(foreign);
        assertThat(model.problem(AddRemoteViewModel.Page.TRUST)).isEqualTo("このトークンは使えません: "
                + "このトークンは、このアドレスのサーバーとは別のサーバーが発行したものです。トークンは送信していません。");
        String mine = TokenCodec.encode(TokenCodec.Purpose.TRUST, "me", server.certificate.fingerprint(),
                List.of(server.address()), "s3cret", "");
        model.trust().tokenProperty().set(mine);
        assertThat(model.problem(AddRemoteViewModel.Page.TRUST)).isNull();
        assertThat(model.summary()).contains("信頼トークン");
        assertThat(model.command()).isEqualTo("lxc remote add lab2 '<token>'").doesNotContain(mine);

        model.trust().trustProperty().set(TrustChoiceViewModel.Trust.NONE);
        assertThat(model.problem(AddRemoteViewModel.Page.TRUST)).isNull();

        // Incus has no trust password: a password choice becomes a token.
        model.trust().trustProperty().set(TrustChoiceViewModel.Trust.PASSWORD);
        model.kindFound(ServerKind.INCUS);
        assertThat(model.trust().trustProperty().get()).isEqualTo(TrustChoiceViewModel.Trust.TOKEN);
        assertThat(model.command()).startsWith("incus remote add lab2 ");
    }

    @Test
    void aPastedTokenNamesTheServerAndVouchesForItsCertificate() throws Exception {
        server = new TlsEndpoint();
        String token = TokenCodec.encode(TokenCodec.Purpose.TRUST, "me", server.certificate.fingerprint()
                .toUpperCase(Locale.ROOT), List.of(server.address()), "s3cret", "");
        assertThat(addressProblem("lab2", token)).isNull();
        model.enter(AddRemoteViewModel.Page.CERTIFICATE);
        assertThat(model.url()).isEqualTo("https://" + server.address());
        assertThat(model.tokenMatches()).isTrue();
        assertThat(model.acceptedProperty().get()).as("a matching token accepts the certificate").isTrue();
        assertThat(model.trust().trustProperty().get()).isEqualTo(TrustChoiceViewModel.Trust.TOKEN);
        assertThat(model.trust().tokenProperty().get()).isEqualTo(token);
        assertThat(model.problem(AddRemoteViewModel.Page.CERTIFICATE)).isNull();

        String other = TokenCodec.encode(TokenCodec.Purpose.TRUST, "me", "0".repeat(64), List.of(server.address()),
                "s3cret", "");
        addressProblem("lab2", other);
        model.enter(AddRemoteViewModel.Page.CERTIFICATE);
        assertThat(model.acceptable()).isFalse();
        assertThat(model.acceptedProperty().get()).isFalse();
        assertThat(model.problem(AddRemoteViewModel.Page.CERTIFICATE)).startsWith(
                "フィンガープリントが信頼トークン内のものと一致しません。");
    }

    @Test
    void anUnreachableAddressIsExplainedOnTheCertificatePage() throws Exception {
        // Port 1 (tcpmux) has no listener: a port freed by closing a test server could be taken again meanwhile.
        String address = "127.0.0.1:1";
        addressProblem("lab2", address);
        model.enter(AddRemoteViewModel.Page.CERTIFICATE);
        assertThat(model.certificateProperty().get()).isNull();
        assertThat(model.problem(AddRemoteViewModel.Page.CERTIFICATE))
                .startsWith("https://" + address + " で応答するものがありません（接続が拒否されました）。");
    }

    @Test
    void anImageServerIsSavedWithoutServerCalls() throws Exception {
        model.imageServerProperty().set(true);
        assertThat(addressProblem("images", "images.example.org/")).isNull();
        for (AddRemoteViewModel.Page page : AddRemoteViewModel.Page.values()) {
            model.enter(page);
            assertThat(model.problem(page)).as(page.name()).isNull();
        }
        boolean[] done = {false};
        model.finish(() -> done[0] = true, () -> { });
        assertThat(done[0]).isTrue();
        RemoteConfig saved = RemotesFile.load(config).find("images").orElseThrow();
        assertThat(saved.address()).isEqualTo("https://images.example.org");
        assertThat(saved.imageOnly()).isTrue();
        assertThat(model.command()).isEqualTo("lxc remote add images https://images.example.org --protocol=simplestreams --public");
        assertThat(opened).as("image servers have no tree").isEmpty();
    }

    @Test
    void aRefusedAddKeepsWhatWasTypedAndSavesNothing() throws Exception {
        server = new TlsEndpoint();
        addressProblem("lab2", server.address());
        model.enter(AddRemoteViewModel.Page.CERTIFICATE);
        model.acceptedProperty().set(true);
        model.kindFound(ServerKind.LXD);
        model.trust().passwordProperty().set("secret");
        boolean[] failed = {false};
        model.finish(() -> { }, () -> failed[0] = true);
        assertThat(failed[0]).isTrue();
        assertThat(model.problem(AddRemoteViewModel.Page.CONNECT)).startsWith("リモートを追加できません: ");
        assertThat(model.status()).startsWith("リモートは追加されていません。");
        assertThat(model.trust().passwordProperty().get()).as("kept for another try").isEqualTo("secret");
        assertThat(RemotesFile.load(config).find("lab2")).isEmpty();
        assertThat(opened).isEmpty();
        // Entering the page again starts afresh.
        model.enter(AddRemoteViewModel.Page.CONNECT);
        assertThat(model.problem(AddRemoteViewModel.Page.CONNECT)).isNull();
        model.close();
        assertThat(model.trust().passwordProperty().get()).isEmpty();
    }

    @Test
    void onlyATrustThisAddGrantedIsTakenBack() {
        assertThat(AddRemote.undoNeeded(new Enrolment.Result(ServerKind.LXD, "s", "5.0", false, "ab"))).isTrue();
        assertThat(AddRemote.undoNeeded(new Enrolment.Result(ServerKind.INCUS, "s", "6.0", true, "ab")))
                .as("the server trusted the certificate before: a CLI's, or an earlier add").isFalse();
        assertThat(AddRemote.undoNeeded(null)).isFalse();
    }
}
