package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.ExecRequest;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

/** The console websocket, the console log and its clearing, against both daemons. */
class ConsoleIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void consoleShowsWhatTheInstanceWritesAndTheLogClears(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "console");
            try {
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                try (ExecSession console = client.instances().console(name, 100, 30)) {
                    console.attach(chunk -> {
                        synchronized (seen) {
                            seen.writeBytes(chunk);
                        }
                    }, chunk -> { });
                    console.resize(120, 40);
                    try {
                        // Written again each second: a line written before the server attached the
                        // console to its pty would not be seen by anyone.
                        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                            synchronized (seen) {
                                if (seen.toString(StandardCharsets.UTF_8).contains("hako-console-line")) {
                                    return true;
                                }
                            }
                            writeToConsole(client, name, "hako-console-line");
                            Thread.sleep(1000);
                            synchronized (seen) {
                                return seen.toString(StandardCharsets.UTF_8).contains("hako-console-line");
                            }
                        });
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw new AssertionError("console showed: " + seen.toString(StandardCharsets.UTF_8), e);
                    }
                    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                        synchronized (seen) {
                            return seen.toString(StandardCharsets.UTF_8).contains("hako-console-line");
                        }
                    });
                }
                writeToConsole(client, name, "hako-log-line");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                    try {
                        return client.instances().consoleLog(name).contains("hako-log-line");
                    } catch (LxdException notYet) {
                        System.out.println(daemon + ": console log not readable yet: " + notYet.getMessage());
                        return false;
                    }
                });
                client.instances().clearConsoleLog(name);
                String after;
                try {
                    after = client.instances().consoleLog(name);
                } catch (LxdException removed) {
                    // LXD removes the log file on clear; until the console writes again there is none.
                    after = "";
                }
                assertThat(after).doesNotContain("hako-log-line");
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void infoTellsSizeAndModificationTime(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "info");
            try {
                byte[] text = "12345".getBytes(StandardCharsets.UTF_8);
                client.instances().files().upload(name, "/root/a file", new java.io.ByteArrayInputStream(text),
                        text.length, InstanceFiles.FileOptions.mode(0640));
                client.instances().files().upload(name, "/root/empty", new java.io.ByteArrayInputStream(new byte[0]),
                        0, InstanceFiles.FileOptions.defaults());
                FileMetadata info = client.instances().files().info(name, "/root/a file");
                assertThat(info.size()).isEqualTo(5);
                assertThat(info.mode()).isEqualTo(0640);
                assertThat(info.modified()).isNotBlank();
                assertThat(client.instances().files().info(name, "/root/empty").size()).isZero();
                FileMetadata dir = client.instances().files().info(name, "/root");
                assertThat(dir.isDirectory()).isTrue();
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    private static void writeToConsole(LxdClient client, String name, String line) {
        ExecSession.Result result = client.instances().exec(name, ExecRequest.command(List.of("/bin/sh", "-c",
                "echo " + line + " > /dev/console"))).collect(null, Duration.ofSeconds(30));
        assertThat(result.exitCode()).isZero();
    }
}
