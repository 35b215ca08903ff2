package dev.hako.model.volumes;

import dev.hako.lxd.api.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A disk device that puts a custom storage volume into an instance, as
 * {@code lxc storage volume attach} writes it: {@code type=disk pool=<pool> source=<volume>}
 * plus {@code path} (none for a block volume) and {@code readonly=true} when asked.
 */
public record VolumeDisk(String device, String pool, String volume, String path, boolean readOnly) {

    /** The device's config, as the instance's {@code devices} map holds it. */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("type", "disk");
        config.put("pool", pool);
        config.put("source", volume);
        if (path != null && !path.isEmpty()) {
            config.put("path", path);
        }
        if (readOnly) {
            config.put("readonly", "true");
        }
        return config;
    }

    /** Whether a device's config points at a custom volume (a pool and a source that is not a host path). */
    public static boolean isVolumeDisk(Map<String, String> config) {
        if (config == null || !"disk".equals(config.get("type"))) {
            return false;
        }
        // The root disk has a pool but no source; a host directory's source is an absolute path.
        String pool = config.get("pool");
        String source = config.get("source");
        return pool != null && !pool.isEmpty() && source != null && !source.isEmpty() && !source.startsWith("/");
    }

    /** The instance's own disks on custom volumes (a profile's devices are not the instance's to detach). */
    public static List<VolumeDisk> of(Instance instance) {
        List<VolumeDisk> disks = new ArrayList<>();
        if (instance.devices() == null) {
            return disks;
        }
        instance.devices().forEach((name, config) -> {
            if (isVolumeDisk(config)) {
                disks.add(new VolumeDisk(name, config.get("pool"), config.get("source"), config.get("path"),
                        "true".equalsIgnoreCase(config.get("readonly"))));
            }
        });
        disks.sort(java.util.Comparator.comparing(VolumeDisk::device));
        return disks;
    }
}
