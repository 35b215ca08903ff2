package dev.hako.model.pool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hako.lxd.api.StoragePoolsPost;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A {@link PoolCreation.Plan} as the requests it sends, in YAML, for review before anything is sent. */
public final class PoolPreview {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private PoolPreview() {
    }

    /** The requests in order, each under a comment naming it. */
    public static String of(PoolCreation.Plan plan) {
        StringBuilder text = new StringBuilder();
        if (plan.cluster() == null) {
            text.append("# POST /1.0/storage-pools\n").append(yaml(document(plan.pool())));
        } else {
            for (var member : plan.cluster().perMember().entrySet()) {
                text.append("# POST /1.0/storage-pools?target=").append(member.getKey()).append('\n')
                        .append(yaml(document(member.getValue()))).append("---\n");
            }
            text.append("# POST /1.0/storage-pools\n").append(yaml(document(plan.cluster().global())));
        }
        String profile = plan.profile();
        if (profile != null && !profile.isEmpty()) {
            text.append("---\n# ").append(plan.newProfile() ? "POST /1.0/profiles, then " : "")
                    .append("PUT /1.0/profiles/").append(profile).append(" (devices.root)\n");
            text.append(yaml(Map.of("devices", Map.of("root",
                    new TreeMap<>(Map.of("type", "disk", "path", "/", "pool", plan.poolName()))))));
        }
        return text.toString();
    }

    private static Map<String, Object> document(StoragePoolsPost post) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", post.name());
        document.put("driver", post.driver());
        document.put("description", post.description());
        document.put("config", post.config());
        return document;
    }

    private static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Maps of strings always serialise.
            throw new UncheckedIOException(e);
        }
    }
}
