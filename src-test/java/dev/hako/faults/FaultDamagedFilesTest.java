package dev.hako.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.CertificateFingerprint;
import dev.hako.remote.ClientCertificates;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.FileFinding;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import dev.hako.ui.common.DamagedFilesNotice;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.UiSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Scenario 5, "Hako's own files damaged": a remotes file that cannot be read, is cut short
 * or holds the wrong types, a client key missing, unreadable or readable by others, a
 * corrupt settings file. Each time Hako starts (the files load), says what it found, keeps
 * the damaged file aside as {@code <name>.damaged-<time>} and loses nothing else.
 */
class FaultDamagedFilesTest {

    private Path config;
    private String test;

    @BeforeEach
    void workDirectory(TestInfo info) throws Exception {
        test = info.getTestMethod().orElseThrow().getName();
        config = FaultReport.workDirectory("damaged-" + test);
    }

    private static RemoteConfig server(String name, String address) {
        ServerCertificate certificate = ServerCertificate.of(ClientCertificates.generate(name).certificate());
        return new RemoteConfig(name, address, RemoteConfig.Protocol.LXD, null, certificate.pem(),
                certificate.fingerprint(), null);
    }

    private static final List<RemoteConfig> SAVED = List.of(
            server("alpha", "https://127.0.0.1:8443"),
            new RemoteConfig("images", "https://images.example.org", RemoteConfig.Protocol.SIMPLESTREAMS, null, null,
                    null, null),
            server("beta", "https://[::1]:8444"),
            new RemoteConfig("sock", "unix:///var/snap/lxd/common/lxd/unix.socket", RemoteConfig.Protocol.LXD,
                    "web", null, null, null),
            server("gamma", "https://127.0.0.2:8445"));

    /** A whole remotes file, as Hako writes it, and the other files of the config directory. */
    private String savedRemotesText(Path directory) throws Exception {
        RemotesFile file = RemotesFile.load(directory);
        for (RemoteConfig remote : SAVED) {
            file.add(remote);
        }
        file.setDefault("beta");
        return Files.readString(directory.resolve(RemotesFile.FILE_NAME));
    }

    /** The other files, whose bytes must not change: settings and the client pair. */
    private Map<String, byte[]> otherFiles(Path directory) throws Exception {
        new UiSettings(directory).setDarkTheme(true);
        new ClientIdentities(directory).own();
        return Map.of("ui.properties", Files.readAllBytes(directory.resolve("ui.properties")),
                ClientIdentities.KEY_FILE, Files.readAllBytes(directory.resolve(ClientIdentities.KEY_FILE)),
                ClientIdentities.CERTIFICATE_FILE, Files.readAllBytes(directory.resolve(ClientIdentities.CERTIFICATE_FILE)));
    }

    private static void assertUnchanged(Path directory, Map<String, byte[]> files) throws Exception {
        for (var entry : files.entrySet()) {
            assertThat(Files.readAllBytes(directory.resolve(entry.getKey()))).as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    private static List<Path> kept(Path directory, String name) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + ".damaged-")).toList();
        }
    }

    @Test
    void remotesFileThatCannotBeReadIsKeptAsideAndHakoStartsWithoutIt() throws Exception {
        Map<String, byte[]> others = otherFiles(config);
        // Root reads any file whatever its mode, so "unreadable" is made the way root meets it: a directory
        // stands where the file should be (as after a bad restore); a 000 file is the same path for other users.
        Path remotes = config.resolve(RemotesFile.FILE_NAME);
        Files.createDirectories(remotes);
        Files.writeString(remotes.resolve("inside.txt"), "keep me");

        long start = System.nanoTime();
        RemotesFile file = RemotesFile.load(config);
        long recovered = FaultReport.millisSince(start);

        assertThat(file.remotes()).isEmpty();
        assertThat(file.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FileFinding.Kind.REMOTES_UNREADABLE);
            assertThat(f.keptAs()).isEqualTo(kept(config, RemotesFile.FILE_NAME).get(0));
            assertThat(Files.readString(f.keptAs().resolve("inside.txt"))).isEqualTo("keep me");
        });
        // Hako goes on working: a new remote is saved in a proper file.
        file.add(SAVED.get(0));
        assertThat(RemotesFile.load(config).remotes()).containsExactly(SAVED.get(0));
        assertThat(RemotesFile.load(config).findings()).isEmpty();
        assertUnchanged(config, others);
        FaultReport.record(5, getClass(), test, recovered, "remotes.yml as a directory: kept aside with its content; "
                + "settings, client.crt, client.key byte-identical; new remote saved and read back");
    }

    @Test
    void remotesFileCutShortAnywhereKeepsEveryWholeRemoteAndNoWrongOne() throws Exception {
        Path template = FaultReport.workDirectory("damaged-template");
        String text = savedRemotesText(template);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Where each remote's entry ends: the start of the next entry, or the end of the file.
        List<Integer> entryEnds = new ArrayList<>();
        int from = text.indexOf("\n- ");
        while (from >= 0) {
            int next = text.indexOf("\n- ", from + 1);
            entryEnds.add(next < 0 ? bytes.length : next + 1);
            from = next;
        }
        assertThat(entryEnds).hasSize(SAVED.size());

        int cuts = 0;
        long slowest = 0;
        int step = Integer.getInteger("hako.faults.cutStep", 7);
        for (int cut = 0; cut < bytes.length; cut += step) {
            Path directory = FaultReport.workDirectory("damaged-cut");
            Files.write(directory.resolve(RemotesFile.FILE_NAME), Arrays.copyOf(bytes, cut));
            long start = System.nanoTime();
            RemotesFile file = RemotesFile.load(directory);
            slowest = Math.max(slowest, FaultReport.millisSince(start));
            cuts++;
            int length = cut;
            int whole = (int) entryEnds.stream().filter(end -> end <= length).count();
            String at = "cut at byte " + cut;
            for (int i = 0; i < whole; i++) {
                assertThat(file.find(SAVED.get(i).name())).as(at).contains(SAVED.get(i));
            }
            for (RemoteConfig remote : file.remotes()) {
                RemoteConfig original = SAVED.stream().filter(r -> r.name().equals(remote.name())).findFirst()
                        .orElseThrow(() -> new AssertionError(at + ": a remote that was never saved: " + remote));
                if (!remote.equals(original)) {
                    // Only a remote cut before its pinned certificate may be kept, and it cannot connect: the
                    // window says it has no pinned certificate and asks to add it again. Never a wrong pin.
                    assertThat(remote.fingerprint()).as(at).isNull();
                    assertThat(remote.serverCertificate()).as(at).isNull();
                    assertThat(remote.address()).as(at).isEqualTo(original.address());
                }
            }
            if (!file.findings().isEmpty()) {
                FileFinding finding = file.findings().get(0);
                Path copy = finding.keptAs();
                assertThat(copy).as(at).isNotNull();
                assertThat(Files.readAllBytes(copy)).as(at + ": the kept copy is the damaged file")
                        .isEqualTo(Arrays.copyOf(bytes, cut));
            }
            // What was kept is stable: read again, it is the same and nothing more is reported.
            RemotesFile again = RemotesFile.load(directory);
            assertThat(again.remotes()).as(at).isEqualTo(file.remotes());
            assertThat(again.findings()).as(at).isEmpty();
        }
        FaultReport.record(5, getClass(), test, slowest, cuts + " cuts of a " + bytes.length + "-byte remotes.yml "
                + "(5 remotes): every whole remote kept, none altered, damaged copy byte-identical (slowest load)");
    }

    @Test
    void remotesFileWithWrongTypesKeepsTheGoodEntries() throws Exception {
        Map<String, byte[]> others = otherFiles(config);
        RemoteConfig good = SAVED.get(0);
        String goodYaml = RemotesFileText.entry(good);
        List<String> damaged = List.of(
                "remotes: hello\n",
                "- just\n- a list\n",
                "default: {a: 1}\nremotes:\n" + goodYaml,
                "remotes:\n- name: [1, 2]\n  address: https://h:1\n" + goodYaml,
                "remotes:\n- name: x\n  address: https://h:1\n  protocol: ftp\n" + goodYaml,
                "remotes:\n- 42\n" + goodYaml,
                "\u0000\u0001\u00ff binary \u0007 garbage\n",
                "",
                "remotes: [ {name: a, address: \n");
        long slowest = 0;
        for (String text : damaged) {
            Files.writeString(config.resolve(RemotesFile.FILE_NAME), text);
            long start = System.nanoTime();
            RemotesFile file = RemotesFile.load(config);
            slowest = Math.max(slowest, FaultReport.millisSince(start));
            assertThat(file.findings()).as(text).hasSize(1);
            assertThat(file.remotes()).as(text).isSubsetOf(List.of(good));
            if (text.contains(goodYaml)) {
                assertThat(file.remotes()).as(text).containsExactly(good);
            }
            assertThat(Files.readString(file.findings().get(0).keptAs())).as(text).isEqualTo(text);
            assertThat(RemotesFile.load(config).findings()).as(text).isEmpty();
            Files.deleteIfExists(config.resolve(RemotesFile.FILE_NAME));
        }
        assertThat(kept(config, RemotesFile.FILE_NAME)).hasSize(damaged.size());
        assertUnchanged(config, others);
        FaultReport.record(5, getClass(), test, slowest, damaged.size() + " damaged remotes.yml (wrong types, "
                + "binary, empty, bad YAML): good entries kept, each file kept aside, other files byte-identical");
    }

    @Test
    void clientKeyMissingOrUnreadableIsKeptAsideAndReplaced() throws Exception {
        Map<String, byte[]> others = otherFiles(config);
        Path key = config.resolve(ClientIdentities.KEY_FILE);
        Path certificate = config.resolve(ClientIdentities.CERTIFICATE_FILE);
        byte[] oldCertificate = Files.readAllBytes(certificate);
        Files.delete(key);

        long start = System.nanoTime();
        ClientIdentities identities = new ClientIdentities(config);
        List<FileFinding> found = identities.checkOwn();
        long recovered = FaultReport.millisSince(start);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FileFinding.Kind.CLIENT_KEY_DAMAGED);
            assertThat(Files.readAllBytes(f.keptAs())).isEqualTo(oldCertificate);
        });
        assertThat(ClientIdentities.hasPair(config)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        // A key that is not a key: kept aside, a new pair made.
        byte[] garbage = "-----BEGIN EC PRIVATE KEY-----\nnot a key\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(key, garbage);
        ClientIdentities again = new ClientIdentities(config);
        assertThat(again.checkOwn()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FileFinding.Kind.CLIENT_KEY_DAMAGED);
            assertThat(Files.readAllBytes(f.keptAs())).isEqualTo(garbage);
        });
        ClientIdentity fresh = again.own();
        assertThat(new ClientIdentities(config).own().certificate()).isEqualTo(fresh.certificate());
        assertThat(Files.readAllBytes(config.resolve("ui.properties"))).isEqualTo(others.get("ui.properties"));
        FaultReport.record(5, getClass(), test, recovered, "client.key missing, then garbage: old files kept aside "
                + "byte-identical, new pair 0600 that loads back; settings byte-identical");
    }

    @Test
    void clientKeyReadableByOthersIsSetBackTo0600() throws Exception {
        otherFiles(config);
        Path key = config.resolve(ClientIdentities.KEY_FILE);
        String fingerprint = CertificateFingerprint.sha256(new ClientIdentities(config).own().certificate());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--rw-"));

        long start = System.nanoTime();
        ClientIdentities identities = new ClientIdentities(config);
        List<FileFinding> found = identities.checkOwn();
        long recovered = FaultReport.millisSince(start);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FileFinding.Kind.CLIENT_KEY_PERMISSIONS);
            assertThat(f.detail()).contains("rw-r--rw-");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        // The same certificate: servers that trust it still do.
        assertThat(CertificateFingerprint.sha256(identities.own().certificate())).isEqualTo(fingerprint);
        assertThat(kept(config, ClientIdentities.KEY_FILE)).isEmpty();
        FaultReport.record(5, getClass(), test, recovered, "client.key rw-r--rw-: set to rw-------, same "
                + "certificate fingerprint, nothing moved");
    }

    @Test
    void corruptSettingsFileIsKeptAsideAndDefaultsUsed() throws Exception {
        Path template = FaultReport.workDirectory("damaged-settings-remotes");
        savedRemotesText(template);
        Files.copy(template.resolve(RemotesFile.FILE_NAME), config.resolve(RemotesFile.FILE_NAME));
        new ClientIdentities(config).own();
        byte[] key = Files.readAllBytes(config.resolve(ClientIdentities.KEY_FILE));
        List<byte[]> corrupt = List.of(
                "theme.dark=true\nlanguage=\\u00zz\n".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0, 0, 0, 0, 't', 'h', 'e', 'm', 'e', 0x1b, 0x7f},
                "theme.dark=true\noperations.height=\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1));
        long slowest = 0;
        for (byte[] bytes : corrupt) {
            Files.write(config.resolve("ui.properties"), bytes);
            long start = System.nanoTime();
            UiSettings settings = new UiSettings(config);
            slowest = Math.max(slowest, FaultReport.millisSince(start));
            FileFinding finding = settings.finding().orElseThrow();
            assertThat(finding.kind()).isEqualTo(FileFinding.Kind.SETTINGS_DAMAGED);
            assertThat(Files.readAllBytes(finding.keptAs())).isEqualTo(bytes);
            assertThat(settings.darkTheme()).isFalse();
            settings.setDarkTheme(true);
            UiSettings again = new UiSettings(config);
            assertThat(again.finding()).isEmpty();
            assertThat(again.darkTheme()).isTrue();
        }
        // A directory where the file should be (unreadable, even for root): kept aside too.
        Files.delete(config.resolve("ui.properties"));
        Files.createDirectories(config.resolve("ui.properties"));
        UiSettings settings = new UiSettings(config);
        assertThat(settings.finding()).isPresent();
        assertThat(Files.isDirectory(settings.finding().get().keptAs())).isTrue();
        settings.setDarkTheme(true);
        assertThat(new UiSettings(config).darkTheme()).isTrue();

        assertThat(kept(config, "ui.properties")).hasSize(corrupt.size() + 1);
        assertThat(RemotesFile.load(config).remotes()).isEqualTo(SAVED);
        assertThat(Files.readAllBytes(config.resolve(ClientIdentities.KEY_FILE))).isEqualTo(key);
        FaultReport.record(5, getClass(), test, slowest, corrupt.size() + 1 + " corrupt ui.properties (bad escape, "
                + "binary, NULs, a directory): kept aside byte-identical, defaults, saving works; 5 remotes and key intact");
    }

    @Test
    void theWindowSaysWhatWasFoundInBothLanguages() throws Exception {
        Path file = config.resolve(RemotesFile.FILE_NAME);
        Path keptAs = config.resolve("remotes.yml.damaged-20260101-120000");
        List<FileFinding> findings = List.of(
                new FileFinding(FileFinding.Kind.REMOTES_UNREADABLE, file, keptAs, "not YAML"),
                new FileFinding(FileFinding.Kind.REMOTES_PARTLY_READ, file, null, "remote x dropped"),
                new FileFinding(FileFinding.Kind.CLIENT_KEY_DAMAGED, config.resolve("client.key"), keptAs, "missing"),
                new FileFinding(FileFinding.Kind.CLIENT_KEY_PERMISSIONS, config.resolve("client.key"), null, "rw-r--r--"),
                new FileFinding(FileFinding.Kind.SETTINGS_DAMAGED, config.resolve("ui.properties"), keptAs, "binary"));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            I18n i18n = new I18n(locale);
            String text = DamagedFilesNotice.text(i18n, findings);
            assertThat(text.split("\n\n")).hasSize(findings.size());
            assertThat(text).contains(file.toString(), keptAs.toString(), "not YAML", "remote x dropped", "rw-r--r--",
                    i18n.get("startup.damaged.leftInPlace")).doesNotContain("{0}", "{1}", "{2}", "''");
            assertThat(DamagedFilesNotice.blocked(i18n, file, "why")).contains(file.toString(), "why");
        }
        assertThat(DamagedFilesNotice.text(new I18n(Locale.JAPANESE), findings)).contains("保管先");
        FaultReport.record(5, getClass(), test, -1, "notice text for all 5 kinds in en and ja: paths, kept copies "
                + "and details shown, no placeholders left");
    }
}
