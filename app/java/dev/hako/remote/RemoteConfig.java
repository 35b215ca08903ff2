package dev.hako.remote;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hako.lxd.ExplainedException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One saved remote, as written to {@code remotes.yml}. Only public facts are kept:
 * the address, the pinned server certificate and its fingerprint, the protocol, the
 * project and which client certificate to present. Never a password or a token.
 *
 * @param address           {@code https://host:port}, {@code unix://} (the local daemon found the CLI's way)
 *                          or {@code unix:///path/to/unix.socket}
 * @param serverCertificate the pinned server certificate (PEM), for {@code lxd} remotes over HTTPS
 * @param fingerprint       SHA-256 of that certificate (lower-case hex), checked on every connection
 * @param clientCertificate a directory holding {@code client.crt} and {@code client.key} (a CLI's
 *                          configuration directory), or null for Hako's own certificate
 */
public record RemoteConfig(
        String name,
        String address,
        Protocol protocol,
        String project,
        @JsonProperty("server_certificate") String serverCertificate,
        String fingerprint,
        @JsonProperty("client_certificate") String clientCertificate) {

    private static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");

    /** What the server speaks: the LXD/Incus API, or only publishes images. */
    public enum Protocol {
        @JsonProperty("lxd") LXD,
        @JsonProperty("simplestreams") SIMPLESTREAMS;

        /** The CLIs' {@code protocol:} value ({@code lxd}, {@code incus}, {@code simplestreams}, empty). */
        public static Protocol fromCli(String value) {
            if (value == null || value.isBlank() || value.equals("lxd") || value.equals("incus")) {
                return LXD;
            }
            if (value.equals("simplestreams")) {
                return SIMPLESTREAMS;
            }
            throw new ExplainedArgumentException("protocol " + value + " is not supported",
                    "remotes.problem.protocol", value);
        }
    }

    public RemoteConfig {
        checkName(name);
        if (address == null || address.isBlank()) {
            throw new ExplainedArgumentException("remote " + name + " has no address", "remotes.problem.noAddress",
                    name);
        }
        if (protocol == null) {
            protocol = Protocol.LXD;
        }
        if (fingerprint != null) {
            fingerprint = fingerprint.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
        }
        if (project != null && project.isBlank()) {
            project = null;
        }
    }

    /** Remote names: letters, digits, '.', '_' and '-', starting with a letter or digit (no ':' or '/'). */
    public static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new ExplainedArgumentException("a remote needs a name", "remotes.problem.noName");
        }
        if (!VALID_NAME.matcher(name).matches()) {
            throw new ExplainedArgumentException("\"" + name + "\" is not a valid remote name: use letters, digits, "
                    + "'.', '_' and '-'", "remotes.add.badName", name);
        }
    }

    @JsonIgnore
    public boolean isLocal() {
        return address.startsWith("unix:");
    }

    @JsonIgnore
    public boolean imageOnly() {
        return protocol == Protocol.SIMPLESTREAMS;
    }

    /** The HTTPS address of an {@code https://} remote. */
    public RemoteAddress httpsAddress() {
        if (!address.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new ExplainedException(name + " is not reached over HTTPS: " + address,
                    "remotes.problem.notHttpsRemote", name, address);
        }
        return RemoteAddress.parse(address);
    }

    public RemoteConfig withName(String newName) {
        return new RemoteConfig(newName, address, protocol, project, serverCertificate, fingerprint,
                clientCertificate);
    }

    public RemoteConfig withServerCertificate(String pem, String newFingerprint) {
        return new RemoteConfig(name, address, protocol, project, pem, newFingerprint, clientCertificate);
    }
}
