package dev.hako.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * New images made from the test-bed busybox tarball: the same rootfs with another
 * {@code creation_date}, so each one has a fingerprint of its own.
 */
public final class ImageVariants {

    private ImageVariants() {
    }

    /** A unified tarball ({@code metadata.yaml} + {@code rootfs/}) with a fresh creation date. */
    public static Path unified(Path dir) throws IOException, InterruptedException {
        Path tree = unpack(dir);
        Path out = dir.resolve("variant.tar.gz");
        run(dir, "tar", "-czf", out.toString(), "-C", tree.toString(), "metadata.yaml", "rootfs");
        return out;
    }

    /** A split image: {@code [metadata tarball, rootfs tarball]}. */
    public static List<Path> split(Path dir) throws IOException, InterruptedException {
        Path tree = unpack(dir);
        Path meta = dir.resolve("meta.tar.gz");
        Path rootfs = dir.resolve("rootfs.tar.gz");
        run(dir, "tar", "-czf", meta.toString(), "-C", tree.toString(), "metadata.yaml");
        List<String> args = new ArrayList<>(List.of("tar", "-czf", rootfs.toString(), "-C",
                tree.resolve("rootfs").toString()));
        try (var names = Files.list(tree.resolve("rootfs"))) {
            names.map(p -> p.getFileName().toString()).sorted().forEach(args::add);
        }
        run(dir, args.toArray(String[]::new));
        return List.of(meta, rootfs);
    }

    private static Path unpack(Path dir) throws IOException, InterruptedException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        run(dir, "tar", "-xzf", TestBed.env("HAKO_TB_IMAGE_TARBALL"), "-C", tree.toString());
        Path yaml = tree.resolve("metadata.yaml");
        long date = System.currentTimeMillis() / 1000 - (long) (Math.random() * 10_000_000);
        String text = Files.readString(yaml).replaceAll("creation_date: \\d+", "creation_date: " + date);
        Files.writeString(yaml, text, StandardCharsets.UTF_8);
        return tree;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
