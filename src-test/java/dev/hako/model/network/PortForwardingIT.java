package dev.hako.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ExecSession;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.Instance;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.ExtraLxd;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A forward added the way the dialog adds it reaches a listener in a busybox container:
 * a line sent to 127.0.0.1:port on the host arrives at {@code nc -l} inside, and its answer
 * comes back; the proxy device is in the instance's config, other proxies see its port as
 * taken, and removing it leaves the instance without it.
 */
class PortForwardingIT {

    private static final int INSIDE = 80;

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aForwardedPortReachesAListenerInTheInstance(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "fwd");
            try {
                // The test image's init leaves loopback down; the proxy connects to 127.0.0.1 inside.
                loopbackUp(client, name);
                int hostPort = ExtraLxd.freePort();
                PortForward forward = new PortForward(PortForward.suggestedName("tcp", hostPort), "tcp", "127.0.0.1",
                        hostPort, "127.0.0.1", INSIDE, false);
                PortForwarding.add(client, name, forward);

                Instance after = client.instances().get(name).value();
                assertThat(after.devices()).containsEntry(forward.device(), java.util.Map.of("type", "proxy",
                        "listen", "tcp:127.0.0.1:" + hostPort, "connect", "tcp:127.0.0.1:" + INSIDE));
                assertThat(PortForwarding.existing(after)).extracting(PortForwarding.Existing::device)
                        .contains(forward.device());
                // The same port is now taken for any other forward on this host.
                assertThat(PortForwarding.clash(client.instances().list(), after.location(),
                        ProxyAddress.parse("tcp:0.0.0.0:" + hostPort).orElseThrow())).get()
                        .extracting(PortForwarding.Clash::instance).isEqualTo(name);

                ByteArrayOutputStream received = new ByteArrayOutputStream();
                try (ExecSession listener = client.instances().exec(name,
                        ExecRequest.command(List.of("busybox", "nc", "-l", "-p", Integer.toString(INSIDE))))) {
                    listener.attach(chunk -> {
                        synchronized (received) {
                            received.writeBytes(chunk);
                        }
                    }, chunk -> { });
                    waitUntil(() -> listening(client, name), "nc listening on port " + INSIDE + " in " + name);
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", hostPort), 10_000);
                        socket.setSoTimeout(30_000);
                        OutputStream out = socket.getOutputStream();
                        out.write("hello from the host\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        waitUntil(() -> text(received).contains("hello from the host"), "the line inside");
                        listener.write("hello from the instance\n".getBytes(StandardCharsets.UTF_8));
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.UTF_8));
                        assertThat(in.readLine()).isEqualTo("hello from the instance");
                    }
                }

                PortForwarding.remove(client, name, forward.device());
                assertThat(client.instances().get(name).value().devices()).doesNotContainKey(forward.device());
                assertThat(PortForwarding.clash(client.instances().list(), after.location(),
                        ProxyAddress.parse("tcp:127.0.0.1:" + hostPort).orElseThrow())).isEmpty();
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    static void loopbackUp(LxdClient client, String name) {
        ExecSession.Result up = client.instances().exec(name, ExecRequest.command(List.of("busybox", "ip", "link", "set",
                "lo", "up"))).collect(null, Duration.ofSeconds(30));
        assertThat(up.exitCode()).as(up.stderrText()).isZero();
    }

    /** Whether a socket in the instance listens on {@link #INSIDE} (state 0A; busybox nc listens on IPv6 too). */
    private static boolean listening(LxdClient client, String name) {
        String table = client.instances().exec(name, ExecRequest.command(List.of("cat", "/proc/net/tcp", "/proc/net/tcp6")))
                .collect(null, Duration.ofSeconds(30)).stdoutText();
        String port = String.format(":%04X ", INSIDE);
        return table.lines().anyMatch(line -> line.contains(port) && line.contains(" 0A "));
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
