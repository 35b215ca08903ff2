package dev.hako.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.LxdClient;
import dev.hako.remote.AddRemote;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.ConfigDirectory;
import dev.hako.remote.DataDirectory;
import dev.hako.remote.Enrolment;
import dev.hako.remote.RemoteAccess;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.remote.TrustToken;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.UiSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8, "Secrets and permissions", run after the other scenarios (run-faults.sh runs it
 * last): Hako enrols with the LXD test bed's trust password and an Incus trust token as the
 * add-remote wizard does; then every file Hako and the tests wrote (the fault scenarios' config
 * and data directories, the UI tests' config directories, the user's config and data
 * directories, the test logs) is searched for the password, the tokens and any other trust or
 * join token; every client key must be 0600 and no file or directory Hako writes world-writable.
 */
class FaultSecretsIT {

    /** Base64 runs long enough to be a token; decoded, a token is JSON with a "secret". */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{80,}={0,2}");
    /** A PEM private key: the armour line followed by key material (not a parser's message naming the armour). */
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----\\s*[A-Za-z0-9+/=]{40,}");
    private static final long MAX_FILE = 64L * 1024 * 1024;
    private static final int MAX_FILES = 200_000;

    @Test
    void noPasswordOrTokenInHakosFilesOrLogsAndKeysStayPrivate() throws Exception {
        Path config = FaultReport.workDirectory("secrets-config");
        RemotesFile remotes = RemotesFile.load(config);
        ClientIdentities identities = new ClientIdentities(config);
        AddRemote add = new AddRemote(remotes, identities);
        new UiSettings(config).setDarkTheme(true);
        Set<String> secrets = new LinkedHashSet<>();
        String password = TestBed.lxdTrustPassword();
        secrets.add(password);

        RemoteAddress lxd = RemoteAddress.parse(TestBed.httpsAddress(Daemon.LXD));
        ServerCertificate lxdCertificate = ServerCertificateProbe.probe(lxd);
        RemoteAddress incus = RemoteAddress.parse(TestBed.httpsAddress(Daemon.INCUS));
        ServerCertificate incusCertificate = ServerCertificateProbe.probe(incus);
        String fingerprint = null;
        try (LxdClient incusLocal = TestBed.connect(Daemon.INCUS)) {
            add.add(new AddRemote.Request(TestBed.uniqueName("secret-lxd"), lxd, lxdCertificate, null,
                    new Enrolment.Password(password)));
            RemoteAccess.IssuedToken issued = new RemoteAccess(incusLocal).issueToken(TestBed.uniqueName("secret"));
            TrustToken token = TrustToken.decode(issued.token().encoded());
            secrets.add(token.encoded());
            secrets.add(dev.hako.remote.TokenCodec.decode(token.encoded(),
                    dev.hako.remote.TokenCodec.Purpose.TRUST).secret());
            add.add(new AddRemote.Request(TestBed.uniqueName("secret-incus"), incus, incusCertificate, null,
                    new Enrolment.Token(token)));
            fingerprint = CertificateFingerprint.sha256(identities.own().certificate());
            assertThat(remotes.remotes()).hasSize(2);
        } finally {
            untrust(fingerprint);
        }

        // The search finds what it looks for: a planted password, token and loose key are all reported.
        Path canary = Files.createTempDirectory("faults-canary");
        Files.writeString(canary.resolve("leak.log"), "password=" + password + " token " + secrets.stream()
                .skip(1).findFirst().orElseThrow());
        Files.writeString(canary.resolve(ClientIdentities.KEY_FILE), "key");
        Files.writeString(canary.resolve("app.log"),
                "oops " + Files.readString(config.resolve(ClientIdentities.KEY_FILE)));
        Files.setPosixFilePermissions(canary.resolve(ClientIdentities.KEY_FILE),
                PosixFilePermissions.fromString("rw-rw-rw-"));
        List<String> planted = new ArrayList<>();
        scan(canary, secrets, planted, new int[2]);
        assertThat(String.join("\n", planted)).contains("holds a secret", "holds a trust or join token",
                "a client key with mode", "world-writable", "holds a private key outside client.key");
        try (Stream<Path> left = Files.list(canary)) {
            for (Path file : left.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(canary);

        long start = System.nanoTime();
        List<Path> roots = new ArrayList<>(List.of(FaultReport.ROOT, Path.of("target", "surefire-reports"),
                Path.of("target", "failsafe-reports"), ConfigDirectory.resolve(System.getenv()),
                DataDirectory.resolve(System.getenv())));
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            tmp.filter(p -> p.getFileName().toString().matches("hako-(ui|config|data).*")).forEach(roots::add);
        }
        List<String> problems = new ArrayList<>();
        int[] counts = new int[2];
        for (Path root : roots) {
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                scan(root, secrets, problems, counts);
            }
        }
        long took = FaultReport.millisSince(start);
        assertThat(counts[1]).as("client keys found (ours at least)").isGreaterThanOrEqualTo(1);
        assertThat(problems).as("secrets or loose permissions in " + roots).isEmpty();
        FaultReport.record(8, getClass(), "noPasswordOrTokenInHakosFilesOrLogsAndKeysStayPrivate", took,
                counts[0] + " files in " + roots.size() + " roots searched for the trust password, 1 trust token "
                + "and any base64 token; " + counts[1] + " client keys 0600; none world-writable");
    }

    private static void untrust(String fingerprint) {
        if (fingerprint == null) {
            return;
        }
        for (Daemon daemon : List.of(Daemon.LXD, Daemon.INCUS)) {
            try (LxdClient client = TestBed.connect(daemon)) {
                client.certificates().delete(fingerprint);
            } catch (RuntimeException notTrusted) {
                // Nothing to take back on this one.
            }
        }
    }

    private static void scan(Path root, Set<String> secrets, List<String> problems, int[] counts) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.limit(MAX_FILES).toList();
        }
        for (Path path : files) {
            Set<PosixFilePermission> permissions;
            try {
                permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                continue;
            }
            if (Files.isSymbolicLink(path)) {
                continue;
            }
            if (permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                problems.add(path + " is world-writable (" + PosixFilePermissions.toString(permissions) + ")");
            }
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.size(path) > MAX_FILE) {
                continue;
            }
            counts[0]++;
            String name = path.getFileName().toString();
            boolean isKey = name.startsWith(ClientIdentities.KEY_FILE);
            if (isKey) {
                counts[1]++;
                if (!PosixFilePermissions.toString(permissions).equals("rw-------")
                        && !PosixFilePermissions.toString(permissions).equals("r--------")) {
                    problems.add(path + " is a client key with mode " + PosixFilePermissions.toString(permissions));
                }
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    problems.add(path + " holds a secret used by the tests (" + secret.substring(0, 4) + "…)");
                }
            }
            if (!isKey && PRIVATE_KEY.matcher(text).find()) {
                problems.add(path + " holds a private key outside client.key");
            }
            Matcher run = BASE64_RUN.matcher(text);
            while (run.find()) {
                if (isToken(run.group())) {
                    problems.add(path + " holds a trust or join token (" + run.group().substring(0, 8) + "…)");
                }
            }
        }
    }

    /** Trust and join tokens are base64 of JSON with a "secret" field. */
    static boolean isToken(String candidate) {
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                String json = new String(decoder.decode(candidate.replaceAll("=+$", "")), StandardCharsets.UTF_8);
                if (json.contains("\"secret\"")) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // Try the other alphabet.
            }
        }
        return false;
    }
}
