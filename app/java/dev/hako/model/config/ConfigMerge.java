package dev.hako.model.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Three-way comparison of the version the user started from (base), the user's
 * draft (mine) and the server's current version (theirs), key by key
 * ({@code config.<key>}, {@code devices.<name>}, other fields). Pure.
 */
public final class ConfigMerge {

    /** Who changed a key relative to the base. */
    public enum Change { NONE, MINE, THEIRS, BOTH_SAME, CONFLICT }

    /** One key where the three versions are not all equal; null values mean "absent". */
    public record Entry(String key, Object base, Object mine, Object theirs, Change change) {
        /** What a merge takes when nobody decides: the side that changed, or the server's on a conflict. */
        public Object automatic() {
            return change == Change.MINE ? mine : theirs;
        }
    }

    private ConfigMerge() {
    }

    public static List<Entry> compare(EditDocument base, EditDocument mine, EditDocument theirs) {
        Map<String, Object> b = base.flatten();
        Map<String, Object> m = mine.flatten();
        Map<String, Object> t = theirs.flatten();
        TreeSet<String> keys = new TreeSet<>(b.keySet());
        keys.addAll(m.keySet());
        keys.addAll(t.keySet());
        List<Entry> entries = new ArrayList<>();
        for (String key : keys) {
            Object bv = norm(b.get(key));
            Object mv = norm(m.get(key));
            Object tv = norm(t.get(key));
            if (Objects.equals(bv, mv) && Objects.equals(bv, tv)) {
                continue;
            }
            Change change;
            if (Objects.equals(bv, tv)) {
                change = Change.MINE;
            } else if (Objects.equals(bv, mv)) {
                change = Change.THEIRS;
            } else if (Objects.equals(mv, tv)) {
                change = Change.BOTH_SAME;
            } else {
                change = Change.CONFLICT;
            }
            entries.add(new Entry(key, bv, mv, tv, change));
        }
        return entries;
    }

    /** Every key where {@code to} differs from {@code from}: each entry's base is the old value, mine the new. */
    public static List<Entry> changes(EditDocument from, EditDocument to) {
        return compare(from, to, from);
    }

    private static Object norm(Object v) {
        return v instanceof String s && s.isEmpty() ? null : v;
    }

    /**
     * The merged document: the server's version with each listed key set to the
     * chosen value ({@code choices} maps a key to true = mine, false = theirs;
     * keys without a choice take {@link Entry#automatic()}).
     */
    public static EditDocument merge(EditDocument theirs, List<Entry> entries, Map<String, Boolean> choices) {
        Map<String, Object> flat = new TreeMap<>(theirs.flatten());
        for (Entry e : entries) {
            Boolean takeMine = choices.get(e.key());
            Object value = takeMine == null ? e.automatic() : takeMine ? e.mine() : e.theirs();
            if (value == null) {
                flat.remove(e.key());
            } else {
                flat.put(e.key(), value);
            }
        }
        return EditDocument.unflatten(theirs.kind(), flat);
    }

    public static boolean hasConflicts(List<Entry> entries) {
        return entries.stream().anyMatch(e -> e.change() == Change.CONFLICT);
    }
}
