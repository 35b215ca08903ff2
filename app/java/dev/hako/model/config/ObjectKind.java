package dev.hako.model.config;

import java.util.List;

/** The kinds of server object whose editable part the editors round-trip. */
public enum ObjectKind {
    INSTANCE("instance", List.of("architecture", "config", "devices", "ephemeral", "profiles", "stateful",
            "description")),
    PROFILE("profile", List.of("config", "description", "devices")),
    NETWORK("network", List.of("config", "description")),
    STORAGE_POOL("storage-pool", List.of("config", "description")),
    STORAGE_VOLUME("storage-volume", List.of("config", "description")),
    PROJECT("project", List.of("config", "description")),
    SERVER("server", List.of("config"));

    private final String id;
    private final List<String> fields;

    ObjectKind(String id, List<String> fields) {
        this.id = id;
        this.fields = fields;
    }

    /** The name used in the catalog ({@code storage-pool}). */
    public String id() {
        return id;
    }

    /** The top-level fields of the kind's {@code …Put} type, as the server spells them. */
    public List<String> fields() {
        return fields;
    }

    public boolean hasDevices() {
        return fields.contains("devices");
    }

    public static ObjectKind ofId(String id) {
        for (ObjectKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown object kind " + id);
    }
}
