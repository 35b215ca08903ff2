package dev.hako.model.config;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.PreconditionFailedException;
import dev.hako.lxd.UnreachableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saving an editor's draft. The draft's changes (against the version it started from)
 * are merged three-way onto what the server has now, read with its ETag, and written
 * with that ETag; when the server answers 412 because somebody changed the object in
 * between, it reads again and rebases, as long as nobody changed a key the draft
 * changes too (then the user decides). After any failure it reads back what the server
 * now has, so the caller can say what was applied and what was not. Plain values in
 * and out; blocking, call off the UI thread.
 */
public final class ConfigSave {

    /** How often a save is rebased onto a newer version before the user is asked instead. */
    static final int ATTEMPTS = 3;

    /** Keys the server changes by itself (after a start, for instance); never the user's to decide. */
    private static final String SERVER_STATE = "config.volatile.";

    private final ConfigStore store;

    public ConfigSave(ConfigStore store) {
        this.store = store;
    }

    /** The object as the server has it now. */
    public EditTarget.Loaded load() {
        return store.load();
    }

    /**
     * What a check before the review found: the server's version now, the keys where the
     * three versions differ, and the draft to review, or null when the server changed
     * something the user must look at first (anything but its own bookkeeping).
     */
    public record Check(EditTarget.Loaded current, List<ConfigMerge.Entry> entries, EditDocument reviewable) {

        public boolean changedOnServer() {
            return reviewable == null;
        }
    }

    /** Reads the server's version and compares it with {@code base}, where {@code mine} started. */
    public Check check(EditDocument base, EditDocument mine) {
        EditTarget.Loaded current = store.load();
        if (current.document().equals(base)) {
            return new Check(current, List.of(), mine);
        }
        List<ConfigMerge.Entry> entries = ConfigMerge.compare(base, mine, current.document());
        boolean onlyServerState = entries.stream()
                .filter(e -> e.change() == ConfigMerge.Change.THEIRS || e.change() == ConfigMerge.Change.CONFLICT)
                .allMatch(e -> e.change() == ConfigMerge.Change.THEIRS && e.key().startsWith(SERVER_STATE));
        return new Check(current, entries,
                onlyServerState ? ConfigMerge.merge(current.document(), entries, Map.of()) : null);
    }

    /** How a save ended. */
    public sealed interface Outcome permits Saved, Conflict, Failed {
    }

    /**
     * Written. {@code now} is what the server has afterwards (null when reading it back
     * failed); {@code notApplied} lists the draft's changes the server did not keep.
     */
    public record Saved(EditTarget.Loaded now, List<String> applied, List<String> notApplied) implements Outcome {
    }

    /** Somebody changed a key the draft changes too: nothing was written. */
    public record Conflict(EditTarget.Loaded current, EditDocument base, EditDocument mine,
                           List<ConfigMerge.Entry> entries) implements Outcome {
    }

    /**
     * Refused or failed. {@code serverMessage} is the server's own words (null when it
     * did not answer); {@code now} what it has after the failure (null when that could not
     * be read either, and then nothing is known of what was applied); {@code rebased} the
     * draft moved onto {@code now} when that needs no decision (else null);
     * {@code instanceFailures} the instances a saved profile change did not reach.
     */
    public record Failed(Exception failure, String serverMessage, EditTarget.Loaded now, EditDocument rebased,
                         List<String> applied, List<String> notApplied,
                         List<InstanceUpdateFailures.Failure> instanceFailures) implements Outcome {

        /** The server kept the whole change but could not apply it to some instances that use it. */
        public boolean savedButNotEverywhere() {
            return now != null && !instanceFailures.isEmpty() && notApplied.isEmpty();
        }
    }

    /** Saves {@code mine}, which the user made from {@code from}. Never throws: failures are an outcome. */
    public Outcome save(EditTarget.Loaded from, EditDocument mine) {
        EditDocument base = from.document();
        try {
            List<ConfigMerge.Entry> entries = List.of();
            EditTarget.Loaded current = from;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                current = store.load();
                entries = ConfigMerge.compare(base, mine, current.document());
                if (ConfigMerge.hasConflicts(entries)) {
                    return new Conflict(current, base, mine, entries);
                }
                try {
                    store.store(ConfigMerge.merge(current.document(), entries, Map.of()), current.etag(), current);
                    return saved(base, mine);
                } catch (PreconditionFailedException changedMeanwhile) {
                    // Changed between our read and our write: read again and rebase.
                }
            }
            // Changed again on every attempt: let the user look at it.
            return new Conflict(current, base, mine, entries);
        } catch (Exception failure) {
            return failed(failure, base, mine);
        }
    }

    private Saved saved(EditDocument base, EditDocument mine) {
        EditTarget.Loaded now;
        try {
            now = store.load();
        } catch (Exception unreadable) {
            return new Saved(null, List.of(), List.of());
        }
        List<ConfigMerge.Entry> entries = ConfigMerge.compare(base, mine, now.document());
        return new Saved(now, applied(entries), notApplied(entries));
    }

    private Failed failed(Exception failure, EditDocument base, EditDocument mine) {
        String said = serverMessage(failure);
        try {
            EditTarget.Loaded now = store.load();
            List<ConfigMerge.Entry> entries = ConfigMerge.compare(base, mine, now.document());
            EditDocument rebased = ConfigMerge.hasConflicts(entries) ? null
                    : ConfigMerge.merge(now.document(), entries, Map.of());
            return new Failed(failure, said, now, rebased, applied(entries), notApplied(entries),
                    InstanceUpdateFailures.parse(said));
        } catch (Exception unreadable) {
            return new Failed(failure, said, null, null, List.of(), List.of(), InstanceUpdateFailures.parse(said));
        }
    }

    /** The draft's changes the server now has: the keys where mine and the server's agree and differ from the base. */
    static List<String> applied(List<ConfigMerge.Entry> entries) {
        return keys(entries, List.of(ConfigMerge.Change.BOTH_SAME));
    }

    /** The draft's changes the server does not have. */
    static List<String> notApplied(List<ConfigMerge.Entry> entries) {
        return keys(entries, List.of(ConfigMerge.Change.MINE, ConfigMerge.Change.CONFLICT));
    }

    private static List<String> keys(List<ConfigMerge.Entry> entries, List<ConfigMerge.Change> changes) {
        List<String> keys = new ArrayList<>();
        entries.stream().filter(e -> changes.contains(e.change())).forEach(e -> keys.add(e.key()));
        return List.copyOf(keys);
    }

    private static String serverMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnreachableException) {
                return null;
            }
            if (cause instanceof LxdException lxd && lxd.serverMessage() != null && !lxd.serverMessage().isBlank()) {
                return lxd.serverMessage();
            }
        }
        return null;
    }
}
