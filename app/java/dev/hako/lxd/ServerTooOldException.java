package dev.hako.lxd;

import dev.hako.lxd.api.Server;

/**
 * The server answers {@code GET /1.0} but has no {@code /1.0/instances} API (LXD before 3.19,
 * such as the LXD 3.0 of Ubuntu 18.04): Hako cannot manage it, and asking again will not change
 * that until the server is upgraded. Incus always has the API (it forked from a later LXD), so
 * a server this old is an LXD.
 */
public final class ServerTooOldException extends ExplainedLxdException {

    /** The API extension that marks {@code /1.0/instances} (LXD 3.19). */
    public static final String INSTANCES_API = "instances";

    private final String version;

    private ServerTooOldException(String version) {
        super("the server (LXD " + (version == null ? "version unknown" : version)
                        + ") has no instances API; Hako needs LXD 4.0 or newer, or Incus", null, 0,
                version == null ? "error.server.tooOld.noVersion" : "error.server.tooOld",
                version == null ? new Object[0] : new Object[] {version});
        this.version = version;
    }

    /** The failure for {@code server} when it lacks the instances API, else null. */
    public static ServerTooOldException of(Server server) {
        if (server.hasExtension(INSTANCES_API)) {
            return null;
        }
        // An untrusted caller sees no environment, so no version either.
        String version = server.environment() == null || server.environment().serverVersion() == null
                || server.environment().serverVersion().isBlank() ? null : server.environment().serverVersion();
        return new ServerTooOldException(version);
    }

    /** The server's {@code environment.server_version}, or null when it was not told. */
    public String version() {
        return version;
    }
}
