package dev.hako.model.store;

import java.util.List;

/**
 * The tables of one feature (task history, metric history) and how they grew: step i
 * brings the part from version i to i + 1. Each part keeps its own version, so features
 * add tables without renumbering each other's steps. Steps are only ever appended.
 */
public record SchemaPart(String name, List<List<String>> steps) {

    public SchemaPart {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a schema part needs a name");
        }
        steps = steps.stream().map(List::copyOf).toList();
    }

    /** The version this part reaches once every step has run. */
    public int version() {
        return steps.size();
    }
}
