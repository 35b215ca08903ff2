package dev.hako.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.PickResult;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop without a native drag: a native drag between windows cannot be driven
 * reliably under Xvfb, so tests hand the app's own handlers the events a drag brings.
 */
public final class Dragboards {

    private Dragboards() {
    }

    /**
     * A dragboard holding {@code content} and offering {@code modes}, as a drag source's
     * does. JavaFX has no public way to make one outside a native drag: this is the
     * toolkit's Dragboard over its in-memory clipboard.
     */
    public static Dragboard holding(ClipboardContent content, Set<TransferMode> modes) {
        TKClipboard memory = Toolkit.getToolkit().createLocalClipboard();
        TKClipboard peer = (TKClipboard) Proxy.newProxyInstance(Dragboards.class.getClassLoader(),
                new Class<?>[] {TKClipboard.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getTransferModes")) {
                        return Set.copyOf(modes);
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Dragboard board = DragboardHelper.createDragboard(peer);
        board.setContent(content);
        return board;
    }

    /**
     * Fires a drag event of {@code type} at the centre of {@code node}, as if the pointer
     * were there; returns it so that the caller can read what the handlers decided
     * (accepted mode, drop completed). Call on the FX thread.
     */
    public static DragEvent fireAt(Node node, EventType<DragEvent> type, Dragboard board, Object gestureSource) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        double screenX = node.getScene().getWindow().getX() + node.getScene().getX() + x;
        double screenY = node.getScene().getWindow().getY() + node.getScene().getY() + y;
        DragEvent event = new DragEvent(node, node, type, board, x, y, screenX, screenY, TransferMode.MOVE,
                gestureSource, node, new PickResult(node, x, y));
        Event.fireEvent(node, event);
        return event;
    }
}
