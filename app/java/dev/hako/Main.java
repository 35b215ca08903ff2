package dev.hako;

import javafx.application.Application;

/**
 * Launcher that does not extend {@link Application}: started from a class path (or
 * a jpackage image), a main class that extends it fails with "JavaFX runtime
 * components are missing".
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
