package dev.hako.model.pool;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.Tagged;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What uses a pool, sorted from its {@code used_by} URLs: profiles (root or other disk
 * devices on it), custom volumes, images, instances, anything else. Profiles and custom
 * volumes can be cleared from here; instances and the rest cannot.
 */
public record PoolUsage(String pool, List<String> profiles, List<String> volumes, List<String> images,
                        List<String> instances, List<String> other) {

    public static PoolUsage of(String pool, List<String> usedBy) {
        List<String> profiles = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String url : usedBy == null ? List.<String>of() : usedBy) {
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            String[] parts = path.split("/");
            // "", "1.0", kind, name, ...
            if (parts.length >= 4 && "profiles".equals(parts[2])) {
                profiles.add(decode(parts[3]));
            } else if (parts.length >= 4 && "instances".equals(parts[2])) {
                instances.add(decode(parts[3]));
            } else if (parts.length >= 4 && "images".equals(parts[2])) {
                images.add(decode(parts[3]));
            } else if (parts.length == 7 && "storage-pools".equals(parts[2]) && "custom".equals(parts[5])) {
                volumes.add(decode(parts[6]));
            } else if (parts.length >= 7 && "storage-pools".equals(parts[2]) && "virtual-machine".equals(parts[5])
                    || parts.length >= 7 && "storage-pools".equals(parts[2]) && "container".equals(parts[5])) {
                instances.add(decode(parts[6]));
            } else if (parts.length == 7 && "storage-pools".equals(parts[2]) && "image".equals(parts[5])) {
                images.add(decode(parts[6]));
            } else {
                other.add(url);
            }
        }
        return new PoolUsage(pool, profiles, volumes, images, instances, other);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    public boolean unused() {
        return profiles.isEmpty() && volumes.isEmpty() && images.isEmpty() && instances.isEmpty() && other.isEmpty();
    }

    /** Whether what remains after clearing profiles and volumes still keeps the pool. */
    public boolean blocked() {
        return !instances.isEmpty() || !other.isEmpty();
    }

    /** Removes every disk device on this pool from a profile (with its ETag). */
    public static void detachFromProfile(LxdClient client, String profile, String pool) {
        Tagged<Profile> current = client.profiles().get(profile);
        Profile value = current.value();
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        if (value.devices() != null) {
            value.devices().forEach((name, device) -> {
                boolean onPool = "disk".equals(device.get("type")) && pool.equals(device.get("pool"));
                if (!onPool) {
                    devices.put(name, device);
                }
            });
        }
        client.profiles().update(profile, new ProfilePut(value.config() == null ? Map.of() : value.config(),
                value.description(), devices), current.etag());
    }

    /** Clears what was agreed to, then deletes the pool. */
    public static void clearAndDelete(LxdClient client, String pool, List<String> profiles, List<String> volumes) {
        for (String profile : profiles) {
            detachFromProfile(client, profile, pool);
        }
        for (String volume : volumes) {
            try {
                client.storage().deleteVolume(pool, "custom", volume);
            } catch (NotFoundException gone) {
                // Already deleted elsewhere.
            }
        }
        client.storage().deletePool(pool);
    }
}
