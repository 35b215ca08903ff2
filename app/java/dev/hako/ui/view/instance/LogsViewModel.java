package dev.hako.ui.view.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An instance's log files ({@code lxc info --show-log}): which there are, one of them as
 * lines, re-read while followed, searched, and saved to a file. A stopped instance whose
 * lxc.log has error lines failed its last start: that log is shown first, its errors marked.
 * UI thread only; reads go through the task executor, the latest one counts.
 */
final class LogsViewModel {

    /** The log of the container runtime, the one that tells why a start failed. */
    static final String LXC_LOG = "lxc.log";
    /**
     * An error of lxc's own log ({@code lxc <name> <date> ERROR …}), or a logfmt line of
     * level error, or a line that starts with "Error:" (qemu, forkstart).
     */
    private static final Pattern ERROR_LINE = Pattern.compile(
            "^lxc\\s.*?\\d{14}\\.\\d+\\s+(ERROR|CRIT|ALERT|EMERG|FATAL)\\b"
                    + "|\\blevel=(error|eror|crit|fatal)\\b|^(ERROR|Error):");

    /** One line of the shown log: its number (from 1), text, and whether it reports an error. */
    record LogLine(int number, String text, boolean error) {
    }

    private final RemoteModel remote;
    private final String instance;
    private final I18n i18n;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final LatestTask listing;
    private final LatestTask reads;
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final ObjectProperty<String> file = new SimpleObjectProperty<>(this, "file");
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Integer> matches = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors");
    private final ReadOnlyBooleanWrapper failedStart = new ReadOnlyBooleanWrapper(this, "failedStart");
    private final ReadOnlyObjectWrapper<Exception> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private int readCount;
    private boolean stopped;
    private String text;

    LogsViewModel(RemoteModel remote, String instance, I18n i18n, TaskExecutor tasks, DialogService dialogs) {
        this.remote = remote;
        this.instance = instance;
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.listing = new LatestTask(tasks);
        this.reads = new LatestTask(tasks);
        file.addListener((obs, was, now) -> {
            text = null;
            lines.clear();
            if (now != null) {
                read();
            }
        });
        query.addListener((obs, was, now) -> findMatches());
    }

    ObservableList<String> files() {
        return files;
    }

    /** The log shown; choosing another reads it. */
    ObjectProperty<String> fileProperty() {
        return file;
    }

    ObservableList<LogLine> lines() {
        return lines;
    }

    /** Whether the shown log is re-read while the tab is on screen. */
    BooleanProperty followProperty() {
        return follow;
    }

    StringProperty queryProperty() {
        return query;
    }

    /** Line indexes (from 0) that contain the query, in order. */
    ObservableList<Integer> matches() {
        return matches;
    }

    /** The line index of the match the user is on, or -1. */
    ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** How many error lines the shown log has. */
    ReadOnlyIntegerProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    /** The instance is stopped and its lxc.log, shown, has errors: its last start failed. */
    ReadOnlyBooleanProperty failedStartProperty() {
        return failedStart.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Exception> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Log reads answered so far (a test waits on it). */
    int readCount() {
        return readCount;
    }

    /** What the list says when it is empty, in the window's language. */
    String placeholderText() {
        Exception failed = failure.get();
        return failed == null ? i18n.get("logs.empty") : FailureText.of(i18n, failed);
    }

    /** The index of the first error line, or -1. */
    int firstError() {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).error()) {
                return i;
            }
        }
        return -1;
    }

    /** The instance's status as the model now has it. */
    void setStopped(boolean isStopped) {
        this.stopped = isStopped;
        updateFailedStart();
    }

    /**
     * Lists the log files again and shows lxc.log first (it is the one that says why a start
     * failed); the file already chosen stays when it is still there, and is re-read.
     */
    void reload() {
        LxdClient client = remote.client();
        if (client == null) {
            return;
        }
        listing.run(BackgroundTask.of(progress -> client.instances().logNames(instance))
                .onSuccess(names -> {
                    List<String> sorted = new ArrayList<>(names);
                    sorted.sort(Comparator.comparing((String n) -> !LXC_LOG.equals(n)).thenComparing(n -> n));
                    files.setAll(sorted);
                    String chosen = file.get();
                    if (chosen != null && sorted.contains(chosen)) {
                        read();
                    } else {
                        file.set(sorted.isEmpty() ? null : sorted.get(0));
                    }
                    if (sorted.isEmpty()) {
                        failure.set(null);
                    }
                })
                .onFailure(failed -> {
                    files.clear();
                    lines.clear();
                    failure.set(failed);
                }));
    }

    /** Reads the shown log again (a follow tick); the lines change only when the text did. */
    void read() {
        LxdClient client = remote.client();
        String name = file.get();
        if (client == null || name == null) {
            return;
        }
        reads.run(BackgroundTask.of(progress -> client.instances().log(instance, name))
                .onSuccess(read -> {
                    readCount++;
                    failure.set(null);
                    if (name.equals(file.get()) && !read.equals(text)) {
                        show(read);
                    }
                })
                .onFailure(failed -> {
                    readCount++;
                    text = null;
                    lines.clear();
                    failure.set(failed);
                }));
    }

    private void show(String read) {
        text = read;
        List<LogLine> parsed = new ArrayList<>();
        int number = 1;
        int errorCount = 0;
        for (String line : read.split("\r?\n", -1)) {
            boolean error = isError(line);
            errorCount += error ? 1 : 0;
            parsed.add(new LogLine(number++, line, error));
        }
        if (!parsed.isEmpty() && parsed.get(parsed.size() - 1).text().isEmpty()) {
            parsed.remove(parsed.size() - 1);
        }
        lines.setAll(parsed);
        errors.set(errorCount);
        updateFailedStart();
        findMatches();
    }

    static boolean isError(String line) {
        return ERROR_LINE.matcher(line).find();
    }

    private void updateFailedStart() {
        failedStart.set(stopped && LXC_LOG.equals(file.get()) && errors.get() > 0);
    }

    private void findMatches() {
        String wanted = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        List<Integer> found = new ArrayList<>();
        if (!wanted.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).text().toLowerCase(Locale.ROOT).contains(wanted)) {
                    found.add(i);
                }
            }
        }
        int was = current.get();
        matches.setAll(found);
        current.set(found.contains(was) ? was : found.isEmpty() ? -1 : found.get(0));
    }

    /** Whether a line contains the query (for highlighting). */
    boolean matches(LogLine line) {
        String wanted = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        return !wanted.isEmpty() && line.text().toLowerCase(Locale.ROOT).contains(wanted);
    }

    /** Goes to the next match after the current one, round to the first. */
    void nextMatch() {
        step(1);
    }

    void previousMatch() {
        step(-1);
    }

    private void step(int direction) {
        if (matches.isEmpty()) {
            return;
        }
        int at = matches.indexOf(current.get());
        int next = at < 0 ? 0 : Math.floorMod(at + direction, matches.size());
        current.set(matches.get(next));
    }

    /** "2 of 5", or nothing without a query. */
    String matchText() {
        if (query.get() == null || query.get().isBlank()) {
            return "";
        }
        return matches.isEmpty() ? i18n.get("logs.noMatch")
                : i18n.format("logs.match", matches.indexOf(current.get()) + 1, matches.size());
    }

    /** A name for the saved file: {@code <instance>-lxc.log}. */
    String suggestedFileName() {
        return instance + "-" + (file.get() == null ? "log.txt" : file.get());
    }

    /** Writes the log as shown to {@code target} on a worker thread; says so when it cannot. */
    void saveTo(Path target) {
        String content = text == null ? "" : text;
        tasks.execute(BackgroundTask.ofRunnable(() -> Files.writeString(target, content, StandardCharsets.UTF_8))
                .onFailure(failed -> dialogs.showError(i18n.format("logs.saveFailed", target.getFileName()), failed)));
    }

    /** Drops reads still under way (the tab is going away). */
    void cancel() {
        listing.cancel();
        reads.cancel();
    }
}
