package dev.hako.model.config;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hako.lxd.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The editable part of one object (what its {@code …Put} type holds) as plain
 * values: strings, lists, maps, booleans, keyed by the server's field names.
 * Immutable; the form, the device table and the YAML text all read and write one.
 */
public final class EditDocument {

    private final ObjectKind kind;
    private final Map<String, Object> fields;

    private EditDocument(ObjectKind kind, Map<String, Object> fields) {
        this.kind = kind;
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String field : kind.fields()) {
            if (fields.containsKey(field)) {
                ordered.put(field, fields.get(field));
            }
        }
        this.fields = Collections.unmodifiableMap(ordered);
    }

    /** From a {@code …Put} record (or anything Jackson writes as those fields). */
    public static EditDocument of(ObjectKind kind, Object put) {
        Map<String, Object> map = Json.MAPPER.convertValue(put, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        return of(kind, map == null ? Map.of() : map);
    }

    public static EditDocument of(ObjectKind kind, Map<String, Object> fields) {
        Map<String, Object> normal = new LinkedHashMap<>(fields);
        normal.put("config", stringMap(fields.get("config")));
        if (kind.hasDevices()) {
            Map<String, Map<String, String>> devices = new TreeMap<>();
            if (fields.get("devices") instanceof Map<?, ?> d) {
                d.forEach((name, device) -> devices.put(String.valueOf(name), stringMap(device)));
            }
            normal.put("devices", Collections.unmodifiableMap(devices));
        }
        if (normal.get("description") == null && kind.fields().contains("description")) {
            normal.put("description", "");
        }
        return new EditDocument(kind, normal);
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new TreeMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v != null) {
                    out.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }

    public ObjectKind kind() {
        return kind;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> config() {
        return (Map<String, String>) fields.getOrDefault("config", Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, String>> devices() {
        return (Map<String, Map<String, String>>) fields.getOrDefault("devices", Map.of());
    }

    public String description() {
        Object d = fields.get("description");
        return d == null ? "" : d.toString();
    }

    public EditDocument with(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return of(kind, copy);
    }

    public EditDocument withConfig(Map<String, String> config) {
        Map<String, String> clean = new TreeMap<>();
        config.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                clean.put(k, v);
            }
        });
        return with("config", clean);
    }

    /** Sets one key, or removes it when {@code value} is null or empty. */
    public EditDocument withConfigValue(String key, String value) {
        Map<String, String> config = new TreeMap<>(config());
        if (value == null || value.isEmpty()) {
            config.remove(key);
        } else {
            config.put(key, value);
        }
        return withConfig(config);
    }

    public EditDocument withDevices(Map<String, Map<String, String>> devices) {
        return with("devices", devices);
    }

    @SuppressWarnings("unchecked")
    public List<String> profiles() {
        Object p = fields.get("profiles");
        return p instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** The {@code …Put} record the server takes back. */
    public <T> T toPut(Class<T> type) {
        return Json.MAPPER.convertValue(fields, type);
    }

    /** Flattened view for per-key comparison and merging: {@code config.<key>}, {@code devices.<name>}, fields. */
    public Map<String, Object> flatten() {
        Map<String, Object> flat = new TreeMap<>();
        fields.forEach((field, value) -> {
            if (field.equals("config")) {
                config().forEach((k, v) -> flat.put("config." + k, v));
            } else if (field.equals("devices")) {
                devices().forEach((k, v) -> flat.put("devices." + k, v));
            } else {
                flat.put(field, value instanceof List<?> l ? new ArrayList<>(l) : value);
            }
        });
        return flat;
    }

    /** Rebuilds a document from {@link #flatten()}'s form. */
    @SuppressWarnings("unchecked")
    public static EditDocument unflatten(ObjectKind kind, Map<String, Object> flat) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> config = new TreeMap<>();
        Map<String, Map<String, String>> devices = new TreeMap<>();
        flat.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            if (key.startsWith("config.")) {
                config.put(key.substring(7), value.toString());
            } else if (key.startsWith("devices.")) {
                devices.put(key.substring(8), (Map<String, String>) value);
            } else {
                fields.put(key, value);
            }
        });
        fields.put("config", config);
        if (kind.hasDevices()) {
            fields.put("devices", devices);
        }
        return of(kind, fields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EditDocument d && d.kind == kind && d.flatten().equals(flatten());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, flatten());
    }

    @Override
    public String toString() {
        return kind.id() + fields;
    }
}
