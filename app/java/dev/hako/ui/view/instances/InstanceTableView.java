package dev.hako.ui.view.instances;

import dev.hako.lxd.api.Instance;
import dev.hako.model.RemoteModel;
import dev.hako.model.list.InstanceRow;
import dev.hako.ui.actions.ContextMenus;
import dev.hako.ui.common.I18n;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.view.lists.ListTableView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The instance table on screen: a {@link ListTableView} of {@link InstanceTableViewModel}'s
 * rows with the tree's context menu and keys; Enter or a double-click opens the instance.
 * While shown, the rows on screen have their state read again every few seconds.
 */
public final class InstanceTableView {

    private static final Duration REFRESH = Duration.seconds(5);

    private final InstanceTableViewModel model;
    private final ListTableView<InstanceRow> view;
    private final Timeline refresher = new Timeline(new KeyFrame(REFRESH, e -> refreshOnScreen()));
    /** In a window that shows: the table of a closed window reads nothing. */
    private final ObservableValue<Boolean> shown;
    private boolean readQueued;

    /** {@code open} brings an instance (remote, name) up in the window. */
    public InstanceTableView(InstanceTableViewModel model, I18n i18n, ContextMenus actions,
                             BiConsumer<String, String> open) {
        this.model = model;
        String stem = model.allRemotes() ? "all-remotes-instances" : model.remote().name() + "-instances";
        this.view = new ListTableView<>(model.table(), i18n, new ListTableView.Actions<>("instance",
                "instances.table.empty", "instances.table.count", stem,
                row -> open.accept(row.remote(), row.instance().name()),
                rows -> menu(actions, rows), rows -> delete(actions, rows)));
        model.shown().addListener((ListChangeListener<InstanceRow>) c -> readUnknownOnScreen());
        // Rows scrolled into view are read at once, not at the next round. A filter: the table
        // consumes the wheel's event as it scrolls, before a handler would see it.
        view.table().addEventFilter(ScrollEvent.SCROLL, e -> readUnknownOnScreen());
        shown = view.node().sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty)
                .orElse(false);
        shown.addListener((o, was, now) -> showing(now));
    }

    public Node node() {
        return view.node();
    }

    public InstanceTableViewModel model() {
        return model;
    }

    public TableView<InstanceRow> table() {
        return view.table();
    }

    private static ContextMenu menu(ContextMenus actions, List<InstanceRow> rows) {
        List<TreeEntry> selection = rows.stream()
                .map(r -> (TreeEntry) new TreeEntry.InstanceEntry(r.remote(), r.instance())).toList();
        return actions.forSelection(selection);
    }

    /** Each remote's rows are deleted (and confirmed) on their own. */
    private void delete(ContextMenus actions, List<InstanceRow> rows) {
        Map<RemoteModel, List<Instance>> byRemote = new LinkedHashMap<>();
        for (InstanceRow row : rows) {
            RemoteModel remote = model.remoteOf(row);
            if (remote != null) {
                byRemote.computeIfAbsent(remote, r -> new ArrayList<>()).add(row.instance());
            }
        }
        byRemote.forEach((remote, instances) -> actions.instances().delete(remote, instances));
    }

    /** Reads the rows on screen only while the table is on screen. */
    private void showing(boolean shown) {
        if (shown) {
            refreshOnScreen();
            refresher.setCycleCount(Timeline.INDEFINITE);
            refresher.play();
        } else {
            refresher.stop();
        }
    }

    /**
     * After the coming layout pass, when the table knows which rows it shows: a new listing,
     * filter or scroll position is not laid out yet when it is announced.
     */
    private void readUnknownOnScreen() {
        Scene scene = view.node().getScene();
        if (readQueued || !shown.getValue()) {
            return;
        }
        readQueued = true;
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                readQueued = false;
                if (shown.getValue()) {
                    model.readUnknown(onScreen());
                }
            }
        });
    }

    private void refreshOnScreen() {
        if (shown.getValue()) {
            model.refresh(onScreen());
        }
    }

    /** The rows the table shows now (the first screenful before it is laid out). */
    List<InstanceRow> onScreen() {
        List<InstanceRow> rows = new ArrayList<>();
        int first = 0;
        int last = Math.min(model.shown().size(), 40) - 1;
        if (view.table().lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            first = flow.getFirstVisibleCell().getIndex();
            last = flow.getLastVisibleCell().getIndex();
        }
        for (int i = Math.max(0, first); i <= last && i < model.shown().size(); i++) {
            rows.add(model.shown().get(i));
        }
        return rows;
    }
}
