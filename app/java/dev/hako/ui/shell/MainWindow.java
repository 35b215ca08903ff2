package dev.hako.ui.shell;

import dev.hako.lxd.api.Instance;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.actions.ContextMenus;
import dev.hako.ui.view.instances.InstanceTableView;
import dev.hako.ui.common.DialogButtons;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.Theme;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.tree.ResourceTree;
import dev.hako.ui.tree.TreeEntry;
import dev.hako.ui.view.DetailViews;
import dev.hako.ui.view.instance.InstanceContext;
import dev.hako.ui.view.instance.InstanceView;
import java.util.HashMap;
import java.util.List;
import dev.hako.ui.welcome.UserAccount;
import dev.hako.ui.welcome.WelcomePage;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: a filterable resource tree on the left, the selected object on
 * the right, actions in the tool bar and context menus, running operations below.
 * It is built once: changing the theme restyles it and changing the language
 * relabels it in place, so no session, transfer or draft is lost to either.
 */
public final class MainWindow {

    private final Stage stage;
    private final Workspace workspace;
    private final UiSettings settings;
    private final Scene scene;
    private final I18n i18n;
    private final TaskExecutor tasks = FxTaskExecutor.get();
    private final DialogService dialogs;
    private final Map<String, InstanceView> instanceViews = new HashMap<>();
    private final GroupTables tables;
    /** The all-remotes row's tabs, kept so the tab chosen survives navigation. */
    private javafx.scene.control.TabPane allRemotesView;
    private final TextField filter = new TextField();
    private final ResourceTree tree;
    private final ContextMenus actions;
    private final DetailViews detailViews;
    private final StackPane details = new StackPane();
    private final dev.hako.ui.remotes.RemotesController remotes;
    private final dev.hako.model.history.TaskHistory history;
    private final dev.hako.ui.view.metrics.MetricCharts charts;
    private WelcomePage.Actions welcomeActions = WelcomePage.Actions.NONE;

    public MainWindow(Stage stage, Workspace workspace, UiSettings settings) {
        this(stage, workspace, settings, null);
    }

    /** With {@code remotes}, the tool bar offers adding, importing and managing remotes. */
    public MainWindow(Stage stage, Workspace workspace, UiSettings settings,
                      dev.hako.ui.remotes.RemotesController remotes) {
        this(stage, workspace, settings, remotes, null);
    }

    /** With {@code history}, the operations drawer lists the task history too (null: only recent operations). */
    public MainWindow(Stage stage, Workspace workspace, UiSettings settings,
                      dev.hako.ui.remotes.RemotesController remotes, dev.hako.model.history.TaskHistory history) {
        this(stage, workspace, settings, remotes, history, null);
    }

    /** With {@code charts}, server and instance overviews show recorded metrics (null: none). */
    public MainWindow(Stage stage, Workspace workspace, UiSettings settings,
                      dev.hako.ui.remotes.RemotesController remotes, dev.hako.model.history.TaskHistory history,
                      dev.hako.ui.view.metrics.MetricCharts charts) {
        this.charts = charts;
        this.remotes = remotes;
        this.history = history;
        if (remotes != null) {
            dev.hako.ui.cluster.MemberCertificates.useSavedRemotes(remotes);
            dev.hako.ui.wizard.instance.NewInstanceWizard.useRemotesFile(remotes.file());
            dev.hako.ui.projects.ProjectSwitch.useRemotesFile(remotes.file(), workspace);
            workspace.setSavedImageServers(remotes.file().remotes());
            remotes.file().addListener(file -> workspace.setSavedImageServers(file.remotes()));
        }
        this.stage = stage;
        this.workspace = workspace;
        this.settings = settings;
        this.i18n = new I18n(settings.locale());
        this.dialogs = new FxDialogService(() -> stage, i18n);
        DialogButtons.use(i18n);
        Theme.apply(settings.darkTheme());
        ActionContext context = new ActionContext(() -> stage, i18n, workspace, tasks, dialogs);
        actions = new ContextMenus(context);
        tree = new ResourceTree(workspace, i18n, actions::forSelection);
        context.onShowInstance(tree::selectWhenShown);
        dev.hako.ui.wizard.migrate.InstanceDrag.install(tree.view(), () -> stage, i18n, workspace);
        detailViews = new DetailViews(workspace, i18n, tasks, tree::select, charts);
        detailViews.setEventLimit(settings.eventLimit());
        tables = new GroupTables(workspace, i18n, tasks, dialogs, settings, actions, filter.textProperty(), this::select,
                tree::select);
        this.scene = new Scene(layout(), 1200, 760);
        Theme.decorate(scene, settings.darkTheme());
        stage.titleProperty().bind(i18n.text("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.setOnHidden(e -> disposeViews());
        // The placeholder and the first-run page hold nothing: they are simply made again in the new language.
        i18n.localeProperty().addListener((o, was, now) -> {
            if (selectedEntry() == null) {
                details.getChildren().setAll(detailsOf(null));
            }
        });
        workspace.remotes().forEach(this::forgetDeletedInstances);
        workspace.addListener(new Workspace.Listener() {
            @Override
            public void added(RemoteModel remote) {
                forgetDeletedInstances(remote);
            }

            @Override
            public void removed(RemoteModel remote) {
                tasks.runOnUi(() -> disposeViewsOf(remote.name() + "/"));
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    public ResourceTree tree() {
        return tree;
    }

    /** The window's one language; switching it relabels everything open. */
    public I18n i18n() {
        return i18n;
    }

    /** The actions behind the tool bar and the context menus. */
    public ContextMenus actions() {
        return actions;
    }

    private TreeEntry selectedEntry() {
        TreeItem<TreeEntry> item = tree.view().getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    private BorderPane layout() {
        details.getChildren().setAll(detailsOf(null));
        details.setId("details");
        ChangeListener<TreeEntry> showEntry = (obs, old, entry) -> {
            // Instance views follow their entry; other views are rebuilt only when another object is selected.
            if (entry instanceof TreeEntry.InstanceEntry) {
                details.getChildren().setAll(detailsOf(entry));
            }
        };
        tree.view().getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (old != null) {
                old.valueProperty().removeListener(showEntry);
            }
            if (item != null) {
                item.valueProperty().addListener(showEntry);
            }
            details.getChildren().setAll(detailsOf(item == null ? null : item.getValue()));
        });

        filter.setId("treeFilter");
        filter.promptTextProperty().bind(i18n.text("tree.filter.prompt"));
        filter.textProperty().addListener((obs, old, text) -> tree.setFilter(text));
        VBox left = new VBox(filter, tree.view());
        VBox.setVgrow(tree.view(), Priority.ALWAYS);
        VBox.setMargin(filter, new Insets(6));

        SplitPane split = new SplitPane(left, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(left, false);

        BorderPane root = new BorderPane(split);
        // A handler, not a filter: text fields consume their own Delete key before it gets here.
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            }
        });
        // A filter for F2: the tree takes that key for editing its cells before a handler could see it.
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2 && e.getTarget() == tree.view()) {
                renameSelected();
                e.consume();
            }
        });
        root.setTop(new MainToolBar(i18n, settings, workspace, tree, actions, remotes == null ? null
                : () -> remotes.menuButton(() -> stage, i18n, () -> {
                    TreeEntry entry = selectedEntry();
                    return entry == null ? null : entry.remote();
                })).node());
        root.setBottom(new VBox(new OperationsDrawer(workspace, i18n, tasks, dialogs, settings, history).node(),
                new StatusBar(workspace, i18n, tasks).node()));
        return root;
    }

    private static Node placeholder(I18n i18n) {
        Label hint = new Label();
        hint.textProperty().bind(i18n.text("details.placeholder"));
        hint.getStyleClass().add("text-muted");
        return hint;
    }

    /** The detail view of a tree entry; instance views are kept so their sessions survive navigation. */
    private Node detailsOf(TreeEntry entry) {
        if (entry instanceof TreeEntry.InstanceEntry instance) {
            RemoteModel remote = workspace.remote(instance.remote());
            if (remote == null) {
                return placeholder(i18n);
            }
            String key = instance.remote() + "/" + instance.instance().name();
            InstanceView view = instanceViews.get(key);
            if (view == null) {
                view = new InstanceView(new InstanceContext(remote, instance.instance().name(), i18n, tasks,
                        dialogs, charts), instance.instance());
                instanceViews.put(key, view);
            } else {
                view.instanceChanged(instance.instance());
            }
            instanceViews.values().forEach(v -> v.setShown(false));
            view.setShown(true);
            return view.node();
        }
        instanceViews.values().forEach(v -> v.setShown(false));
        Node table = entry instanceof TreeEntry.GroupEntry group ? tables.viewOf(group) : null;
        if (table != null) {
            return table;
        }
        if (entry instanceof TreeEntry.AllRemotesEntry) {
            return allRemotesView(entry);
        }
        if (entry instanceof TreeEntry.ImageServerEntry server) {
            return actions.imageServers().viewOf(server);
        }
        if (entry == null && WelcomePage.needed(workspace, UserAccount.current())) {
            return WelcomePage.forEnvironment(i18n, System.getenv(), welcomeActions).node();
        }
        Node view = detailViews.viewOf(entry);
        return view == null ? placeholder(i18n) : view;
    }

    /** The instance table of a remote, made on first use; null for a remote the window does not have. */
    public InstanceTableView instanceTable(String remote) {
        return workspace.remote(remote) == null ? null : tables.instanceTable(remote);
    }

    /** The model of a remote's image, volume, network or profile table once shown; else null. */
    public dev.hako.ui.view.lists.ListTableViewModel<?> groupTable(String remote, TreeEntry.Group group) {
        return tables.modelOf(remote, group);
    }

    /** The instance table of every remote, made on first use. */
    public InstanceTableView allInstancesTable() {
        return tables.instanceTable("");
    }

    /** Every remote at once: the overview, and the instances of all of them in one table. */
    private Node allRemotesView(TreeEntry entry) {
        if (allRemotesView == null) {
            javafx.scene.control.Tab overview = new javafx.scene.control.Tab();
            overview.setId("allRemotesOverviewTab");
            overview.textProperty().bind(i18n.text("lists.tab.overview"));
            Node content = detailViews.viewOf(entry);
            overview.setContent(content == null ? placeholder(i18n) : content);
            javafx.scene.control.Tab instances = new javafx.scene.control.Tab();
            instances.setId("allRemotesInstancesTab");
            instances.textProperty().bind(i18n.text("lists.tab.instances"));
            instances.setContent(allInstancesTable().node());
            javafx.scene.control.Tab events = new javafx.scene.control.Tab(null, detailViews.allEvents());
            events.setId("allRemotesEventsTab");
            events.textProperty().bind(i18n.text("events.tab"));
            allRemotesView = new javafx.scene.control.TabPane(overview, instances, events);
            allRemotesView.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            allRemotesView.setId("allRemotesView");
        }
        return allRemotesView;
    }

    /** Shows the instance table of every remote. */
    public void showAllInstances() {
        if (tree.selectAllRemotes() && allRemotesView != null) {
            allRemotesView.getSelectionModel().select(1);
        }
    }

    /** A deleted (or renamed) instance's view ends its sessions and is dropped. */
    private void forgetDeletedInstances(RemoteModel remote) {
        remote.instances().addListener(change -> {
            if (!change.removed().isEmpty() || change.reloaded()) {
                tasks.runOnUi(() -> {
                    for (String key : List.copyOf(instanceViews.keySet())) {
                        if (key.startsWith(remote.name() + "/")
                                && !change.snapshot().containsKey(key.substring(remote.name().length() + 1))) {
                            instanceViews.remove(key).dispose();
                        }
                    }
                });
            }
        });
    }

    private void disposeViewsOf(String prefix) {
        for (String key : List.copyOf(instanceViews.keySet())) {
            if (key.startsWith(prefix)) {
                instanceViews.remove(key).dispose();
            }
        }
        tables.disposeRemote(prefix.substring(0, prefix.length() - 1));
    }

    /** Gives the first-run page its buttons (import remotes, add a remote, set up a local server). */
    public void setWelcomeActions(WelcomePage.Actions actions) {
        this.welcomeActions = actions;
        if (selectedEntry() == null) {
            details.getChildren().setAll(detailsOf(null));
        }
    }

    /** Ends the sessions of every kept view (window close). */
    public void disposeViews() {
        instanceViews.values().forEach(InstanceView::dispose);
        instanceViews.clear();
        detailViews.dispose();
        tables.dispose();
    }

    private void renameSelected() {
        List<TreeEntry> selection = tree.selectedEntries();
        if (selection.size() == 1 && selection.get(0) instanceof TreeEntry.InstanceEntry entry) {
            RemoteModel remote = workspace.remote(entry.remote());
            if (remote != null) {
                actions.instances().rename(remote, entry.instance());
            }
        }
    }

    private void deleteSelected() {
        List<TreeEntry> selection = tree.selectedEntries();
        if (selection.isEmpty()) {
            return;
        }
        RemoteModel remote = workspace.remote(selection.get(0).remote());
        List<Instance> instances = remote == null ? List.of() : tree.selectedInstancesOf(remote.name());
        if (!instances.isEmpty()) {
            actions.instances().delete(remote, instances);
        }
    }

    /** Selects the tree row for an instance (now, or when it appears), e.g. from a test or a search. */
    public void select(String remote, String instance) {
        tree.selectWhenShown(remote, instance);
    }
}
