package dev.hako.lxd;

/** Which daemon answers: their APIs share a shape but differ in headers and a few fields. */
public enum ServerKind {
    LXD("X-LXD-", "LXD"),
    INCUS("X-Incus-", "Incus");

    private final String headerPrefix;
    private final String displayName;

    ServerKind(String headerPrefix, String displayName) {
        this.headerPrefix = headerPrefix;
        this.displayName = displayName;
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
