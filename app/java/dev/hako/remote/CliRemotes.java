package dev.hako.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The remotes the {@code lxc} and {@code incus} command-line tools already know:
 * {@code config.yml} of {@code $LXD_CONF}, {@code ~/.config/lxc},
 * {@code ~/snap/lxd/common/config}, {@code $INCUS_CONF} and {@code ~/.config/incus},
 * with each remote's saved server certificate ({@code servercerts/<name>.crt}).
 * Imported remotes keep using that CLI's client certificate, which their servers
 * already trust; the key is read where it is, never copied.
 */
public final class CliRemotes {

    /** One CLI configuration directory and what it holds. */
    public record CliConfig(String cli, Path directory, String defaultRemote, List<CliRemote> remotes,
                            boolean hasClientCertificate) {
    }

    /**
     * One remote of a CLI. {@code serverCertificate} is the saved PEM (null when the
     * CLI saved none); {@code problem} says why it cannot be imported, or is null.
     */
    public record CliRemote(String cli, Path directory, String name, String address, String protocol, String project,
                            boolean isPublic, String serverCertificate, boolean isDefault, String problem) {

        public boolean importable() {
            return problem == null;
        }

        /**
         * The saved remote this becomes; only for importable ones. A {@code unix://}
         * remote becomes the socket of the matching local daemon found now.
         */
        public RemoteConfig toRemoteConfig(String asName, Map<String, String> env) {
            if (!importable()) {
                throw new IllegalStateException(name + " cannot be imported: " + problem);
            }
            RemoteConfig.Protocol kind = RemoteConfig.Protocol.fromCli(protocol);
            if (kind == RemoteConfig.Protocol.SIMPLESTREAMS) {
                return new RemoteConfig(asName, address, kind, null, null, null, null);
            }
            if (address.startsWith("unix:")) {
                String path = address.substring("unix:".length()).replaceFirst("^//", "");
                if (path.isBlank()) {
                    var expected = cli.equals("incus") ? dev.hako.lxd.ServerKind.INCUS : dev.hako.lxd.ServerKind.LXD;
                    path = LocalServers.discover(env).stream().filter(l -> l.expectedKind() == expected)
                            .map(l -> l.socket().toString()).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no local " + expected.displayName()
                                    + " socket found for " + name));
                }
                return new RemoteConfig(asName, "unix://" + path, kind, project, null, null, null);
            }
            ServerCertificate certificate = ServerCertificate.fromPem(serverCertificate);
            boolean ownPair = ClientIdentities.hasPair(directory);
            return new RemoteConfig(asName, RemoteAddress.parse(address).url(), kind, project, certificate.pem(),
                    certificate.fingerprint(), ownPair ? directory.toString() : null);
        }
    }

    private CliRemotes() {
    }

    /** Every CLI configuration directory that exists, in the order the CLIs themselves look. */
    public static List<CliConfig> discover(Map<String, String> env, Path home) {
        List<CliConfig> found = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        List<String[]> places = new ArrayList<>();
        if (notBlank(env.get("LXD_CONF"))) {
            places.add(new String[] {"lxc", env.get("LXD_CONF")});
        }
        places.add(new String[] {"lxc", home.resolve(".config/lxc").toString()});
        places.add(new String[] {"lxc", home.resolve("snap/lxd/common/config").toString()});
        if (notBlank(env.get("INCUS_CONF"))) {
            places.add(new String[] {"incus", env.get("INCUS_CONF")});
        }
        places.add(new String[] {"incus", home.resolve(".config/incus").toString()});
        for (String[] place : places) {
            Path directory = Path.of(place[1]).toAbsolutePath().normalize();
            if (seen.add(directory) && Files.isRegularFile(directory.resolve("config.yml"))) {
                try {
                    found.add(read(place[0], directory));
                } catch (IOException | RuntimeException e) {
                    found.add(new CliConfig(place[0], directory, null, List.of(new CliRemote(place[0], directory,
                            "config.yml", "", null, null, false, null, false,
                            "cannot read " + directory.resolve("config.yml") + ": " + e.getMessage())),
                            ClientIdentities.hasPair(directory)));
                }
            }
        }
        return found;
    }

    /** Reads one CLI configuration directory. */
    public static CliConfig read(String cli, Path directory) throws IOException {
        JsonNode config = RemotesFile.YAML.readTree(Files.readString(directory.resolve("config.yml"),
                StandardCharsets.UTF_8));
        String defaultRemote = config == null ? null : config.path("default-remote").asText(null);
        List<CliRemote> remotes = new ArrayList<>();
        if (config != null) {
            var fields = config.path("remotes").fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                remotes.add(remoteOf(cli, directory, entry.getKey(), entry.getValue(),
                        entry.getKey().equals(defaultRemote)));
            }
        }
        return new CliConfig(cli, directory, defaultRemote, remotes, ClientIdentities.hasPair(directory));
    }

    private static CliRemote remoteOf(String cli, Path directory, String name, JsonNode node, boolean isDefault) {
        String address = node.path("addr").asText("");
        String protocol = node.path("protocol").asText("");
        String project = node.path("project").asText(null);
        boolean isPublic = node.path("public").asBoolean(false);
        String authType = node.path("auth_type").asText("");
        String problem = null;
        String certificate = null;
        String lower = address.toLowerCase(Locale.ROOT);
        try {
            RemoteConfig.checkName(name);
            RemoteConfig.Protocol kind = RemoteConfig.Protocol.fromCli(protocol.isBlank() ? null : protocol);
            if (kind == RemoteConfig.Protocol.LXD) {
                if (lower.startsWith("unix:")) {
                    // the local daemon: no certificate involved
                } else if (!lower.startsWith("https://")) {
                    problem = "unsupported address " + address;
                } else if (!authType.isBlank() && !authType.equals("tls")) {
                    problem = "authentication " + authType + " is not supported (only TLS client certificates)";
                } else {
                    Path saved = directory.resolve("servercerts").resolve(name + ".crt");
                    if (Files.isRegularFile(saved)) {
                        certificate = Files.readString(saved, StandardCharsets.US_ASCII);
                        ServerCertificate.fromPem(certificate);
                        RemoteAddress.parse(address);
                    } else {
                        problem = "no saved server certificate (servercerts/" + name
                                + ".crt); add it with \"Add remote\" to review its certificate";
                    }
                }
            } else if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
                problem = "unsupported address " + address;
            }
        } catch (IOException | IllegalArgumentException e) {
            problem = e.getMessage();
        }
        return new CliRemote(cli, directory, name, address, protocol.isBlank() ? "lxd" : protocol, project, isPublic,
                certificate, isDefault, problem);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
