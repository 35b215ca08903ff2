package dev.hako.testbed;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemons started by {@code src-test/testbed/start.sh}, found through the
 * environment it writes. A test that needs one and finds none fails with a message
 * saying how to run it; it never skips.
 */
public final class TestBed {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestBed() {
    }

    public static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("No test bed: " + name + " is not set. Run the tests with "
                    + "src-test/testbed/run-tests.sh, or start one with src-test/testbed/start.sh and source "
                    + "its env file.");
        }
        return value;
    }

    public static Path socket(Daemon daemon) {
        Path socket = Path.of(env("HAKO_TB_" + daemon.envPrefix + "_SOCKET"));
        if (!Files.exists(socket)) {
            throw new IllegalStateException("No test-bed " + daemon + " daemon: " + socket + " does not exist");
        }
        return socket;
    }

    public static Path daemonDir(Daemon daemon) {
        return Path.of(env("HAKO_TB_" + daemon.envPrefix + "_DIR"));
    }

    public static LxdClient connect(Daemon daemon) {
        return LxdClient.connect(new Endpoint.UnixSocket(socket(daemon)));
    }

    /** {@code host:port} of the daemon's HTTPS listener. */
    public static String httpsAddress(Daemon daemon) {
        return env("HAKO_TB_" + daemon.envPrefix + "_HTTPS");
    }

    public static String host(Daemon daemon) {
        String address = httpsAddress(daemon);
        return address.substring(0, address.lastIndexOf(':'));
    }

    public static int port(Daemon daemon) {
        String address = httpsAddress(daemon);
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    public static String lxdTrustPassword() {
        return env("HAKO_TB_LXD_TRUST_PASSWORD");
    }

    public static String imageAlias() {
        return env("HAKO_TB_IMAGE_ALIAS");
    }

    /** A name no other test uses, valid as an instance name. */
    public static String uniqueName(String prefix) {
        return (prefix + "-" + Long.toString(ProcessHandle.current().pid(), 36) + "-"
                + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    /** Runs the daemon's own CLI (another client than ours) and returns its stdout; fails on a non-zero exit. */
    public static String cli(Daemon daemon, String... args) {
        List<String> command = new ArrayList<>();
        command.add(daemon.cli);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(daemon.dirVariable, daemonDir(daemon).toString());
        builder.environment().put(daemon.confVariable, env("HAKO_TB_" + daemon.envPrefix + "_CONF"));
        return Commands.run(builder, null, 120);
    }
}
