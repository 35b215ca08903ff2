package dev.hako.lxd;

/** Which daemon answers: their APIs share a shape but differ in headers and a few fields. */
public enum ServerKind {
    LXD("X-LXD-", "LXD", "lxc"),
    INCUS("X-Incus-", "Incus", "incus");

    private final String headerPrefix;
    private final String displayName;
    private final String cli;

    ServerKind(String headerPrefix, String displayName, String cli) {
        this.headerPrefix = headerPrefix;
        this.displayName = displayName;
        this.cli = cli;
    }

    /** The command-line client that goes with the daemon: {@code lxc} or {@code incus}. */
    public String cli() {
        return cli;
    }

    public String headerPrefix() {
        return headerPrefix;
    }

    public String displayName() {
        return displayName;
    }

    /** From {@code environment.server} of {@code GET /1.0}; anything but "incus" is treated as LXD. */
    static ServerKind fromEnvironment(String server) {
        return "incus".equalsIgnoreCase(server) ? INCUS : LXD;
    }
}
