package dev.hako.model.volumes;

import dev.hako.lxd.ExplainedLxdException;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstancePut;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.lxd.api.StorageVolumePut;
import dev.hako.lxd.api.StorageVolumeState;
import dev.hako.lxd.api.Tagged;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of the volume forms, blocking, on plain values: attach and detach (the
 * instance's devices rewritten under its ETag, so a change made meanwhile is refused rather
 * than overwritten), rename, resize, copy and move (each waits until the server is done).
 */
public final class VolumeJobs {

    /** How long a copy or move between pools may take. */
    public static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(2);

    private final LxdClient client;

    public VolumeJobs(LxdClient client) {
        this.client = client;
    }

    /** Adds {@code disk} to the instance's own devices. */
    public void attach(String instance, VolumeDisk disk) {
        Tagged<Instance> current = client.instances().get(instance);
        Instance value = current.value();
        Map<String, Map<String, String>> devices = new LinkedHashMap<>(
                value.devices() == null ? Map.of() : value.devices());
        if (devices.containsKey(disk.device())) {
            throw new ExplainedLxdException("device " + disk.device() + " exists on " + instance,
                    "volumes.error.deviceTaken", disk.device(), instance);
        }
        devices.put(disk.device(), disk.config());
        put(instance, value, devices, current.etag());
    }

    /** Removes the instance's own device {@code device}. */
    public void detach(String instance, String device) {
        Tagged<Instance> current = client.instances().get(instance);
        Instance value = current.value();
        Map<String, Map<String, String>> devices = new LinkedHashMap<>(
                value.devices() == null ? Map.of() : value.devices());
        if (devices.remove(device) == null) {
            return;
        }
        put(instance, value, devices, current.etag());
    }

    private void put(String instance, Instance value, Map<String, Map<String, String>> devices, String etag) {
        InstancePut put = value.toPut();
        InstancePut changed = new InstancePut(put.architecture(), put.config(), devices, put.ephemeral(),
                put.profiles(), put.stateful(), put.description());
        client.instances().update(instance, changed, etag).awaitSuccess(UPDATE_TIMEOUT);
    }

    public void rename(String pool, String volume, String newName) {
        client.storage().renameVolume(pool, volume, newName);
    }

    /** Sets the volume's {@code size} under its ETag. */
    public void resize(String pool, String volume, String size) {
        Tagged<StorageVolume> current = client.storage().volume(pool, "custom", volume);
        StorageVolumePut put = current.value().toPut();
        Map<String, String> config = new LinkedHashMap<>(put.config() == null ? Map.of() : put.config());
        config.put("size", size);
        client.storage().updateVolume(pool, "custom", volume, new StorageVolumePut(config, put.description()),
                current.etag());
    }

    /** Copies or moves {@code pool/volume} to {@code targetPool/newName} and waits until it is there. */
    public void copyOrMove(boolean move, String pool, String volume, String targetPool, String newName) {
        if (move) {
            client.storage().moveVolume(pool, volume, targetPool, newName).awaitSuccess(TRANSFER_TIMEOUT);
        } else {
            client.storage().copyVolume(pool, volume, targetPool, newName).awaitSuccess(TRANSFER_TIMEOUT);
        }
    }

    /** Bytes the volume uses, or empty where the server cannot tell (dir pools). */
    public Optional<Long> used(String pool, String volume) {
        try {
            StorageVolumeState state = client.storage().volumeState(pool, "custom", volume);
            return state == null || state.usage() == null ? Optional.empty() : Optional.of(state.usage().used());
        } catch (RuntimeException notSupported) {
            // LXD answers "Not supported" for drivers that cannot measure a volume.
            return Optional.empty();
        }
    }
}
