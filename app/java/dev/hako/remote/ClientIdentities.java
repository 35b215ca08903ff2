package dev.hako.remote;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.ExplainedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client certificates remotes are reached with: Hako's own ({@code client.crt} and
 * {@code client.key}, mode 0600, in the config directory, made on first need with
 * {@code CN=user@host}), or a CLI's existing pair read where the CLI keeps it.
 */
public final class ClientIdentities {

    public static final String CERTIFICATE_FILE = "client.crt";
    public static final String KEY_FILE = "client.key";

    private final Path configDirectory;
    private final Map<Path, ClientIdentity> loaded = new ConcurrentHashMap<>();

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

    /** Hako's own certificate, made and saved the first time it is needed. */
    public synchronized ClientIdentity own() throws IOException {
        ClientIdentity known = loaded.get(configDirectory);
        if (known != null) {
            return known;
        }
        ClientIdentity identity;
        if (hasOwn()) {
            identity = ClientCertificates.load(configDirectory.resolve(CERTIFICATE_FILE),
                    configDirectory.resolve(KEY_FILE));
        } else {
            identity = ClientCertificates.generate(ClientCertificates.defaultCommonName());
            ClientCertificates.save(identity, configDirectory.resolve(CERTIFICATE_FILE),
                    configDirectory.resolve(KEY_FILE));
        }
        loaded.put(configDirectory, identity);
        return identity;
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
