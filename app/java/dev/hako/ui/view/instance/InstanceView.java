package dev.hako.ui.view.instance;

import dev.hako.lxd.api.Instance;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TabPane;

/**
 * The detail view of one instance: a tab pane whose tabs come from
 * {@link InstanceTabs}. Views are kept while the window lives, so a terminal or a
 * transfer in one keeps going while another object is selected.
 */
public final class InstanceView {

    private final TabPane tabs = new TabPane();
    private final List<InstanceTab> parts = new ArrayList<>();

    public InstanceView(InstanceContext context, Instance instance) {
        tabs.setId("instanceTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (InstanceTabFactory factory : InstanceTabs.all()) {
            InstanceTab part = factory.create(context, instance);
            parts.add(part);
            tabs.getTabs().add(part.tab());
        }
    }

    public Node node() {
        return tabs;
    }

    public void instanceChanged(Instance instance) {
        parts.forEach(p -> p.instanceChanged(instance));
    }

    private boolean shown;

    /** Tells the tabs whether the view is on screen (live figures refresh only then). */
    public void setShown(boolean nowShown) {
        if (shown != nowShown) {
            shown = nowShown;
            parts.forEach(p -> p.shownChanged(nowShown));
        }
    }

    public void dispose() {
        setShown(false);
        parts.forEach(InstanceTab::dispose);
    }
}
