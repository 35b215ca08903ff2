package dev.hako.model.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hako.lxd.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lists written out as {@code lxc list -f csv|json|yaml} writes them
 * ({@code RenderTable} in {@code shared/cmd/table.go}).
 */
public final class TableExport {

    /**
     * The order of {@code api.InstanceFull}'s fields, which lxc's encoders follow; the
     * instance's own keys come first in this order, anything newer after them.
     */
    private static final List<String> LXC_ORDER = List.of("name", "description", "status", "status_code",
            "created_at", "last_used_at", "location", "type", "project", "architecture", "ephemeral", "stateful",
            "profiles", "config", "devices", "expanded_config", "expanded_devices");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    private TableExport() {
    }

    /**
     * The rows as lxc's CSV (Go's {@code encoding/csv}): no header row, one line per row ending
     * in a line feed, the cells of {@link InstanceColumn#text}; a cell is quoted when it holds
     * a comma, a quote, a carriage return or a line feed (several addresses are one quoted
     * cell with a line feed between them) or starts with white space, and its quotes doubled.
     */
    public static <R> String csv(List<? extends ListColumn<R>> columns, List<R> rows, Locale locale) {
        StringBuilder out = new StringBuilder();
        for (R row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendCsvField(out, columns.get(i).text(row, locale));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendCsvField(StringBuilder out, String field) {
        if (!needsQuotes(field)) {
            out.append(field);
            return;
        }
        out.append('"').append(field.replace("\"", "\"\"")).append('"');
    }

    private static boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        if (field.equals("\\.")) {
            // Go quotes it too: a line of just \. ends data in PostgreSQL's COPY.
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return Character.isWhitespace(field.codePointAt(0)) || Character.isSpaceChar(field.codePointAt(0));
    }

    /**
     * The rows as lxc's JSON: one line, a list of the instances, each with the server's own
     * keys, its {@code state} (null when not fetched, as lxc writes it for a stopped instance)
     * and, when known, {@code snapshot_count}. lxc also writes {@code snapshots} and
     * {@code backups} as full lists; the table holds only a count, so those keys are left out
     * rather than written as null, which would read as none.
     */
    public static String json(List<InstanceRow> rows) {
        try {
            return Json.MAPPER.writeValueAsString(tree(rows)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same document as {@link #json} in YAML, as lxc writes it: a block list, no "---". */
    public static String yaml(List<InstanceRow> rows) {
        return yamlOf(tree(rows));
    }

    /**
     * Server objects (images, volumes, networks, profiles) as {@code lxc … list -f json}
     * writes them: one line, a list of the objects with the server's own keys.
     */
    public static String objectsJson(Iterable<?> objects) {
        try {
            return Json.MAPPER.writeValueAsString(objects) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same document as {@link #objectsJson} in YAML. */
    public static String objectsYaml(Iterable<?> objects) {
        return yamlOf(Json.MAPPER.valueToTree(objects));
    }

    private static String yamlOf(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode tree(List<InstanceRow> rows) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (InstanceRow row : rows) {
            ObjectNode instance = Json.MAPPER.valueToTree(row.instance());
            ObjectNode entry = list.addObject();
            for (String key : LXC_ORDER) {
                if (instance.has(key)) {
                    entry.set(key, instance.get(key));
                }
            }
            for (Map.Entry<String, JsonNode> field : instance.properties()) {
                if (!entry.has(field.getKey())) {
                    entry.set(field.getKey(), field.getValue());
                }
            }
            entry.set("state", row.state() == null ? entry.nullNode() : Json.MAPPER.valueToTree(row.state()));
            if (row.snapshots() != null) {
                entry.put("snapshot_count", row.snapshots().intValue());
            }
        }
        return list;
    }
}
