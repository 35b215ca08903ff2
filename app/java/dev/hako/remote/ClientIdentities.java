package dev.hako.remote;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.ExplainedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The client certificates remotes are reached with: Hako's own ({@code client.crt} and
 * {@code client.key}, mode 0600, in the config directory, made on first need with
 * {@code CN=user@host}), or a CLI's existing pair read where the CLI keeps it.
 */
public final class ClientIdentities {

    public static final String CERTIFICATE_FILE = "client.crt";
    public static final String KEY_FILE = "client.key";

    private final Path configDirectory;
    private static final Logger LOG = Logger.getLogger(ClientIdentities.class.getName());

    private final Map<Path, ClientIdentity> loaded = new ConcurrentHashMap<>();
    private final List<FileFinding> findings = new CopyOnWriteArrayList<>();
    private String damage;

    public ClientIdentities(Path configDirectory) {
        this.configDirectory = configDirectory;
    }

    public Path configDirectory() {
        return configDirectory;
    }

    /** Whether Hako has made its own certificate yet. */
    public boolean hasOwn() {
        return hasPair(configDirectory);
    }

    /**
     * Hako's own certificate, made and saved the first time it is needed. A key others can
     * read is set back to 0600; a pair that is half missing or cannot be read is kept aside
     * ({@code client.key.damaged-<time>}) and a new one made. {@link #findings()} says so.
     */
    public synchronized ClientIdentity own() throws IOException {
        ClientIdentity known = loaded.get(configDirectory);
        if (known != null) {
            return known;
        }
        ClientIdentity identity = hasOwn() ? loadOwn() : null;
        if (identity == null) {
            keepAsideWhatIsLeft(configDirectory.resolve(CERTIFICATE_FILE), configDirectory.resolve(KEY_FILE));
            identity = ClientCertificates.generate(ClientCertificates.defaultCommonName());
            ClientCertificates.save(identity, configDirectory.resolve(CERTIFICATE_FILE),
                    configDirectory.resolve(KEY_FILE));
        }
        loaded.put(configDirectory, identity);
        return identity;
    }

    /**
     * Reads Hako's own pair now if there is one (or half of one), so that a damaged or exposed
     * key is found at start rather than at the first connection; returns what was found.
     */
    public List<FileFinding> checkOwn() throws IOException {
        if (Files.exists(configDirectory.resolve(CERTIFICATE_FILE), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(configDirectory.resolve(KEY_FILE), LinkOption.NOFOLLOW_LINKS)) {
            own();
        }
        return findings();
    }

    /** What was wrong with Hako's own certificate and key when they were read (empty when nothing was). */
    public List<FileFinding> findings() {
        return List.copyOf(findings);
    }

    /** Hako's own pair, or null when it cannot be read (then it is reported; the caller keeps it aside). */
    private ClientIdentity loadOwn() throws IOException {
        Path key = configDirectory.resolve(KEY_FILE);
        tightenPermissions(key);
        try {
            return ClientCertificates.load(configDirectory.resolve(CERTIFICATE_FILE), key);
        } catch (IOException | RuntimeException unreadable) {
            damage = DamagedFile.describe(unreadable);
            return null;
        }
    }

    private void tightenPermissions(Path key) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(key);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        if (!ownerOnly.containsAll(permissions) || !permissions.contains(PosixFilePermission.OWNER_READ)) {
            Files.setPosixFilePermissions(key, ownerOnly);
            FileFinding finding = new FileFinding(FileFinding.Kind.CLIENT_KEY_PERMISSIONS, key, null,
                    "was " + PosixFilePermissions.toString(permissions) + ", now rw-------");
            findings.add(finding);
            LOG.warning(key + " could be read by others (" + finding.detail() + ")");
        }
    }

    /** Keeps a half pair or an unreadable pair aside before a new one is made in its place. */
    private void keepAsideWhatIsLeft(Path certificate, Path key) throws IOException {
        boolean hasCertificate = Files.exists(certificate, LinkOption.NOFOLLOW_LINKS);
        boolean hasKey = Files.exists(key, LinkOption.NOFOLLOW_LINKS);
        if (!hasCertificate && !hasKey) {
            return; // the first run: nothing to keep
        }
        String why = damage != null ? damage : hasKey ? "client.crt is missing" : "client.key is missing";
        Path kept = null;
        if (hasKey) {
            kept = DamagedFile.moveAside(key);
            try {
                // A key kept aside may still be a real key: only its owner may read it.
                Files.setPosixFilePermissions(kept, EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                LOG.fine("no POSIX permissions for " + kept);
            }
        }
        if (hasCertificate) {
            Path keptCertificate = DamagedFile.moveAside(certificate);
            kept = kept == null ? keptCertificate : kept;
        }
        findings.add(new FileFinding(FileFinding.Kind.CLIENT_KEY_DAMAGED, hasKey ? key : certificate, kept, why));
        LOG.warning("Hako's client certificate was damaged (" + why + "); kept as " + kept + ", a new one is made");
        damage = null;
    }

    /** The certificate a remote presents: a CLI's pair when it names one, else Hako's own. */
    public ClientIdentity of(RemoteConfig remote) throws IOException {
        return remote.clientCertificate() == null ? own() : fromDirectory(Path.of(remote.clientCertificate()));
    }

    /** A CLI's {@code client.crt} / {@code client.key}, read in place (never copied). */
    public ClientIdentity fromDirectory(Path directory) throws IOException {
        ClientIdentity known = loaded.get(directory);
        if (known != null) {
            return known;
        }
        if (!hasPair(directory)) {
            throw new ExplainedException("no client.crt and client.key in " + directory,
                    "remotes.problem.noClientPair", directory);
        }
        ClientIdentity identity = ClientCertificates.load(directory.resolve(CERTIFICATE_FILE),
                directory.resolve(KEY_FILE));
        loaded.put(directory, identity);
        return identity;
    }

    public static boolean hasPair(Path directory) {
        return Files.isRegularFile(directory.resolve(CERTIFICATE_FILE)) && Files.isRegularFile(directory.resolve(KEY_FILE));
    }

    /** The subject's common name and fingerprint, for showing which certificate is meant. */
    public static String describe(ClientIdentity identity) {
        String subject = identity.certificate().getSubjectX500Principal().getName();
        String cn = subject;
        for (String part : subject.split(",")) {
            if (part.strip().startsWith("CN=")) {
                cn = part.strip().substring(3);
            }
        }
        return cn + " (" + CertificateFingerprint.sha256(identity.certificate()).substring(0, 12) + "…)";
    }
}
