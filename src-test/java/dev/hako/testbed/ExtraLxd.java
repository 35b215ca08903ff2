package dev.hako.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("src-test/testbed/extra-lxd.sh").toString(),
                command, directory.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("extra-lxd.sh " + command + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("extra-lxd.sh " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run extra-lxd.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
