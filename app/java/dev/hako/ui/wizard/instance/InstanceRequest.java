package dev.hako.ui.wizard.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.model.SizeRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the wizard asks the server for, built from the choices (pure: no request):
 * the image source, profiles, limits, a root disk on a chosen pool, a NIC on a
 * managed network and cloud-init user-data under the key the server reads.
 */
public final class InstanceRequest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));
    private static final ObjectMapper YAML_READER = new ObjectMapper(new YAMLFactory());

    /** {@code limits.cpu}: a count, or a set/range of CPUs ({@code 0-3}, {@code 0,2}). */
    private static final Pattern CPU = Pattern.compile("[1-9][0-9]*|[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*");
    /** {@code limits.memory} as a share of the host; a size goes through {@link SizeRules}. */
    private static final Pattern PERCENT = Pattern.compile("[1-9][0-9]?%|100%");

    /** Limits presets: none keeps what the profiles say. */
    public enum Preset {
        NONE(null, null), SMALL("1", "512MiB"), MEDIUM("2", "2GiB"), LARGE("4", "8GiB"), CUSTOM(null, null);

        public final String cpu;
        public final String memory;

        Preset(String cpu, String memory) {
            this.cpu = cpu;
            this.memory = memory;
        }
    }

    /** Everything chosen; null or blank fields are left to the server and the profiles. */
    public record Choices(String name, String type, InstanceSource source, List<String> profiles, String cpu,
                          String memory, String pool, String network, String cloudInitKey, String userData,
                          String target) {
    }

    private InstanceRequest() {
    }

    /**
     * The config key cloud-init reads user-data from: {@code cloud-init.user-data} on servers
     * with the {@code cloud_init} extension (Incus, LXD 5.5 and later), else the older
     * {@code user.user-data} (LXD 5.0 LTS).
     */
    public static String cloudInitKey(boolean hasCloudInitExtension) {
        return hasCloudInitExtension ? "cloud-init.user-data" : "user.user-data";
    }

    public static boolean validCpu(String value) {
        return value != null && CPU.matcher(value.trim()).matches();
    }

    /** {@code limits.memory}: a size the server accepts ({@link SizeRules}) or a percentage of the host. */
    public static boolean validMemory(String value) {
        return value != null && (PERCENT.matcher(value.trim()).matches() || SizeRules.valid(value));
    }

    /**
     * What is wrong with cloud-init user-data: it lacks the {@code #cloud-config} header, or
     * it is not YAML ({@code line} from 1, and the parser's own English words for the log
     * and for English readers).
     */
    public record UserDataProblem(boolean missingHeader, int line, String parserText) {
    }

    /**
     * What is wrong with user-data, if anything: empty is fine; a script ({@code #!}) is taken
     * as it is; anything else must be YAML starting with {@code #cloud-config}.
     */
    public static Optional<UserDataProblem> userDataProblem(String text) {
        if (text == null || text.isBlank() || text.startsWith("#!")) {
            return Optional.empty();
        }
        if (!text.startsWith("#cloud-config")) {
            return Optional.of(new UserDataProblem(true, 0, null));
        }
        try {
            YAML_READER.readTree(text);
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // SnakeYAML repeats the text with a caret under it: keep only what went wrong.
            String message = java.util.Arrays.stream(e.getOriginalMessage().split("\n"))
                    .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                    .collect(java.util.stream.Collectors.joining("; "));
            var where = e.getLocation();
            return Optional.of(new UserDataProblem(false, where == null ? 0 : where.getLineNr(), message));
        }
    }

    public static InstancesPost build(Choices c) {
        Map<String, String> config = new TreeMap<>();
        if (c.cpu() != null && !c.cpu().isBlank()) {
            config.put("limits.cpu", c.cpu().trim());
        }
        if (c.memory() != null && !c.memory().isBlank()) {
            config.put("limits.memory", c.memory().trim());
        }
        if (c.userData() != null && !c.userData().isBlank()) {
            config.put(c.cloudInitKey(), c.userData());
        }
        Map<String, Map<String, String>> devices = new TreeMap<>();
        if (c.pool() != null) {
            devices.put("root", new TreeMap<>(Map.of("type", "disk", "path", "/", "pool", c.pool())));
        }
        if (c.network() != null) {
            devices.put("eth0", new TreeMap<>(Map.of("type", "nic", "name", "eth0", "network", c.network())));
        }
        return new InstancesPost(c.name(), c.type(), c.source(), List.copyOf(c.profiles()),
                config.isEmpty() ? null : config, devices.isEmpty() ? null : devices, null, null, null);
    }

    /**
     * The same request as a command: {@code lxc launch images:alpine/3.19 web --vm -p default -c k=v
     * -s pool -n net --target member} ({@code init} when it is not to start; no name when the server
     * is to choose one).
     */
    public static String command(dev.hako.lxd.ServerKind kind, String image, InstancesPost post, boolean start,
                                 String member) {
        dev.hako.model.CommandLine line = dev.hako.model.CommandLine.of(kind).add(start ? "launch" : "init", image);
        if (post.name() != null) {
            line.add(post.name());
        }
        line.flag("--vm", "virtual-machine".equals(post.type()));
        if (post.profiles() != null) {
            if (post.profiles().isEmpty()) {
                line.add("--no-profiles");
            }
            post.profiles().forEach(p -> line.add("-p", p));
        }
        if (post.config() != null) {
            post.config().forEach((k, v) -> line.add("-c", k + "=" + v));
        }
        if (post.devices() != null && post.devices().get("root") != null) {
            line.option("-s", post.devices().get("root").get("pool"));
        }
        if (post.devices() != null && post.devices().get("eth0") != null) {
            line.option("-n", post.devices().get("eth0").get("network"));
        }
        return line.option("--target", member).toString();
    }

    /** The request as YAML, the way the server receives it (a secret is masked). */
    public static String preview(InstancesPost post, String target) {
        Map<String, Object> document = new LinkedHashMap<>();
        if (post.name() != null) {
            document.put("name", post.name());
        }
        document.put("type", post.type());
        Map<String, Object> source = new LinkedHashMap<>();
        InstanceSource s = post.source();
        source.put("type", s.type());
        put(source, "mode", s.mode());
        put(source, "server", s.server());
        put(source, "protocol", s.protocol());
        put(source, "alias", s.alias());
        put(source, "fingerprint", s.fingerprint());
        if (s.secret() != null) {
            source.put("secret", "(one-time secret)");
        }
        if (s.certificate() != null) {
            source.put("certificate", "(pinned certificate, " + s.certificate().length() + " characters of PEM)");
        }
        document.put("source", source);
        document.put("profiles", post.profiles());
        if (post.config() != null) {
            document.put("config", post.config());
        }
        if (post.devices() != null) {
            document.put("devices", post.devices());
        }
        String head = "# POST /1.0/instances" + (target == null ? "" : "?target=" + target) + "\n"
                + (post.name() == null ? "# no name: the server chooses one\n" : "");
        try {
            return head + YAML.writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unwritable) {
            // Strings, lists and maps of strings always write; should they not, the request still goes out.
            return head;
        }
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
