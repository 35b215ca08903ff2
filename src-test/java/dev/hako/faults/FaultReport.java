package dev.hako.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a fault test measured, for {@code src-test/faults/run-faults.sh}'s table: one
 * {@code target/faults/report/<Class>.<method>.txt} per test with the scenario number, the
 * time Hako took to recover and what data was checked afterwards. The outcome itself comes
 * from the surefire/failsafe reports, so a test that fails before recording still shows.
 */
public final class FaultReport {

    /** Where fault tests keep their files (kept after the run, for scenario 8's scan). */
    public static final Path ROOT = Path.of("target", "faults");

    private FaultReport() {
    }

    /** A fresh directory of its own for one test, under {@link #ROOT}, kept after the run. */
    public static Path workDirectory(String name) throws IOException {
        Path dir = ROOT.resolve("work").resolve(name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Records one measured case. {@code recoverMillis} is how long Hako took to be back to
     * normal after the fault (negative when it does not apply).
     */
    public static void record(int scenario, Class<?> test, String method, long recoverMillis, String dataChecked) {
        Path file = ROOT.resolve("report").resolve(test.getSimpleName() + "." + method + ".txt");
        String text = "scenario=" + scenario + "\n"
                + "recover_ms=" + recoverMillis + "\n"
                + "data=" + dataChecked.replace('\n', ' ').replace('|', '/') + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Milliseconds since {@code startNanos}. */
    public static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
