package dev.hako.ui.view.instance;

import dev.hako.lxd.api.Instance;
import javafx.scene.control.Tab;

/**
 * One tab of an instance's detail view (overview, terminal, files …). A tab lives
 * as long as its view: it is told when the instance changes and disposed when the
 * instance goes away or the window closes, so sessions it holds end cleanly.
 */
public interface InstanceTab {

    Tab tab();

    /** The instance as the model now has it (status, config …); FX thread. */
    default void instanceChanged(Instance instance) {
    }

    /** Whether the view is on screen; tabs refresh live figures only while it is. FX thread. */
    default void shownChanged(boolean shown) {
    }

    /** Ends whatever the tab holds open (sessions, timers); FX thread. */
    default void dispose() {
    }
}
