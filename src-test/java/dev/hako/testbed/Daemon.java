package dev.hako.testbed;

/** The two kinds of test-bed daemon every integration test runs against. */
public enum Daemon {
    LXD("LXD", "lxc", "LXD_DIR", "LXD_CONF"),
    INCUS("INCUS", "incus", "INCUS_DIR", "INCUS_CONF");

    final String envPrefix;
    final String cli;
    final String dirVariable;
    final String confVariable;

    Daemon(String envPrefix, String cli, String dirVariable, String confVariable) {
        this.envPrefix = envPrefix;
        this.cli = cli;
        this.dirVariable = dirVariable;
        this.confVariable = confVariable;
    }

    /** The daemon's own CLI program ({@code lxc} or {@code incus}). */
    public String cliName() {
        return cli;
    }
}
