package dev.hako.testbed;

import java.nio.file.Path;

/**
 * One more Incus daemon of the test's own (src-test/testbed/extra-incus.sh), in a
 * directory under the test bed, for tests that need a second Incus server (clusters,
 * Incus-to-Incus migration) or stop and restart one without disturbing the shared
 * daemons. Its HTTPS address stays the same across restarts. Incus has no trust
 * password: a test trusts its client over {@link #socket()} or with a token.
 */
public final class ExtraIncus implements AutoCloseable {

    private final Path directory;
    private String host;
    private int port;

    private ExtraIncus(Path directory) {
        this.directory = directory;
    }

    /** A daemon listening for HTTPS on a free 127.0.0.1 port ({@link #host()}, {@link #port()}). */
    public static ExtraIncus start(String name) {
        ExtraIncus daemon = new ExtraIncus(Path.of(TestBed.env("HAKO_TB_DIR"), TestBed.uniqueName(name)));
        daemon.start();
        return daemon;
    }

    /**
     * A daemon as incusd leaves a new server: no HTTPS address, no pool and no network,
     * reachable on its unix socket only ({@link #socket()}). {@link #host()} and {@link #port()}
     * stay null/0: whatever a test sets up is its own.
     */
    public static ExtraIncus startFresh(String name) {
        ExtraIncus daemon = new ExtraIncus(Path.of(TestBed.env("HAKO_TB_DIR"), TestBed.uniqueName(name)));
        daemon.run("start-fresh");
        return daemon;
    }

    /** Starts it (again, after {@link #stop()}), with the same HTTPS address as before. */
    public void start() {
        String address = run("start").strip();
        address = address.substring(address.lastIndexOf('\n') + 1);
        host = address.substring(0, address.lastIndexOf(':'));
        port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    public void stop() {
        run("stop");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path socket() {
        return directory.resolve("daemon/unix.socket");
    }

    /** The daemon's directory (INCUS_DIR): its server.crt, its log, its storage. */
    public Path daemonDir() {
        return directory.resolve("daemon");
    }

    /** Stops the daemon and removes its directory. */
    @Override
    public void close() {
        run("destroy");
    }

    private String run(String command) {
        return Commands.run(new ProcessBuilder("bash", Path.of("src-test/testbed/extra-incus.sh").toString(),
                command, directory.toString()).redirectError(ProcessBuilder.Redirect.INHERIT), null, 120);
    }
}
