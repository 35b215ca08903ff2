package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.InstanceMigration;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.StoragePool;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.ui.common.Dialogs;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskRunner;
import dev.hako.ui.common.WizardDialog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Copies or moves an instance to another connected remote of the same kind: where
 * to, under what name, onto which pool and with which profiles (missing ones can be
 * copied), cold or live; the transfer shows its progress and can be cancelled.
 */
public final class MigrationWizard {

    /** What the destination has, read when its page opens. */
    private record Destination(String remote, Set<String> pools, Set<String> profiles, Set<String> instances) {
    }

    private final I18n i18n;
    private final Workspace workspace;
    private final RemoteModel source;
    private final Instance instance;
    private final List<RemoteModel> targets;

    private final ChoiceBox<String> remote = new ChoiceBox<>();
    private final TextField name = new TextField();
    private final ToggleGroup mode = new ToggleGroup();
    private final RadioButton copy = new RadioButton();
    private final RadioButton move = new RadioButton();
    private final CheckBox live = new CheckBox();
    private final CheckBox instanceOnly = new CheckBox();
    private final ChoiceBox<String> pool = new ChoiceBox<>();
    private final Label profilesState = new Label();
    private final CheckBox copyProfiles = new CheckBox();
    private final Label summary = new Label();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private volatile Destination destination;
    private volatile String destinationProblem;
    private WizardDialog wizard;
    private volatile InstanceMigration running;
    private String preferred;

    private MigrationWizard(I18n i18n, Workspace workspace, RemoteModel source, Instance instance,
                            List<RemoteModel> targets) {
        this.i18n = i18n;
        this.workspace = workspace;
        this.source = source;
        this.instance = instance;
        this.targets = targets;
    }

    /** Opens the wizard, or says why it cannot (no other connected remote of the same kind). */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel source, Instance instance) {
        open(owner, i18n, workspace, source, instance, null);
    }

    /** The same, with the destination remote chosen (a drop on its row); null for the first one. */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel source, Instance instance,
                            String destination) {
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
            Dialogs.inform(owner, i18n, i18n.get("migrate.title"), i18n.get("migrate.noTarget"));
            return;
        }
        MigrationWizard wizard = new MigrationWizard(i18n, workspace, source, instance, targets);
        if (destination != null && targets.stream().anyMatch(r -> r.name().equals(destination))) {
            wizard.preferred = destination;
        }
        wizard.show(owner);
    }

    private void show(Window owner) {
        wizard = new WizardDialog(owner, i18n, i18n.format("migrate.titleOf", instance.name(), source.name()));
        wizard.page(i18n.get("migrate.page.where"), wherePage(), this::whereProblem, null)
                .page(i18n.get("migrate.page.storage"), storagePage(), this::storageProblem, this::loadDestination)
                .page(i18n.get("migrate.page.run"), runPage(), this::storageProblem, this::updateSummary)
                .onFinish(this::finish)
                .onCancelWhileWorking(() -> {
                    InstanceMigration migration = running;
                    if (migration != null) {
                        progressText.setText(i18n.get("migrate.cancelling"));
                        TaskRunner.run(migration::cancel, () -> { }, failure -> { });
                    }
                })
                .show();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints field = new javafx.scene.layout.ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), field);
        return grid;
    }

    private VBox wherePage() {
        remote.setId("migrateRemote");
        remote.setItems(FXCollections.observableArrayList(targets.stream().map(RemoteModel::name).toList()));
        remote.setValue(preferred != null ? preferred : targets.get(0).name());
        name.setId("migrateName");
        name.setText(instance.name());
        copy.setText(i18n.get("migrate.copy"));
        move.setText(i18n.get("migrate.move"));
        copy.setId("migrateCopy");
        move.setId("migrateMove");
        copy.setToggleGroup(mode);
        move.setToggleGroup(mode);
        copy.setSelected(true);
        live.setText(i18n.get("migrate.live"));
        live.setId("migrateLive");
        live.setDisable(!instance.running());
        instanceOnly.setText(i18n.get("migrate.instanceOnly"));
        instanceOnly.setId("migrateInstanceOnly");
        remote.valueProperty().addListener((o, a, b) -> destination = null);
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("migrate.remote")), remote);
        grid.addRow(1, new Label(i18n.get("migrate.name")), name);
        grid.add(new VBox(6, copy, move), 1, 2);
        grid.add(instanceOnly, 1, 3);
        grid.add(live, 1, 4);
        Label hint = new Label(i18n.get(instance.running() ? "migrate.liveHint" : "migrate.stoppedHint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        return new VBox(12, grid, hint);
    }

    private String whereProblem() {
        if (remote.getValue() == null) {
            return i18n.get("migrate.problem.remote");
        }
        return NameRules.check(name.getText().trim()).map(p -> i18n.get(p.messageKey)).orElse(null);
    }

    private VBox storagePage() {
        pool.setId("migratePool");
        pool.setMinWidth(220);
        profilesState.setId("migrateProfiles");
        profilesState.setWrapText(true);
        profilesState.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        copyProfiles.setText(i18n.get("migrate.copyProfiles"));
        copyProfiles.setId("migrateCopyProfiles");
        copyProfiles.setWrapText(true);
        GridPane grid = grid();
        grid.addRow(0, new Label(i18n.get("migrate.pool")), pool);
        grid.addRow(1, new Label(i18n.get("migrate.profiles")), profilesState);
        grid.add(copyProfiles, 1, 2);
        return new VBox(12, grid);
    }

    private RemoteModel targetRemote() {
        return targets.stream().filter(r -> r.name().equals(remote.getValue())).findFirst().orElseThrow();
    }

    private List<String> wantedProfiles() {
        return instance.profiles() == null ? List.of() : instance.profiles();
    }

    private List<String> missingProfiles() {
        Destination d = destination;
        return d == null ? List.of() : wantedProfiles().stream().filter(p -> !d.profiles().contains(p)).toList();
    }

    /** Reads the destination's pools, profiles and instance names (pre-checks) in the background. */
    private void loadDestination() {
        RemoteModel target = targetRemote();
        if (destination != null && destination.remote().equals(target.name())) {
            return;
        }
        destination = null;
        destinationProblem = i18n.get("migrate.checking");
        LxdClient client = target.client();
        TaskRunner.run(() -> new Destination(target.name(),
                new TreeSet<>(client.storage().pools().stream().map(StoragePool::name).toList()),
                new TreeSet<>(client.profiles().list().stream().map(Profile::name).toList()),
                new TreeSet<>(client.instances().names().stream()
                        .map(n -> n.substring(n.lastIndexOf('/') + 1)).toList())), d -> {
            destination = d;
            destinationProblem = null;
            pool.setItems(FXCollections.observableArrayList(d.pools()));
            String own = instance.expandedDevices() != null && instance.expandedDevices().get("root") != null
                    ? instance.expandedDevices().get("root").get("pool") : null;
            pool.setValue(d.pools().contains(own) ? own : d.pools().isEmpty() ? null : d.pools().iterator().next());
            List<String> missing = missingProfiles();
            List<String> lines = new ArrayList<>();
            for (String p : wantedProfiles()) {
                lines.add(i18n.format(missing.contains(p) ? "migrate.profileMissing" : "migrate.profilePresent", p));
            }
            profilesState.setText(lines.isEmpty() ? i18n.get("migrate.noProfiles") : String.join("\n", lines));
            copyProfiles.setDisable(missing.isEmpty());
            wizard.revalidate();
        }, failure -> {
            destinationProblem = i18n.format("migrate.problem.read", target.name(), failure.getMessage());
            wizard.revalidate();
        });
    }

    private String storageProblem() {
        String where = whereProblem();
        if (where != null) {
            return where;
        }
        Destination d = destination;
        if (d == null) {
            return destinationProblem == null ? i18n.get("migrate.checking") : destinationProblem;
        }
        if (d.instances().contains(name.getText().trim())) {
            return i18n.format("migrate.problem.nameTaken", name.getText().trim(), d.remote());
        }
        if (pool.getValue() == null) {
            return i18n.format("migrate.problem.noPool", d.remote());
        }
        if (!missingProfiles().isEmpty() && !copyProfiles.isSelected()) {
            return i18n.format("migrate.problem.profiles", String.join(", ", missingProfiles()));
        }
        return null;
    }

    private VBox runPage() {
        summary.setId("migrateSummary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        progress.setId("migrateProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progressText.setId("migrateProgressText");
        progressText.setWrapText(true);
        return new VBox(12, summary, progress, progressText);
    }

    private boolean liveChosen() {
        return live.isSelected() && !live.isDisabled();
    }

    private void updateSummary() {
        summary.setText(i18n.format(move.isSelected() ? "migrate.summary.move" : "migrate.summary.copy",
                instance.name(), source.name(), name.getText().trim(), remote.getValue(), pool.getValue(),
                String.join(", ", wantedProfiles()), i18n.get(liveChosen() ? "migrate.mode.live" : "migrate.mode.cold"),
                missingProfiles().isEmpty() ? "" : i18n.format("migrate.summary.copiesProfiles",
                        String.join(", ", missingProfiles()))));
    }

    private void finish(WizardDialog dialog) {
        LxdClient from = source.client();
        LxdClient to = targetRemote().client();
        List<String> toCopy = missingProfiles();
        InstanceMigration.Request request = new InstanceMigration.Request(instance.name(), name.getText().trim(),
                pool.getValue(), wantedProfiles(), move.isSelected(), liveChosen(), instanceOnly.isSelected());
        InstanceMigration migration = new InstanceMigration(from, to, request);
        running = migration;
        progress.setVisible(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progressText.setText(i18n.get("migrate.starting"));
        String action = i18n.format(move.isSelected() ? "migrate.action.move" : "migrate.action.copy",
                instance.name(), remote.getValue());
        TaskRunner.run(() -> {
            List<String> copied = new ArrayList<>();
            try {
                for (String profile : toCopy) {
                    Profile p = from.profiles().get(profile).value();
                    to.profiles().create(new ProfilesPost(p.name(), p.description(),
                            p.config() == null ? Map.of() : p.config(), p.devices() == null ? Map.of() : p.devices()));
                    copied.add(profile);
                }
                migration.run(op -> Platform.runLater(() -> {
                    op.progressText().ifPresent(progressText::setText);
                    op.progressPercent().ifPresent(pct -> progress.setProgress(pct / 100.0));
                }));
            } catch (RuntimeException failure) {
                // Leave the destination as it was: the profiles copied for this run go again.
                for (String profile : copied) {
                    try {
                        to.profiles().delete(profile);
                    } catch (RuntimeException stillUsed) {
                        // Reported by the failure below; the user can delete it by hand.
                    }
                }
                throw failure;
            }
        }, () -> {
            running = null;
            dialog.close();
        }, failure -> {
            running = null;
            progress.setVisible(false);
            progressText.setText("");
            destination = null;
            dialog.failed();
            loadDestination();
            Dialogs.showError(dialog.window(), i18n, action, failure);
        });
    }
}
