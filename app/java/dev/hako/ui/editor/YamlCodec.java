package dev.hako.ui.editor;

import dev.hako.model.config.EditDocument;
import dev.hako.model.config.ObjectKind;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML text of an {@link EditDocument}, both ways, like {@code lxc config edit}.
 * Parsing is pure and total: any text gives either a document or problems with
 * line and column, never an exception, and nothing is sent for invalid input.
 */
public final class YamlCodec {

    /** Bigger input than any real object; refused rather than parsed. */
    static final int MAX_CHARS = 1 << 20;

    private YamlCodec() {
    }

    public static String toYaml(EditDocument document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(1000);
        options.setSplitLines(false);
        Map<String, Object> out = new LinkedHashMap<>();
        document.fields().forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? new TreeMap<>(m) : v));
        return new Yaml(options).dump(out);
    }

    /** The outcome of parsing: a document when there are no problems. */
    public record Result(EditDocument document, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty() && document != null;
        }
    }

    public static Result parse(ObjectKind kind, String text, ConfigCatalog catalog) {
        List<Problem> problems = new ArrayList<>();
        try {
            EditDocument document = read(kind, text, problems);
            if (document != null && problems.isEmpty()) {
                problems.addAll(checkValues(kind, document, catalog, text));
            }
            return new Result(problems.isEmpty() ? document : null, List.copyOf(problems));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            problems.add(mark == null ? Problem.of(null, "editor.problem.yamlSyntax", String.valueOf(what))
                    : Problem.at(null, mark.getLine() + 1, mark.getColumn() + 1, "editor.problem.yamlSyntax",
                            String.valueOf(what)));
        } catch (RuntimeException | StackOverflowError e) {
            // Limits (nesting, aliases, size) and anything else the parser throws: a message, never a crash.
            problems.add(Problem.of(null, "editor.problem.yamlSyntax", String.valueOf(e.getMessage())));
        }
        return new Result(null, List.copyOf(problems));
    }

    private static EditDocument read(ObjectKind kind, String text, List<Problem> problems) {
        if (text == null || text.length() > MAX_CHARS) {
            problems.add(Problem.of(null, "editor.problem.tooLarge"));
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(30);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowRecursiveKeys(false);
        Node root = new Yaml(options).compose(new StringReader(text));
        if (root == null) {
            problems.add(Problem.at(null, 1, 1, "editor.problem.empty"));
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(at(root, null, "editor.problem.rootMapping"));
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String field = scalarKey(tuple.getKeyNode(), null, problems);
            if (field == null) {
                continue;
            }
            if (!seen.add(field)) {
                problems.add(at(tuple.getKeyNode(), field, "editor.problem.duplicate", field));
                continue;
            }
            if (!kind.fields().contains(field)) {
                problems.add(at(tuple.getKeyNode(), field, "editor.problem.unknownField", field,
                        String.join(", ", kind.fields())));
                continue;
            }
            Node value = tuple.getValueNode();
            switch (field) {
                case "config" -> fields.put(field, stringMap(value, "config", problems));
                case "devices" -> fields.put(field, devices(value, problems));
                case "profiles" -> fields.put(field, stringList(value, field, problems));
                case "ephemeral", "stateful" -> fields.put(field, bool(value, field, problems));
                default -> fields.put(field, scalar(value, field, problems));
            }
        }
        return problems.isEmpty() ? EditDocument.of(kind, fields) : null;
    }

    private static Problem at(Node node, String path, String key, Object... args) {
        Mark mark = node.getStartMark();
        return mark == null ? Problem.of(path, key, args)
                : Problem.at(path, mark.getLine() + 1, mark.getColumn() + 1, key, args);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static String scalarKey(Node node, String parent, List<Problem> problems) {
        if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
            return s.getValue();
        }
        problems.add(at(node, parent, "editor.problem.keyScalar"));
        return null;
    }

    private static String scalar(Node node, String path, List<Problem> problems) {
        if (isNull(node)) {
            return "";
        }
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problems.add(at(node, path, "editor.problem.scalar", path));
        return null;
    }

    private static Boolean bool(Node node, String path, List<Problem> problems) {
        if (node instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        problems.add(at(node, path, "editor.problem.boolean", path,
                node instanceof ScalarNode s ? s.getValue() : "…"));
        return null;
    }

    private static Map<String, String> stringMap(Node node, String path, List<Problem> problems) {
        Map<String, String> out = new TreeMap<>();
        if (isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(node, path, "editor.problem.mapping", path));
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalarKey(tuple.getKeyNode(), path, problems);
            if (key == null) {
                continue;
            }
            if (out.containsKey(key)) {
                problems.add(at(tuple.getKeyNode(), key, "editor.problem.duplicate", key));
                continue;
            }
            String value = scalar(tuple.getValueNode(), path + "." + key, problems);
            if (value != null) {
                out.put(key, value);
            }
        }
        return out;
    }

    private static Map<String, Map<String, String>> devices(Node node, List<Problem> problems) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        if (isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(node, "devices", "editor.problem.mapping", "devices"));
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = scalarKey(tuple.getKeyNode(), "devices", problems);
            if (name == null) {
                continue;
            }
            if (out.containsKey(name)) {
                problems.add(at(tuple.getKeyNode(), name, "editor.problem.duplicate", name));
                continue;
            }
            Map<String, String> device = stringMap(tuple.getValueNode(), "devices." + name, problems);
            if (!isNull(tuple.getValueNode()) && tuple.getValueNode() instanceof MappingNode
                    && (device.get("type") == null || device.get("type").isBlank())) {
                problems.add(at(tuple.getKeyNode(), "devices." + name, "editor.problem.deviceType", name));
            }
            out.put(name, device);
        }
        return out;
    }

    private static List<String> stringList(Node node, String path, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        if (isNull(node)) {
            return out;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(at(node, path, "editor.problem.list", path));
            return out;
        }
        for (Node item : sequence.getValue()) {
            String value = scalar(item, path, problems);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /** Catalog checks of the config values, placed on the line of their key. */
    private static List<Problem> checkValues(ObjectKind kind, EditDocument document, ConfigCatalog catalog,
            String text) {
        List<Problem> problems = new ArrayList<>();
        for (Problem p : ValueValidator.checkConfig(catalog, kind, document.config())) {
            problems.add(locate(p, text));
        }
        for (var device : document.devices().entrySet()) {
            for (Problem p : DeviceKinds.check(device.getKey(), device.getValue())) {
                problems.add(locate(p, text));
            }
        }
        return problems;
    }

    /** The line of a config key in the text (first occurrence as a mapping key), for the editor's marker. */
    static Problem locate(Problem p, String text) {
        if (p.path() == null || text == null) {
            return p;
        }
        String[] lines = text.split("\n", -1);
        String last = p.path().contains(".") && p.path().startsWith("devices.")
                ? p.path().substring(p.path().indexOf('.') + 1) : p.path();
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].stripLeading();
            if (trimmed.startsWith(last + ":") || trimmed.startsWith("\"" + last + "\":")
                    || trimmed.startsWith("'" + last + "':")) {
                return p.withPosition(i + 1, lines[i].length() - trimmed.length() + 1);
            }
        }
        return p;
    }
}
