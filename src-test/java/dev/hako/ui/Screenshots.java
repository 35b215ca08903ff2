package dev.hako.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a scene shows as a PNG under target/screenshots, so people can look at it. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path save(Scene scene, String name) {
        try {
            return save(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(), name);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Saves a picture already taken (of the screen, when popups must be in it). */
    public static Path save(javafx.scene.image.Image image, String name) {
        try {
            Path directory = Path.of(System.getProperty("hako.screenshots", "target/screenshots"));
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }
}
