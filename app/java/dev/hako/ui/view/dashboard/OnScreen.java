package dev.hako.ui.view.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Whether a node can be seen: in a scene, in a showing window, and neither it nor any
 * parent hidden (a tab pane hides the content of the tabs not selected). Calls back on
 * each change, and while seen runs a periodic tick; hidden, nothing runs at all.
 */
final class OnScreen {

    private final Node node;
    private final Consumer<Boolean> changed;
    private final Timeline ticks;
    private final InvalidationListener check = o -> check();
    /** A parent or the window changed: what to listen to changes with it. */
    private final InvalidationListener moved = o -> rewatch();
    private final List<ObservableValue<?>> watched = new ArrayList<>();
    private boolean shown;
    private boolean stopped;

    /**
     * @param every  how often {@code tick} runs while the node is seen
     * @param tick   the periodic work (not run at the moment it comes on screen: {@code changed} is)
     */
    OnScreen(Node node, Duration every, Runnable tick, Consumer<Boolean> changed) {
        this.node = node;
        this.changed = changed;
        this.ticks = new Timeline(new KeyFrame(every, e -> tick.run()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        node.sceneProperty().addListener((o, was, now) -> rewatch());
        rewatch();
    }

    boolean shown() {
        return shown;
    }

    /** For good: no more ticks or calls (the window closed). */
    void stop() {
        stopped = true;
        unwatch();
        set(false);
    }

    /** Listens to the visibility of the node and its parents and to its window, as placed now. */
    private void rewatch() {
        unwatch();
        if (stopped) {
            return;
        }
        if (node.getScene() != null) {
            watch(node.getScene().windowProperty(), moved);
            Window window = node.getScene().getWindow();
            if (window != null) {
                watch(window.showingProperty(), check);
            }
            for (Node n = node; n != null; n = n.getParent()) {
                watch(n.visibleProperty(), check);
                watch(n.parentProperty(), moved);
            }
        }
        check();
    }

    private void watch(ObservableValue<?> value, InvalidationListener listener) {
        value.addListener(listener);
        watched.add(value);
    }

    private void unwatch() {
        watched.forEach(value -> {
            value.removeListener(check);
            value.removeListener(moved);
        });
        watched.clear();
    }

    private void check() {
        if (!stopped) {
            set(seen());
        }
    }

    private boolean seen() {
        if (node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void set(boolean now) {
        if (now == shown) {
            return;
        }
        shown = now;
        if (now) {
            ticks.play();
        } else {
            ticks.stop();
        }
        changed.accept(now);
    }
}
