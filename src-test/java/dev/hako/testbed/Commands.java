package dev.hako.testbed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs the test bed's own commands (the daemons' CLIs, its scripts) to their end. */
final class Commands {

    private Commands() {
    }

    /**
     * Starts {@code builder}'s command, writes {@code input} (may be null) to it and returns its
     * standard output; fails on a non-zero exit, or when it has not ended after {@code seconds}.
     */
    static String run(ProcessBuilder builder, String input, int seconds) {
        String command = String.join(" ", builder.command());
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
