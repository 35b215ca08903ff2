package dev.hako.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.ExplainedException;
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
     * CLI saved none); {@code whyNot} says why it cannot be imported, or is null.
     */
    public record CliRemote(String cli, Path directory, String name, String address, String protocol, String project,
                            boolean isPublic, String serverCertificate, boolean isDefault,
                            ExplainedArgumentException whyNot) {

        public boolean importable() {
            return whyNot == null;
        }

        /** Why it cannot be imported, in English (for logs), or null. */
        public String problem() {
            return whyNot == null ? null : whyNot.getMessage();
        }

        /**
         * The saved remote this becomes; only for importable ones. A {@code unix://}
         * remote becomes the socket of the matching local daemon found now.
         */
        public RemoteConfig toRemoteConfig(String asName, Map<String, String> env) {
            if (!importable()) {
                throw new ExplainedArgumentException(name + " cannot be imported: " + problem(), whyNot,
                        whyNot.messageKey(), whyNot.messageArguments().toArray());
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
                            .orElseThrow(() -> new ExplainedException("no local " + expected.displayName()
                                    + " socket found for " + name, "remotes.problem.noLocalSocket",
                                    expected.displayName(), name));
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
                    Path file = directory.resolve("config.yml");
                    found.add(new CliConfig(place[0], directory, null, List.of(new CliRemote(place[0], directory,
                            "config.yml", "", null, null, false, null, false, new ExplainedArgumentException(
                            "cannot read " + file + ": " + e.getMessage(), e, "remotes.problem.cliFileUnreadable",
                            file, detail(e)))), ClientIdentities.hasPair(directory)));
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
        ExplainedArgumentException problem = null;
        String certificate = null;
        String lower = address.toLowerCase(Locale.ROOT);
        try {
            RemoteConfig.checkName(name);
            RemoteConfig.Protocol kind = RemoteConfig.Protocol.fromCli(protocol.isBlank() ? null : protocol);
            if (kind == RemoteConfig.Protocol.LXD) {
                if (lower.startsWith("unix:")) {
                    // the local daemon: no certificate involved
                } else if (!lower.startsWith("https://")) {
                    problem = unsupportedAddress(address);
                } else if (!authType.isBlank() && !authType.equals("tls")) {
                    problem = new ExplainedArgumentException("authentication " + authType
                            + " is not supported (only TLS client certificates)", "remotes.problem.authType", authType);
                } else {
                    Path saved = directory.resolve("servercerts").resolve(name + ".crt");
                    if (Files.isRegularFile(saved)) {
                        certificate = Files.readString(saved, StandardCharsets.US_ASCII);
                        ServerCertificate.fromPem(certificate);
                        RemoteAddress.parse(address);
                    } else {
                        problem = new ExplainedArgumentException("no saved server certificate (servercerts/" + name
                                + ".crt); add it with \"Add remote\" to review its certificate",
                                "remotes.problem.noSavedCertificate", "servercerts/" + name + ".crt");
                    }
                }
            } else if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
                problem = unsupportedAddress(address);
            }
        } catch (ExplainedArgumentException e) {
            problem = e;
        } catch (IOException | IllegalArgumentException e) {
            problem = new ExplainedArgumentException("cannot read the files of " + name + ": " + e.getMessage(), e,
                    "remotes.problem.cliFileUnreadable", directory, detail(e));
        }
        return new CliRemote(cli, directory, name, address, protocol.isBlank() ? "lxd" : protocol, project, isPublic,
                certificate, isDefault, problem);
    }

    private static ExplainedArgumentException unsupportedAddress(String address) {
        return new ExplainedArgumentException("unsupported address " + address, "remotes.problem.unsupportedAddress",
                address);
    }

    /** The operating system's or parser's own words, kept verbatim as an argument. */
    private static String detail(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
