package dev.hako.testbed;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One more LXD daemon of the test's own (src-test/testbed/extra-lxd.sh), in a
 * directory under the test bed, for tests that stop and restart a server without
 * disturbing the shared daemons. Its HTTPS address and trust password stay the same
 * across restarts.
 */
public final class ExtraLxd implements AutoCloseable {

    private final Path directory;
    private String host;
    private int port;
    private String password;

    private ExtraLxd(Path directory) {
        this.directory = directory;
    }

    public static ExtraLxd start(String name) {
        ExtraLxd daemon = new ExtraLxd(Path.of(TestBed.env("HAKO_TB_DIR"), TestBed.uniqueName(name)));
        daemon.start();
        return daemon;
    }

    /**
     * A daemon as lxd leaves a new server: no HTTPS address, no trust password, no pool and
     * no network, reachable on its unix socket only ({@link #socket()}). {@link #host()},
     * {@link #port()} and {@link #trustPassword()} stay null/0: whatever a test sets up is its own.
     */
    public static ExtraLxd startFresh(String name) {
        ExtraLxd daemon = new ExtraLxd(Path.of(TestBed.env("HAKO_TB_DIR"), TestBed.uniqueName(name)));
        daemon.run("start-fresh");
        return daemon;
    }

    /** A TCP port on 127.0.0.1 that nothing listens on now (for a core.https_address a test sets). */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    public void start() {
        String[] out = run("start").strip().split("\\s+");
        String address = out[out.length - 2];
        host = address.substring(0, address.lastIndexOf(':'));
        port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        password = out[out.length - 1];
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

    public String trustPassword() {
        return password;
    }

    public Path socket() {
        return directory.resolve("daemon/unix.socket");
    }

    @Override
    public void close() {
        run("destroy");
    }

    private String run(String command) {
        return Commands.run(new ProcessBuilder("bash", Path.of("src-test/testbed/extra-lxd.sh").toString(),
                command, directory.toString()).redirectError(ProcessBuilder.Redirect.INHERIT), null, 120);
    }
}
