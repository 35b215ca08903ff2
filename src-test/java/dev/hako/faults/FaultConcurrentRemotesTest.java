package dev.hako.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5, second half: Hako windows editing remotes at once. Two other JVMs and two
 * threads of this one (each with its own {@link RemotesFile}, loaded before any of them
 * writes, as windows opened together) add remotes at the same time; afterwards every remote
 * of every writer is in the file, once, and the file reads back whole.
 */
class FaultConcurrentRemotesTest {

    private static final int EACH = 20;

    @Test
    void twoProcessesAndTwoThreadsAddingRemotesLoseNone() throws Exception {
        Path config = FaultReport.workDirectory("concurrent-remotes");
        RemotesFile.load(config).add(new RemoteConfig("before", "unix:///tmp/none.socket", RemoteConfig.Protocol.LXD,
                null, null, null, null));
        RemotesFile first = RemotesFile.load(config);
        RemotesFile second = RemotesFile.load(config);

        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> processes = new ArrayList<>();
        long start = System.nanoTime();
        for (String prefix : List.of("proc-a", "proc-b")) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AddRemotesProcess.class.getName(), config.toString(), prefix, Integer.toString(EACH))
                    .redirectErrorStream(true)
                    .redirectOutput(config.resolve(prefix + ".out").toFile())
                    .start());
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (var writer : List.of(new Object[] {first, "thread-a"}, new Object[] {second, "thread-b"})) {
            threads.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                    AddRemotesProcess.addAll((RemotesFile) writer[0], (String) writer[1], EACH);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        for (CompletableFuture<Void> thread : threads) {
            thread.get(120, TimeUnit.SECONDS);
        }
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child JVM ended in time").isTrue();
            assertThat(process.exitValue()).as(Files.readString(config.resolve("proc-a.out"))
                    + Files.readString(config.resolve("proc-b.out"))).isZero();
        }
        long took = FaultReport.millisSince(start);

        RemotesFile after = RemotesFile.load(config);
        assertThat(after.findings()).isEmpty();
        List<String> expected = new ArrayList<>(List.of("before"));
        Stream.of("proc-a", "proc-b", "thread-a", "thread-b").forEach(prefix -> IntStream.rangeClosed(1, EACH)
                .forEach(n -> expected.add(prefix + "-" + n)));
        assertThat(after.remotes()).extracting(RemoteConfig::name).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(after.defaultRemote()).isIn(expected);
        // Each writer's own view caught up with the others' changes when it last wrote.
        assertThat(first.remotes().size()).isGreaterThanOrEqualTo(1 + EACH);
        try (Stream<Path> left = Files.list(config)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temporary or damaged files left").noneMatch(n -> n.endsWith(".tmp") || n.contains("damaged"));
        }
        FaultReport.record(5, getClass(), "twoProcessesAndTwoThreadsAddingRemotesLoseNone", took,
                "2 JVMs + 2 threads x " + EACH + " adds at once: all " + expected.size() + " remotes present once, "
                + "file whole, no temp files");
    }
}
