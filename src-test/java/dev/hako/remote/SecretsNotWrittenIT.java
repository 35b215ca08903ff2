package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * A full enrolment by password (LXD) and by token (LXD and Incus), a refused wrong
 * password and a refused foreign token, with every log record and console line
 * captured: afterwards neither the config directory nor the captured output holds a
 * password, a token or a token's secret.
 */
class SecretsNotWrittenIT {

    @Test
    void noSecretEndsUpOnDiskOrInTheLogs() throws Exception {
        Path config = Files.createTempDirectory("hako-secrets");
        StringBuilder captured = new StringBuilder();
        Handler handler = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                synchronized (captured) {
                    captured.append(format.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level oldLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(handler);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);

        List<String> secrets = new ArrayList<>();
        List<Object[]> trusted = new ArrayList<>();
        try {
            RemotesFile file = RemotesFile.load(config);
            ClientIdentities identities = new ClientIdentities(config);
            ClientIdentity own = identities.own();
            String ownFingerprint = CertificateFingerprint.sha256(own.certificate());

            // Password on LXD, the way the wizard does it, then saved and opened.
            String password = TestBed.lxdTrustPassword();
            secrets.add(password);
            RemoteAddress lxd = RemoteAddress.parse(TestBed.httpsAddress(Daemon.LXD));
            try {
                Enrolment.enrol(lxd, ServerCertificateProbe.probe(lxd), own, new Enrolment.Password("x" + password));
            } catch (RuntimeException refused) {
                Logger.getLogger("test").log(Level.WARNING, "refused as expected", refused);
                captured.append(stackTrace(refused));
            }
            ServerCertificate lxdCert = ServerCertificateProbe.probe(lxd);
            trusted.add(new Object[] {Daemon.LXD, ownFingerprint});
            Enrolment.enrol(lxd, lxdCert, own, new Enrolment.Password(password));
            file.add(new RemoteConfig("lxd-pw", lxd.url(), RemoteConfig.Protocol.LXD, null, lxdCert.pem(),
                    lxdCert.fingerprint(), null));

            // Tokens on both daemons, each with a second identity so the first token enrolment is real.
            for (Daemon daemon : Daemon.values()) {
                ClientIdentity other = ClientCertificates.generate("hako-secrets@" + daemon);
                trusted.add(new Object[] {daemon, CertificateFingerprint.sha256(other.certificate())});
                try (LxdClient admin = TestBed.connect(daemon)) {
                    RemoteAccess.IssuedToken issued = new RemoteAccess(admin).issueToken(TestBed.uniqueName("sec"));
                    String encoded = issued.token().encoded();
                    secrets.add(encoded);
                    secrets.add(new ObjectMapper().readTree(Base64.getDecoder().decode(encoded)).path("secret")
                            .asText());
                    RemoteAddress address = RemoteAddress.parse(TestBed.httpsAddress(daemon));
                    ServerCertificate certificate = ServerCertificateProbe.probe(address);
                    if (daemon == Daemon.INCUS) {
                        // First the LXD address with this Incus token: refused before sending.
                        try {
                            Enrolment.enrol(lxd, lxdCert, other, new Enrolment.Token(TrustToken.decode(encoded)));
                        } catch (RuntimeException refused) {
                            Logger.getLogger("test").log(Level.WARNING, "refused as expected", refused);
                            captured.append(stackTrace(refused));
                        }
                    }
                    Enrolment.enrol(address, certificate, other, new Enrolment.Token(TrustToken.decode(encoded)));
                    Logger.getLogger("test").info("enrolled " + new Enrolment.Token(TrustToken.decode(encoded)));
                    file.add(new RemoteConfig("tok-" + daemon.name().toLowerCase(), address.url(),
                            RemoteConfig.Protocol.LXD, null, certificate.pem(), certificate.fingerprint(), null));
                }
            }
            // The saved remotes open and connect (what the app does at start).
            try (Workspace workspace = new Workspace(List.of())) {
                workspace.start();
                workspace.add(new RemoteModel("lxd-pw", RemoteEndpoints.of(file.find("lxd-pw").orElseThrow(),
                        identities)));
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!workspace.remote("lxd-pw").state().online() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(workspace.remote("lxd-pw").state().online()).isTrue();
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            root.removeHandler(handler);
            root.setLevel(oldLevel);
            for (Object[] entry : trusted) {
                try (LxdClient local = TestBed.connect((Daemon) entry[0])) {
                    local.certificates().delete((String) entry[1]);
                } catch (NotFoundException notTrusted) {
                    // that enrolment did not happen
                }
            }
        }

        String logs = captured + console.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("something was captured").isNotBlank();
        assertThat(secrets).hasSize(5).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
        List<Path> files;
        try (var walk = Files.walk(config)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(RemotesFile.FILE_NAME, RemotesFile.LOCK_FILE_NAME,
                        ClientIdentities.CERTIFICATE_FILE, ClientIdentities.KEY_FILE);
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
            for (Path f : files) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(secret);
            }
        }
        oldOut.println("secrets checked: " + secrets.size() + " in " + files.size() + " files and "
                + logs.length() + " characters of captured logs");
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
