package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.model.CollectionListener;
import dev.hako.model.RemoteModel;
import dev.hako.model.ResourceCollection;
import dev.hako.model.Workspace;
import dev.hako.model.migration.PreflightCheck;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ShownAs;
import dev.hako.ui.common.Icons;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.WizardDialog;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Copies or moves an instance: to another connected remote of the same kind, or within
 * its own server to another pool, project or cluster member. Where to and under what
 * name, onto which pool and with which profiles (missing ones can be copied), the
 * pre-flight checks, then the review with the equivalent CLI commands and the transfer
 * with its progress and Cancel. The pages show and bind a {@link MigrationViewModel}.
 */
public final class MigrationWizard {

    private final I18n i18n;
    private final MigrationViewModel model;
    private final Label profilesState = new Label();
    private final CheckBox copyProfiles = new CheckBox();
    private final CheckBox live = new CheckBox();
    private final Label modeHint = new Label();
    private final Label summary = new Label();
    private final TextArea commands = new TextArea();
    private final VBox checkRows = new VBox(8);
    private WizardDialog wizard;

    private MigrationWizard(I18n i18n, MigrationViewModel model) {
        this.i18n = i18n;
        this.model = model;
    }

    /** Opens the wizard with the application's executor and dialogs owned by {@code owner}. */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel source, Instance instance) {
        open(owner, i18n, workspace, source, instance, null, null);
    }

    /**
     * The same, with the destination chosen by a drop: a remote (null for the first other
     * one) and one of its cluster members (null: the cluster chooses).
     */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel source, Instance instance,
                            String destination, String member) {
        open(FxTaskExecutor.get(), new FxDialogService(() -> owner, i18n), workspace, source, instance, destination,
                member);
    }

    /** Opens the wizard; within its own server it can always go (another pool, project or member). */
    public static void open(TaskExecutor tasks, DialogService dialogs, Workspace workspace, RemoteModel source,
                            Instance instance, String destination, String member) {
        I18n i18n = dialogs.i18n();
        LxdClient sourceClient = source.client();
        if (sourceClient == null) {
            dialogs.inform(i18n.get("migrate.title"), i18n.get("migrate.noTarget"));
            return;
        }
        List<RemoteModel> others = new ArrayList<>();
        if (workspace != null) {
            for (RemoteModel other : workspace.remotes()) {
                if (other != source && other.client() != null && other.client().kind() == sourceClient.kind()) {
                    others.add(other);
                }
            }
        }
        MigrationViewModel model = MigrationViewModel.of(tasks, dialogs, source, instance, others, destination,
                member);
        MigrationWizard view = new MigrationWizard(i18n, model);
        view.show(dialogs.owner());
        List<RemoteModel> followed = new ArrayList<>(others);
        followed.add(source);
        view.followDestinations(tasks, followed);
    }

    /** Re-checks the destination whenever what the remotes hold changes, until the wizard closes. */
    private void followDestinations(TaskExecutor tasks, List<RemoteModel> remotes) {
        Runnable changed = () -> tasks.runOnUi(() -> {
            if (!model.transfer().workingProperty().get()) {
                model.destinationChanged();
            }
        });
        List<Runnable> unfollow = new ArrayList<>();
        for (RemoteModel target : remotes) {
            unfollow.add(follow(target.storagePools(), changed));
            unfollow.add(follow(target.profiles(), changed));
            unfollow.add(follow(target.instances(), changed));
            unfollow.add(follow(target.networks(), changed));
            unfollow.add(follow(target.volumes(), changed));
            unfollow.add(follow(target.projects(), changed));
            unfollow.add(follow(target.clusterMembers(), changed));
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
                .page(i18n.get("migrate.page.checks"), checksPage(), model::checksProblem, model::runChecks)
                .page(i18n.get("migrate.page.run"), runPage(), model::checksProblem, this::showReview)
                .onFinish(dialog -> model.finish(dialog::close, dialog::failed))
                .onCancelWhileWorking(model::cancel)
                .size(720, 560)
                .show();
        model.destinationProperty().addListener((o, was, now) -> showDestination());
        model.preflight().checks().addListener((ListChangeListener<PreflightCheck>) c -> showChecks());
        model.preflight().checkingProperty().addListener((o, was, now) -> showChecks());
        model.preflight().failureProperty().addListener((o, was, now) -> showChecks());
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
        remote.setConverter(ShownAs.text(model::targetLabel));
        remote.valueProperty().bindBidirectional(model.remoteProperty());
        ChoiceBox<String> member = optional("migrateMember", model.members(), model.memberProperty(),
                "migrate.member.any");
        ChoiceBox<String> project = optional("migrateProject", model.projects(), model.projectProperty(),
                "migrate.project.same");
        TextField name = new TextField();
        name.setId("migrateName");
        name.textProperty().bindBidirectional(model.newNameProperty());
        ToggleGroup copyOrMove = new ToggleGroup();
        RadioButton copy = new RadioButton(i18n.get("migrate.copy"));
        copy.setId("migrateCopy");
        copy.setToggleGroup(copyOrMove);
        RadioButton move = new RadioButton(i18n.get("migrate.move"));
        move.setId("migrateMove");
        move.setToggleGroup(copyOrMove);
        (model.moveProperty().get() ? move : copy).setSelected(true);
        move.selectedProperty().bindBidirectional(model.moveProperty());
        live.setText(i18n.get("migrate.live"));
        live.setId("migrateLive");
        live.selectedProperty().bindBidirectional(model.liveProperty());
        CheckBox instanceOnly = new CheckBox(i18n.get("migrate.instanceOnly"));
        instanceOnly.setId("migrateInstanceOnly");
        instanceOnly.selectedProperty().bindBidirectional(model.instanceOnlyProperty());
        Label remoteLabel = new Label(i18n.get("migrate.remote"));
        Label memberLabel = new Label(i18n.get("migrate.member"));
        Label projectLabel = new Label(i18n.get("migrate.project"));
        Label nameLabel = new Label(i18n.get("migrate.name"));
        VBox mode = new VBox(6, copy, move);
        GridPane grid = grid();
        // Rows for a member and a project only where there are some: an empty row would still take a gap.
        Runnable layout = () -> {
            grid.getChildren().clear();
            int row = 0;
            grid.addRow(row++, remoteLabel, remote);
            if (!model.members().isEmpty()) {
                grid.addRow(row++, memberLabel, member);
            }
            if (!model.projects().isEmpty()) {
                grid.addRow(row++, projectLabel, project);
            }
            grid.addRow(row++, nameLabel, name);
            grid.add(mode, 1, row++);
            grid.add(instanceOnly, 1, row++);
            grid.add(live, 1, row);
        };
        model.members().addListener((ListChangeListener<String>) c -> layout.run());
        model.projects().addListener((ListChangeListener<String>) c -> layout.run());
        layout.run();
        wrapping(modeHint).getStyleClass().add("text-muted");
        modeHint.setId("migrateModeHint");
        model.remoteProperty().addListener((o, was, now) -> showMode());
        model.memberProperty().addListener((o, was, now) -> showMode());
        showMode();
        return new VBox(12, grid, modeHint);
    }

    private void showMode() {
        live.setDisable(!model.liveAllowed());
        modeHint.setText(model.modeHint());
    }

    /** A choice of {@code items} or none (null, shown as {@code noneKey}), kept in step with {@code chosen}. */
    private ChoiceBox<String> optional(String id, ObservableList<String> items, StringProperty chosen,
                                       String noneKey) {
        ObservableList<String> choices = FXCollections.observableArrayList();
        ChoiceBox<String> box = new ChoiceBox<>(choices);
        box.setId(id);
        box.setConverter(ShownAs.text(v -> v == null || v.isEmpty() ? i18n.get(noneKey) : v));
        Runnable fill = () -> {
            List<String> all = new ArrayList<>();
            all.add("");
            all.addAll(items);
            choices.setAll(all);
            box.setValue(chosen.get() == null ? "" : chosen.get());
        };
        items.addListener((ListChangeListener<String>) c -> fill.run());
        box.valueProperty().addListener((o, was, now) -> chosen.set(now == null || now.isEmpty() ? null : now));
        chosen.addListener((o, was, now) -> box.setValue(now == null ? "" : now));
        fill.run();
        return box;
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

    private VBox checksPage() {
        checkRows.setId("migrateChecks");
        Button again = new Button(i18n.get("migrate.check.again"));
        again.setId("migrateChecksAgain");
        again.setOnAction(e -> model.runChecks());
        again.disableProperty().bind(model.preflight().checkingProperty());
        Label intro = wrapping(new Label(i18n.get("migrate.check.intro")));
        intro.getStyleClass().add("text-muted");
        return new VBox(12, intro, checkRows, again);
    }

    private void showChecks() {
        List<javafx.scene.Node> rows = new ArrayList<>();
        PreflightViewModel checks = model.preflight();
        if (checks.checkingProperty().get()) {
            rows.add(new Label(i18n.get("migrate.checking")));
        } else if (checks.failureProperty().get() != null) {
            rows.add(row(PreflightCheck.Verdict.BLOCK, checks.failureProperty().get()));
        }
        for (PreflightCheck check : checks.checks()) {
            rows.add(row(check.verdict(), checks.text(check)));
        }
        checkRows.getChildren().setAll(rows);
        wizard.revalidate();
    }

    private HBox row(PreflightCheck.Verdict verdict, String text) {
        var icon = switch (verdict) {
            case PASS -> Icons.of(Material2AL.CHECK_CIRCLE, "status-running");
            case WARN -> Icons.of(Material2MZ.WARNING, "remote-connecting");
            case BLOCK -> Icons.of(Material2AL.CANCEL, "status-error");
        };
        Label words = wrapping(new Label(text));
        words.getStyleClass().add("migrate-check-" + verdict.name().toLowerCase(java.util.Locale.ROOT));
        HBox row = new HBox(8, icon, words);
        HBox.setHgrow(words, Priority.ALWAYS);
        return row;
    }

    private VBox runPage() {
        summary.setId("migrateSummary");
        wrapping(summary);
        commands.setId("migrateCommands");
        commands.setEditable(false);
        commands.setPrefRowCount(3);
        commands.getStyleClass().add("cli-text");
        Button copy = new Button(i18n.get("migrate.copyCommands"));
        copy.setId("migrateCopyCommands");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(commands.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label commandsTitle = new Label(i18n.format("migrate.commands", model.cliName()));
        ProgressBar progress = new ProgressBar();
        progress.setId("migrateProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.transfer().progressProperty());
        progress.visibleProperty().bind(model.transfer().workingProperty());
        Label progressText = wrapping(new Label());
        progressText.setId("migrateProgressText");
        progressText.textProperty().bind(model.transfer().progressTextProperty());
        return new VBox(10, summary, commandsTitle, commands, copy, progress, progressText);
    }

    private void showReview() {
        summary.setText(model.summary());
        List<String> lines = model.commandLines();
        commands.setText(String.join("\n", lines));
        commands.setPrefRowCount(Math.max(2, Math.min(6, lines.size())));
    }

    private void showDestination() {
        profilesState.setText(model.destinationProperty().get() == null ? i18n.get("migrate.checking")
                : model.profilesText());
        copyProfiles.setDisable(model.missingProfiles().isEmpty());
        showMode();
        wizard.revalidate();
    }
}
