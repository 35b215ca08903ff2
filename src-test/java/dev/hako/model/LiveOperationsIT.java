package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Operation;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The burst an operator reported: twenty short {@code exec}s from the CLI while Hako
 * watches. Afterwards Hako's operations must match the server's: nothing left running.
 */
class LiveOperationsIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aBurstOfShortExecsFromTheCliEndsAsTheServerSays(Daemon daemon) throws Exception {
        try (LxdClient api = TestBed.connect(daemon);
             RemoteModel remote = new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(daemon)))) {
            String name = Instances.createRunning(api, "ops");
            try {
                remote.start();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> remote.state().online());
                for (int i = 0; i < 10; i++) {
                    TestBed.cli(daemon, "exec", name, "--", "/bin/busybox", "ls", "/");
                    TestBed.cli(daemon, "exec", name, "--", "/bin/busybox", "ps");
                }

                assertThat(api.operations().list()).noneMatch(op -> op.statusCode() == Operation.RUNNING
                        && op.description().contains("command"));
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                        () -> remote.operations().entries().stream().noneMatch(LiveOperations.Entry::running));
                List<LiveOperations.Entry> seen = remote.operations().entries();
                assertThat(seen.stream().filter(e -> e.operation().description().contains("command")).count())
                        .as("Hako followed the burst").isGreaterThanOrEqualTo(10);
            } finally {
                Instances.remove(api, name);
            }
        }
    }
}
