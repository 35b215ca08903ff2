package dev.hako.model;

import dev.hako.lxd.ServerKind;

/** Whether a remote answers, and if not, why; with what it is once known. */
public record ConnectionState(Status status, String reason, ServerKind kind, String version) {

    public enum Status { CONNECTING, ONLINE, OFFLINE }

    static ConnectionState connecting() {
        return new ConnectionState(Status.CONNECTING, null, null, null);
    }

    public boolean online() {
        return status == Status.ONLINE;
    }
}
