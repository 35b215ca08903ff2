package dev.hako.lxd.api;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /1.0/instances}. A {@code null} profile list lets the server apply
 * its defaults; an empty list applies none. A {@code null} name lets the server pick one.
 */
public record InstancesPost(
        String name,
        String type,
        InstanceSource source,
        List<String> profiles,
        Map<String, String> config,
        Map<String, Map<String, String>> devices,
        Boolean ephemeral,
        String description,
        String architecture) {

    public static InstancesPost fromImage(String name, String aliasOrFingerprint, boolean isFingerprint) {
        InstanceSource source = isFingerprint
                ? InstanceSource.imageFingerprint(aliasOrFingerprint)
                : InstanceSource.imageAlias(aliasOrFingerprint);
        return new InstancesPost(name, "container", source, null, null, null, null, null, null);
    }

    /**
     * A copy on the same server. Like the CLI, it carries the source's profiles,
     * devices and local config (without its per-instance volatile keys): a copy
     * request without them gets the server's defaults, not the source's setup.
     */
    public static InstancesPost copyOf(Instance source, String newName, boolean instanceOnly) {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        if (source.config() != null) {
            source.config().forEach((key, value) -> {
                if (!key.startsWith("volatile.") || key.equals("volatile.base_image")) {
                    config.put(key, value);
                }
            });
        }
        return new InstancesPost(newName, source.type(), InstanceSource.copyOf(source.name(), instanceOnly),
                source.profiles(), config, source.devices(), source.ephemeral(), source.description(),
                source.architecture());
    }

    public InstancesPost withProfiles(List<String> newProfiles) {
        return new InstancesPost(name, type, source, newProfiles, config, devices, ephemeral, description, architecture);
    }

    public InstancesPost withConfig(Map<String, String> newConfig) {
        return new InstancesPost(name, type, source, profiles, newConfig, devices, ephemeral, description, architecture);
    }

    public InstancesPost withSource(InstanceSource newSource) {
        return new InstancesPost(name, type, newSource, profiles, config, devices, ephemeral, description, architecture);
    }

    public InstancesPost withDevices(Map<String, Map<String, String>> newDevices) {
        return new InstancesPost(name, type, source, profiles, config, newDevices, ephemeral, description, architecture);
    }
}
