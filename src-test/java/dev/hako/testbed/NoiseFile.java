package dev.hako.testbed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Files of random bytes: big enough, and incompressible, so a transfer is still going when a test cancels it. */
public final class NoiseFile {

    private NoiseFile() {
    }

    public static Path write(Path file, int mebibytes, long seed) throws IOException {
        byte[] block = new byte[1 << 20];
        Random random = new Random(seed);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mebibytes; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return file;
    }
}
