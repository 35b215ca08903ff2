package dev.hako.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of the start-up benchmark: the smallest JavaFX window (one label), started
 * from the same runtime as Hako, reporting its first frame the way Hako does with
 * {@code -Dhako.startup.report=true} ("hako.firstFrame=<epoch ms>"), then quitting.
 * The launcher class does not extend Application, like dev.hako.Main.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("Hako")), 1200, 760);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long now = System.currentTimeMillis();
                // CPU time too: on a busy machine it varies much less than the wall clock.
                System.out.println("hako.firstFrameCpu=" + ProcessHandle.current().info().totalCpuDuration()
                        .map(java.time.Duration::toMillis).orElse(-1L));
                System.out.println("hako.firstFrame=" + now);
                System.out.flush();
                Platform.runLater(Platform::exit);
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        }
    }
}
