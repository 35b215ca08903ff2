package dev.hako.ui.editor;

import dev.hako.model.config.ConfigMerge;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conflict view's content: where the draft started, the draft, the server's version
 * now, the keys where they differ, and per key whether the user keeps theirs (mine by
 * default where only the draft changed it, the server's otherwise).
 */
public final class ConflictChoices {

    private final EditDocument started;
    private final EditDocument mine;
    private final EditTarget.Loaded current;
    private final List<ConfigMerge.Entry> entries;
    private final Map<String, Boolean> takeMine = new HashMap<>();

    ConflictChoices(EditDocument started, EditDocument mine, EditTarget.Loaded current,
                    List<ConfigMerge.Entry> entries) {
        this.started = started;
        this.mine = mine;
        this.current = current;
        this.entries = List.copyOf(entries);
        entries.forEach(e -> takeMine.put(e.key(), e.change() == ConfigMerge.Change.MINE));
    }

    public EditDocument started() {
        return started;
    }

    public EditDocument mine() {
        return mine;
    }

    public EditTarget.Loaded current() {
        return current;
    }

    public List<ConfigMerge.Entry> entries() {
        return entries;
    }

    public boolean takesMine(String key) {
        return takeMine.getOrDefault(key, false);
    }

    public void choose(String key, boolean mineWins) {
        takeMine.put(key, mineWins);
    }

    /** The server's version with each key as chosen. */
    public EditDocument merged() {
        return ConfigMerge.merge(current.document(), entries, takeMine);
    }
}
