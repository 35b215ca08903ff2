package dev.hako.ui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hako.model.config.ObjectKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The known configuration keys, shipped as {@code /dev/hako/catalog/config-keys.yaml}:
 * type, default, kinds, validation and an English and Japanese description per key.
 * Keys the catalog does not know stay editable as text.
 */
public final class ConfigCatalog {

    public static final String RESOURCE = "/dev/hako/catalog/config-keys.yaml";

    private static volatile ConfigCatalog shared;

    private final List<ConfigKey> keys;

    private ConfigCatalog(List<ConfigKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The catalog shipped with the application (read once). */
    public static ConfigCatalog shipped() {
        ConfigCatalog catalog = shared;
        if (catalog == null) {
            try (InputStream in = ConfigCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the application");
                }
                catalog = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared = catalog;
        }
        return catalog;
    }

    static ConfigCatalog read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        List<ConfigKey> keys = new ArrayList<>();
        for (JsonNode n : root) {
            Set<ObjectKind> kinds = EnumSet.noneOf(ObjectKind.class);
            n.path("kinds").forEach(k -> kinds.add(ObjectKind.ofId(k.asText())));
            keys.add(new ConfigKey(
                    n.path("key").asText(),
                    ValueType.of(n.path("type").asText()),
                    text(n, "default"),
                    kinds,
                    strings(n, "drivers"),
                    strings(n, "networkTypes"),
                    n.has("min") ? n.get("min").asLong() : null,
                    n.has("max") ? n.get("max").asLong() : null,
                    strings(n, "values"),
                    text(n, "pattern"),
                    text(n, "extension"),
                    n.path("percent").asBoolean(false),
                    n.path("multiline").asBoolean(false),
                    n.path("secret").asBoolean(false),
                    n.path("en").asText(),
                    n.path("ja").asText(),
                    n.path("readonly").asBoolean(false)));
        }
        return new ConfigCatalog(keys);
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull() ? n.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode n, String field) {
        if (!n.has(field)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.get(field).forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    public List<ConfigKey> all() {
        return keys;
    }

    /** The entry describing {@code name} on an object of this kind: an exact key first, then a family. */
    public Optional<ConfigKey> lookup(ObjectKind kind, String name) {
        ConfigKey family = null;
        for (ConfigKey key : keys) {
            if (!key.kinds().contains(kind)) {
                continue;
            }
            if (!key.isFamily() && key.key().equals(name)) {
                return Optional.of(key);
            }
            if (key.isFamily() && family == null && key.matches(name)) {
                family = key;
            }
        }
        return Optional.ofNullable(family);
    }

    /** The keys one may add to an object of this kind (driver or network type narrows it; null = any). */
    public List<ConfigKey> keysFor(ObjectKind kind, String driverOrType) {
        return keys.stream().filter(k -> k.appliesTo(kind, driverOrType)).toList();
    }
}
