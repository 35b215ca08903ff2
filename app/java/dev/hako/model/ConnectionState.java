package dev.hako.model;

import dev.hako.lxd.ServerKind;

/**
 * Whether a remote answers, and if not, why; with what it is once known.
 *
 * @param reason  for an offline remote: the server's own words when it answered, else its
 *                address; never a request line or an English sentence of ours
 * @param failure for an offline or too old remote: what went wrong, for {@code FailureText} to
 *                tell the user in their language; null otherwise
 */
public record ConnectionState(Status status, String reason, ServerKind kind, String version,
                              RuntimeException failure) {

    /**
     * {@code TOO_OLD}: the server answered but lacks an API Hako needs (LXD before 3.19). Unlike
     * {@code OFFLINE} it is not retried: only a reconnect by hand, after an upgrade, asks again.
     */
    public enum Status { CONNECTING, ONLINE, OFFLINE, TOO_OLD }

    public ConnectionState(Status status, String reason, ServerKind kind, String version) {
        this(status, reason, kind, version, null);
    }

    static ConnectionState connecting() {
        return new ConnectionState(Status.CONNECTING, null, null, null);
    }

    static ConnectionState offline(RuntimeException failure, String address, ServerKind kind, String version) {
        return new ConnectionState(Status.OFFLINE, reasonOf(failure, address), kind, version, failure);
    }

    static ConnectionState tooOld(dev.hako.lxd.ServerTooOldException failure, ServerKind kind) {
        return new ConnectionState(Status.TOO_OLD, null, kind, failure.version(), failure);
    }

    /** The server's words when it answered, else the address that did not. */
    static String reasonOf(RuntimeException failure, String address) {
        if (failure instanceof dev.hako.lxd.LxdException lxd && !(failure instanceof dev.hako.lxd.Explained)
                && lxd.status() > 0 && lxd.serverMessage() != null && !lxd.serverMessage().isBlank()) {
            return lxd.serverMessage();
        }
        return address;
    }

    public boolean online() {
        return status == Status.ONLINE;
    }
}
