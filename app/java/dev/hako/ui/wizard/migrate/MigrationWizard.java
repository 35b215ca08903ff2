package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.model.CollectionListener;
import dev.hako.model.RemoteModel;
import dev.hako.model.ResourceCollection;
import dev.hako.model.Workspace;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.WizardDialog;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Copies or moves an instance to another connected remote of the same kind: where
 * to, under what name, onto which pool and with which profiles (missing ones can be
 * copied), cold or live; the transfer shows its progress and can be cancelled. The
 * pages show and bind a {@link MigrationViewModel}.
 */
public final class MigrationWizard {

    private final I18n i18n;
    private final MigrationViewModel model;
    private final Label profilesState = new Label();
    private final CheckBox copyProfiles = new CheckBox();
    private final Label summary = new Label();
    private WizardDialog wizard;

    private MigrationWizard(I18n i18n, MigrationViewModel model) {
        this.i18n = i18n;
        this.model = model;
    }

    /** Opens the wizard with the application's executor and dialogs owned by {@code owner}. */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel source, Instance instance) {
        open(owner, i18n, workspace, source, instance, null);
    }

    /** The same, with the destination remote chosen (a drop on its row); null for the first one. */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel source, Instance instance,
                            String destination) {
        open(FxTaskExecutor.get(), new FxDialogService(() -> owner, i18n), workspace, source, instance, destination);
    }

    /** Opens the wizard, or says why it cannot (no other connected remote of the same kind). */
    public static void open(TaskExecutor tasks, DialogService dialogs, Workspace workspace, RemoteModel source,
                            Instance instance, String destination) {
        I18n i18n = dialogs.i18n();
        LxdClient sourceClient = source.client();
        List<RemoteModel> targets = new ArrayList<>();
        if (sourceClient != null && workspace != null) {
            for (RemoteModel other : workspace.remotes()) {
                if (other != source && other.client() != null && other.client().kind() == sourceClient.kind()) {
                    targets.add(other);
                }
            }
        }
        if (targets.isEmpty()) {
            dialogs.inform(i18n.get("migrate.title"), i18n.get("migrate.noTarget"));
            return;
        }
        MigrationViewModel model = MigrationViewModel.of(tasks, dialogs, source, instance, targets, destination);
        MigrationWizard view = new MigrationWizard(i18n, model);
        view.show(dialogs.owner());
        view.followDestinations(tasks, targets);
    }

    /** Re-checks the destination whenever what the remotes hold changes, until the wizard closes. */
    private void followDestinations(TaskExecutor tasks, List<RemoteModel> targets) {
        Runnable changed = () -> tasks.runOnUi(model::destinationChanged);
        List<Runnable> unfollow = new ArrayList<>();
        for (RemoteModel target : targets) {
            unfollow.add(follow(target.storagePools(), changed));
            unfollow.add(follow(target.profiles(), changed));
            unfollow.add(follow(target.instances(), changed));
        }
        wizard.window().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> unfollow.forEach(Runnable::run));
    }

    /** Listens to a collection; returns what stops listening. */
    private static <T> Runnable follow(ResourceCollection<T> collection, Runnable changed) {
        CollectionListener<T> listener = change -> changed.run();
        collection.addListener(listener);
        return () -> collection.removeListener(listener);
    }

    private void show(Window owner) {
        wizard = new WizardDialog(owner, i18n, i18n.format("migrate.titleOf", model.instance().name(),
                model.source()));
        wizard.page(i18n.get("migrate.page.where"), wherePage(), model::whereProblem, null)
                .page(i18n.get("migrate.page.storage"), storagePage(), model::storageProblem,
                        model::destinationChanged)
                .page(i18n.get("migrate.page.run"), runPage(), model::storageProblem,
                        () -> summary.setText(model.summary()))
                .onFinish(dialog -> model.finish(dialog::close, dialog::failed))
                .onCancelWhileWorking(model::cancel)
                .show();
        model.destinationProperty().addListener((o, was, now) -> showDestination());
        showDestination();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), field);
        return grid;
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private VBox wherePage() {
        ChoiceBox<String> remote = new ChoiceBox<>(FXCollections.observableArrayList(model.targets()));
        remote.setId("migrateRemote");
        remote.valueProperty().bindBidirectional(model.remoteProperty());
        TextField name = new TextField();
        name.setId("migrateName");
        name.textProperty().bindBidirectional(model.newNameProperty());
        ToggleGroup mode = new ToggleGroup();
        RadioButton copy = new RadioButton(i18n.get("migrate.copy"));
        copy.setId("migrateCopy");
        copy.setToggleGroup(mode);
        RadioButton move = new RadioButton(i18n.get("migrate.move"));
        move.setId("migrateMove");
        move.setToggleGroup(mode);
        (model.moveProperty().get() ? move : copy).setSelected(true);
        move.selectedProperty().bindBidirectional(model.moveProperty());
        CheckBox live = new CheckBox(i18n.get("migrate.live"));
        live.setId("migrateLive");
        live.setDisable(!model.liveAllowed());
        live.selectedProperty().bindBidirectional(model.liveProperty());
        CheckBox instanceOnly = new CheckBox(i18n.get("migrate.instanceOnly"));
        instanceOnly.setId("migrateInstanceOnly");
        instanceOnly.selectedProperty().bindBidirectional(model.instanceOnlyProperty());
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("migrate.remote")), remote);
        grid.addRow(1, new Label(i18n.get("migrate.name")), name);
        grid.add(new VBox(6, copy, move), 1, 2);
        grid.add(instanceOnly, 1, 3);
        grid.add(live, 1, 4);
        Label hint = wrapping(new Label(model.modeHint()));
        hint.getStyleClass().add("text-muted");
        return new VBox(12, grid, hint);
    }

    private VBox storagePage() {
        ChoiceBox<String> pool = new ChoiceBox<>(model.pools());
        pool.setId("migratePool");
        pool.setMinWidth(220);
        pool.valueProperty().bindBidirectional(model.poolProperty());
        profilesState.setId("migrateProfiles");
        wrapping(profilesState);
        copyProfiles.setText(i18n.get("migrate.copyProfiles"));
        copyProfiles.setId("migrateCopyProfiles");
        copyProfiles.setWrapText(true);
        copyProfiles.selectedProperty().bindBidirectional(model.copyProfilesProperty());
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("migrate.pool")), pool);
        grid.addRow(1, new Label(i18n.get("migrate.profiles")), profilesState);
        grid.add(copyProfiles, 1, 2);
        return new VBox(12, grid);
    }

    private VBox runPage() {
        summary.setId("migrateSummary");
        wrapping(summary);
        ProgressBar progress = new ProgressBar();
        progress.setId("migrateProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.workingProperty());
        Label progressText = wrapping(new Label());
        progressText.setId("migrateProgressText");
        progressText.textProperty().bind(model.progressTextProperty());
        return new VBox(12, summary, progress, progressText);
    }

    private void showDestination() {
        profilesState.setText(model.destinationProperty().get() == null ? i18n.get("migrate.checking")
                : model.profilesText());
        copyProfiles.setDisable(model.missingProfiles().isEmpty());
        wizard.revalidate();
    }
}
