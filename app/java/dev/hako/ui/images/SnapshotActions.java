package dev.hako.ui.images;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstancePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Tagged;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.ui.actions.ActionContext;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FormBuilder;
import dev.hako.ui.common.I18n;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Snapshot work beyond create, restore and delete: rename, a new instance from a
 * snapshot, publish as an image, and the automatic snapshot schedule.
 */
public final class SnapshotActions {

    /** Expiry as the server takes it: amounts with units, e.g. {@code 2d 3H}, {@code 1w}. */
    private static final Pattern EXPIRY = Pattern.compile("(\\d+\\s*[MHdwmy]\\s*)+");
    static final int PREVIEW_RUNS = 5;

    private final ActionContext context;
    private final ImageActions actions;
    private final I18n i18n;

    /** With the application's task executor and dialogs owned by {@code owner}. */
    public SnapshotActions(Supplier<Window> owner, I18n i18n) {
        this(new ActionContext(owner, i18n, null));
    }

    public SnapshotActions(ActionContext context) {
        this.context = context;
        this.actions = new ImageActions(context);
        this.i18n = context.i18n();
    }

    public void rename(RemoteModel remote, String instance, String snapshot, Runnable then) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        FormBuilder form = new FormBuilder(i18n);
        TextField name = form.text("snapshots.rename.name", "snapshotNewName", snapshot, null);
        form.check(() -> snapshotNameProblem(name.getText().trim()));
        form.check(() -> name.getText().trim().equals(snapshot) ? i18n.get("snapshots.rename.same") : null);
        form.command(client.kind().cli(), () -> ActionContext.commands(remote, client).renameSnapshot(instance, snapshot,
                name.getText().trim()));
        if (form.show(context.dialogs(), i18n.get("snapshots.rename"),
                i18n.format("snapshots.rename.header", instance, snapshot))) {
            String newName = name.getText().trim();
            context.perform(i18n.format("snapshots.rename.failed", instance, snapshot, newName), () -> client.instances()
                    .renameSnapshot(instance, snapshot, newName).awaitSuccess(ImageActions.OPERATION_TIMEOUT), then);
        }
    }

    /** Snapshot names: not blank, no slash and no white space (LXD 5.0 and Incus 6 refuse both). */
    private String snapshotNameProblem(String name) {
        if (name.isEmpty()) {
            return i18n.get("snapshots.problem.empty");
        }
        if (name.contains("/")) {
            return i18n.get("snapshots.problem.slash");
        }
        return name.chars().anyMatch(Character::isWhitespace) ? i18n.get("snapshots.problem.space") : null;
    }

    /** A new instance on the same remote from {@code instance/snapshot}. */
    public void newInstance(RemoteModel remote, Instance source, String snapshot) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        FormBuilder form = new FormBuilder(i18n);
        TextField name = form.text("snapshots.newInstance.name", "fromSnapshotName",
                source.name() + "-" + snapshot.replaceAll("[^A-Za-z0-9-]", "-"), null);
        form.check(() -> NameRules.check(name.getText().trim()).map(p -> i18n.get(p.messageKey)).orElse(null));
        form.command(client.kind().cli(), () -> ActionContext.commands(remote, client).copySnapshot(source.name(), snapshot,
                name.getText().trim()));
        if (form.show(context.dialogs(), i18n.get("snapshots.newInstance"),
                i18n.format("snapshots.newInstance.header", source.name(), snapshot))) {
            String newName = name.getText().trim();
            InstancesPost copy = InstancesPost.copyOf(source, newName, true);
            InstancesPost fromSnapshot = new InstancesPost(copy.name(), copy.type(),
                    dev.hako.lxd.api.InstanceSource.copyOf(source.name() + "/" + snapshot, true), copy.profiles(),
                    copy.config(), copy.devices(), copy.ephemeral(), copy.description(), copy.architecture());
            context.perform(i18n.format("snapshots.newInstance.failed", source.name(), snapshot, newName),
                    () -> client.instances().create(fromSnapshot).awaitSuccess(ImageActions.OPERATION_TIMEOUT));
        }
    }

    public void publish(RemoteModel remote, String instance, String snapshot) {
        actions.publish(remote, instance, snapshot);
    }

    /** Edits snapshots.schedule, snapshots.expiry and snapshots.pattern, with the next runs previewed. */
    public void schedule(RemoteModel remote, String instance, ZoneId zone) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        context.tasks().execute(BackgroundTask.of(progress -> client.instances().get(instance))
                .onSuccess(tagged -> scheduleDialog(client, instance, tagged, zone))
                .onFailure(failure -> context.dialogs().showError(i18n.format("snapshots.schedule.failed", instance),
                        failure)));
    }

    private void scheduleDialog(LxdClient client, String instance, Tagged<Instance> tagged, ZoneId zone) {
        Map<String, String> config = tagged.value().config() == null ? Map.of() : tagged.value().config();
        FormBuilder form = new FormBuilder(i18n);
        TextField schedule = form.text("snapshots.schedule.cron", "scheduleCron",
                config.getOrDefault("snapshots.schedule", ""), "snapshots.schedule.cronPrompt");
        Label preview = new Label();
        preview.setId("schedulePreview");
        preview.setWrapText(true);
        preview.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.row("snapshots.schedule.next", preview);
        TextField expiry = form.text("snapshots.schedule.expiry", "scheduleExpiry",
                config.getOrDefault("snapshots.expiry", ""), "snapshots.schedule.expiryPrompt");
        TextField pattern = form.text("snapshots.schedule.pattern", "schedulePattern",
                config.getOrDefault("snapshots.pattern", ""), "snapshots.schedule.patternPrompt");
        Runnable updatePreview = () -> {
            preview.setText(preview(schedule.getText(), ZonedDateTime.now(zone)));
            form.refit();
        };
        schedule.textProperty().addListener((obs, old, text) -> updatePreview.run());
        updatePreview.run();
        form.check(() -> schedule.getText().isBlank() ? null : CronSchedule.problem(schedule.getText())
                .map(p -> i18n.format("snapshots.schedule.bad", describe(p))).orElse(null));
        form.check(() -> expiry.getText().isBlank() || EXPIRY.matcher(expiry.getText().trim()).matches() ? null
                : i18n.get("snapshots.schedule.badExpiry"));
        if (!form.show(context.dialogs(), i18n.get("snapshots.schedule"),
                i18n.format("snapshots.schedule.header", instance))) {
            return;
        }
        Map<String, String> changed = new LinkedHashMap<>(config);
        put(changed, "snapshots.schedule", schedule.getText().isBlank() ? ""
                : CronSchedule.normalize(schedule.getText()));
        put(changed, "snapshots.expiry", expiry.getText().trim());
        put(changed, "snapshots.pattern", pattern.getText().trim());
        InstancePut put = tagged.value().toPut();
        InstancePut updated = new InstancePut(put.architecture(), changed, put.devices(), put.ephemeral(),
                put.profiles(), put.stateful(), put.description());
        context.perform(i18n.format("snapshots.schedule.failed", instance), () -> client.instances().update(instance, updated,
                tagged.etag()).awaitSuccess(ImageActions.OPERATION_TIMEOUT));
    }

    /** A schedule's problem in the user's language, the parts quoted from it verbatim. */
    String describe(CronSchedule.Problem problem) {
        List<Object> arguments = new java.util.ArrayList<>();
        arguments.add(problem.field() == null ? "" : i18n.get(problem.field()));
        arguments.addAll(problem.details());
        return i18n.format(problem.key(), arguments.toArray());
    }

    private static void put(Map<String, String> config, String key, String value) {
        if (value.isEmpty()) {
            config.remove(key);
        } else {
            config.put(key, value);
        }
    }

    /** The next runs, one per line, in the user's zone and language; a note for shorthands. */
    String preview(String text, ZonedDateTime now) {
        if (text == null || text.isBlank()) {
            return i18n.get("snapshots.schedule.none");
        }
        if (CronSchedule.problem(text).isPresent()) {
            return "";
        }
        List<ZonedDateTime> runs = CronSchedule.parse(text).next(now, PREVIEW_RUNS);
        if (runs.isEmpty()) {
            return i18n.get("snapshots.schedule.never");
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(i18n.locale());
        StringBuilder out = new StringBuilder();
        for (ZonedDateTime run : runs) {
            out.append(run.format(format)).append('\n');
        }
        out.append(i18n.format("snapshots.schedule.zone", now.getZone().getId()));
        if (CronSchedule.usesShorthand(text)) {
            out.append('\n').append(i18n.get("snapshots.schedule.shorthandNote"));
        }
        return out.toString();
    }
}
