package dev.hako.ui.editor;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.PreconditionFailedException;
import dev.hako.model.config.ConfigStore;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An object kept in memory with the server's ETag rules, for view-model tests: a write
 * with a stale ETag fails with 412 and changes nothing, a key on the refused list fails
 * the write with the server's kind of message, and hooks let a test change the object
 * "elsewhere" at the moment it wants. The real daemons are exercised by {@code ConfigSaveIT}.
 */
final class InMemoryConfigStore implements ConfigStore {

    private EditDocument document;
    private int version = 1;
    private final Set<String> refusedKeys = new HashSet<>();
    private final List<Runnable> afterLoad = new ArrayList<>();
    private final List<Runnable> beforeStore = new ArrayList<>();
    private boolean unreachableOnStore;
    private String keptButFailed;
    private int loads;
    private int stores;

    InMemoryConfigStore(EditDocument document) {
        this.document = document;
    }

    EditDocument document() {
        return document;
    }

    int loads() {
        return loads;
    }

    int stores() {
        return stores;
    }

    /** Somebody else changes the object (a new ETag). */
    void changeElsewhere(EditDocument changed) {
        document = changed;
        version++;
    }

    void refuse(String key) {
        refusedKeys.add(key);
    }

    /** The next write is kept, then answered with a server's list of instances it could not reach. */
    void keepButFailFor(String serverAnswer) {
        keptButFailed = serverAnswer;
    }

    void failStoresAsUnreachable() {
        unreachableOnStore = true;
    }

    /** Runs {@code hook} once, after the next load has read the object and before its answer arrives. */
    void onNextLoad(Runnable hook) {
        afterLoad.add(hook);
    }

    /** Runs {@code hook} once, just before the next write is judged. */
    void onNextStore(Runnable hook) {
        beforeStore.add(hook);
    }

    @Override
    public EditTarget.Loaded load() {
        loads++;
        EditTarget.Loaded read = new EditTarget.Loaded(document, "v" + version, Map.of(), Map.of(), Map.of(),
                Map.of(), null, Set.of());
        if (!afterLoad.isEmpty()) {
            afterLoad.remove(0).run();
        }
        return read;
    }

    @Override
    public void store(EditDocument written, String etag, EditTarget.Loaded against) {
        stores++;
        if (!beforeStore.isEmpty()) {
            beforeStore.remove(0).run();
        }
        if (unreachableOnStore) {
            throw new UncheckedIOException(new java.io.IOException("connection reset"));
        }
        if (etag != null && !etag.equals("v" + version)) {
            throw new PreconditionFailedException("PUT 412", 412,
                    "ETag doesn't match: v" + version + " vs " + etag);
        }
        for (String key : written.config().keySet()) {
            if (refusedKeys.contains(key)) {
                throw new LxdException("PUT 400", 400, "Invalid config: Unknown configuration key: " + key);
            }
        }
        document = written;
        version++;
        if (keptButFailed != null) {
            String answer = keptButFailed;
            keptButFailed = null;
            throw new LxdException("PUT 500", 500, answer);
        }
    }
}
