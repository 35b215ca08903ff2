package dev.hako.remote.init;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hako.lxd.Explained;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Preseed text both ways, in the layout {@code lxd init --dump} prints. Reading accepts what
 * lxd init accepts (scalars of any type as config values) and says plainly what is wrong
 * otherwise; writing leaves secrets out unless asked.
 */
public final class PreseedYaml {

    static final int MAX_CHARS = 1 << 20;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private PreseedYaml() {
    }

    /**
     * Text that is not a preseed: what is wrong, and where when the parser knows. The message
     * is English, for logs; the user reads {@link #messageKey()} with its arguments (names of
     * sections and keys, never the parser's English).
     */
    public static final class FormatException extends IllegalArgumentException implements Explained {
        private final int line;
        private final String messageKey;
        private final transient List<Object> arguments;

        FormatException(String message, int line, String messageKey, Object... arguments) {
            super(message);
            this.line = line;
            this.messageKey = messageKey;
            this.arguments = List.copyOf(Arrays.asList(arguments));
        }

        /** 1-based line, or 0 when unknown. */
        public int line() {
            return line;
        }

        @Override
        public String messageKey() {
            return messageKey;
        }

        @Override
        public List<Object> messageArguments() {
            return arguments;
        }
    }

    /**
     * The preseed as YAML. With {@code includeSecrets} false, {@code core.trust_password} and
     * a cluster join token are left out (for export and for the preview on screen).
     */
    public static String write(Preseed preseed, boolean includeSecrets) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> config = new TreeMap<>(preseed.config());
        if (!includeSecrets) {
            config.remove(Preseed.TRUST_PASSWORD);
        }
        if (!config.isEmpty()) {
            out.put("config", config);
        }
        if (!preseed.networks().isEmpty()) {
            List<Object> networks = new ArrayList<>();
            for (Preseed.Network n : preseed.networks()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", n.name());
                if (n.type() != null && !n.type().isEmpty()) {
                    m.put("type", n.type());
                }
                m.put("project", n.project());
                putDescription(m, n.description());
                m.put("config", new TreeMap<>(n.config()));
                networks.add(m);
            }
            out.put("networks", networks);
        }
        if (!preseed.storagePools().isEmpty()) {
            List<Object> pools = new ArrayList<>();
            for (Preseed.StoragePool p : preseed.storagePools()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("driver", p.driver());
                putDescription(m, p.description());
                m.put("config", new TreeMap<>(p.config()));
                pools.add(m);
            }
            out.put("storage_pools", pools);
        }
        if (!preseed.projects().isEmpty()) {
            List<Object> projects = new ArrayList<>();
            for (Preseed.Project p : preseed.projects()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                putDescription(m, p.description());
                m.put("config", new TreeMap<>(p.config()));
                projects.add(m);
            }
            out.put("projects", projects);
        }
        if (!preseed.profiles().isEmpty()) {
            List<Object> profiles = new ArrayList<>();
            for (Preseed.Profile p : preseed.profiles()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                putDescription(m, p.description());
                if (!p.config().isEmpty()) {
                    m.put("config", new TreeMap<>(p.config()));
                }
                Map<String, Object> devices = new TreeMap<>();
                p.devices().forEach((k, v) -> devices.put(k, new TreeMap<>(v)));
                m.put("devices", devices);
                profiles.add(m);
            }
            out.put("profiles", profiles);
        }
        Preseed.Cluster c = preseed.cluster();
        if (c != null && (c.enabled() || Preseed.notBlank(c.serverName()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("server_name", c.serverName() == null ? "" : c.serverName());
            m.put("enabled", c.enabled());
            putIf(m, "server_address", c.serverAddress());
            putIf(m, "cluster_address", c.clusterAddress());
            putIf(m, "cluster_certificate", c.clusterCertificate());
            if (includeSecrets) {
                putIf(m, "cluster_token", c.clusterToken());
                putIf(m, "cluster_password", c.clusterPassword());
            }
            if (!c.memberConfig().isEmpty()) {
                List<Object> member = new ArrayList<>();
                for (Preseed.MemberConfig mc : c.memberConfig()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("entity", mc.entity());
                    e.put("name", mc.name());
                    e.put("key", mc.key());
                    e.put("value", mc.value() == null ? "" : mc.value());
                    putIf(e, "description", mc.description());
                    member.add(e);
                }
                m.put("member_config", member);
            }
            out.put("cluster", m);
        }
        if (out.isEmpty()) {
            return "{}\n";
        }
        try {
            return YAML.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putDescription(Map<String, Object> m, String description) {
        putIf(m, "description", description);
    }

    private static void putIf(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    /** Reads a preseed; throws {@link FormatException} saying what is wrong. */
    public static Preseed read(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            throw new FormatException("the text is larger than any preseed (over 1 MiB)", 0, "init.yaml.tooLarge");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // The parser's own words are English: the user gets the place and a hint instead.
            throw new FormatException(e.getOriginalMessage(), at == null ? 0 : Math.max(0, at.getLineNr()),
                    "init.yaml.syntax", at == null ? 0 : Math.max(0, at.getColumnNr()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return Preseed.empty();
        }
        if (!root.isObject()) {
            throw new FormatException("a preseed is a mapping (config:, storage_pools:, networks:, …)", 1,
                    "init.yaml.notMapping");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!List.of("config", "networks", "storage_pools", "storage_volumes", "profiles", "projects",
                    "cluster", "certificates").contains(key)) {
                throw new FormatException("unknown section \"" + key + "\"", 0, "init.yaml.unknownSection", key);
            }
        }
        if (root.has("storage_volumes") && root.get("storage_volumes").size() > 0) {
            throw new FormatException("storage_volumes are not applied by this wizard; create volumes afterwards", 0,
                    "init.yaml.volumes");
        }
        if (root.has("certificates") && root.get("certificates").size() > 0) {
            throw new FormatException("certificates are not applied by this wizard; add them under Remote access", 0,
                    "init.yaml.certificates");
        }
        Map<String, String> config = strings(root.get("config"), "config");
        List<Preseed.StoragePool> pools = new ArrayList<>();
        for (JsonNode p : list(root.get("storage_pools"), "storage_pools")) {
            pools.add(new Preseed.StoragePool(text(p, "name"), text(p, "driver"), text(p, "description"),
                    strings(p.get("config"), "storage_pools.config")));
        }
        List<Preseed.Network> networks = new ArrayList<>();
        for (JsonNode n : list(root.get("networks"), "networks")) {
            networks.add(new Preseed.Network(text(n, "name"), text(n, "type"), text(n, "project"),
                    text(n, "description"), strings(n.get("config"), "networks.config")));
        }
        List<Preseed.Project> projects = new ArrayList<>();
        for (JsonNode p : list(root.get("projects"), "projects")) {
            projects.add(new Preseed.Project(text(p, "name"), text(p, "description"),
                    strings(p.get("config"), "projects.config")));
        }
        List<Preseed.Profile> profiles = new ArrayList<>();
        for (JsonNode p : list(root.get("profiles"), "profiles")) {
            Map<String, Map<String, String>> devices = new LinkedHashMap<>();
            JsonNode d = p.get("devices");
            if (d != null && !d.isNull()) {
                if (!d.isObject()) {
                    throw new FormatException("profiles.devices must be a mapping of device name to settings", 0,
                            "init.yaml.devices");
                }
                d.fields().forEachRemaining(e -> devices.put(e.getKey(), strings(e.getValue(),
                        "device " + e.getKey())));
            }
            profiles.add(new Preseed.Profile(text(p, "name"), text(p, "description"),
                    strings(p.get("config"), "profiles.config"), devices));
        }
        Preseed.Cluster cluster = null;
        JsonNode c = root.get("cluster");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw new FormatException("cluster must be a mapping", 0, "init.yaml.cluster");
            }
            List<Preseed.MemberConfig> member = new ArrayList<>();
            for (JsonNode m : list(c.get("member_config"), "cluster.member_config")) {
                member.add(new Preseed.MemberConfig(text(m, "entity"), text(m, "name"), text(m, "key"),
                        text(m, "value"), text(m, "description")));
            }
            String token = blankToNull(text(c, "cluster_token"));
            String password = blankToNull(text(c, "cluster_password"));
            if (token == null && password != null && isJoinToken(password)) {
                // LXD 5.0's lxd init puts a join token in cluster_password; anything else there is
                // the cluster's trust password.
                token = password;
                password = null;
            }
            cluster = new Preseed.Cluster(text(c, "server_name"), c.path("enabled").asBoolean(false),
                    text(c, "server_address"), text(c, "cluster_address"), canonicalPem(text(c, "cluster_certificate")),
                    token, member, token == null ? password : null);
        }
        return new Preseed(config, pools, networks, projects, profiles, cluster);
    }

    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_END = "-----END CERTIFICATE-----";

    /**
     * The certificate with its lines as PEM has them. A PEM pasted into a double-quoted YAML
     * string line by line (as the LXD notes do) arrives with its line breaks folded into spaces,
     * which the server cannot read; the base64 between the markers is the same either way.
     * Text without both markers is returned as it is (and shown as a problem).
     */
    static String canonicalPem(String pem) {
        if (pem == null || pem.isBlank()) {
            return pem;
        }
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            return pem;
        }
        String body = pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
        StringBuilder out = new StringBuilder(PEM_BEGIN).append('\n');
        for (int i = 0; i < body.length(); i += 64) {
            out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return out.append(PEM_END).append('\n').toString();
    }

    /** Whether the text is a cluster join token (else, in cluster_password, it is a trust password). */
    public static boolean isJoinToken(String text) {
        try {
            ClusterJoin.decode(text.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<JsonNode> list(JsonNode node, String what) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new FormatException(what + " must be a list (items start with \"- \")", 0, "init.yaml.list", what);
        }
        node.forEach(item -> {
            if (!item.isObject()) {
                throw new FormatException("each item of " + what + " must be a mapping", 0, "init.yaml.item", what);
            }
            out.add(item);
        });
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new FormatException(field + " must be a single value", 0, "init.yaml.single", field);
        }
        return v.asText();
    }

    /** A mapping of scalars, each as a string (lxd init formats them with %v). */
    private static Map<String, String> strings(JsonNode node, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new FormatException(what + " must be a mapping of keys to values", 0, "init.yaml.mapping", what);
        }
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                out.put(e.getKey(), "");
            } else if (v.isValueNode()) {
                out.put(e.getKey(), v.asText());
            } else {
                throw new FormatException(what + ": the value of " + e.getKey() + " must be a single value", 0,
                        "init.yaml.value", what, e.getKey());
            }
        });
        return out;
    }
}
