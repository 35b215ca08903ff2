package dev.hako.lxd;

import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StoragePoolPut;
import dev.hako.lxd.api.StoragePoolResources;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.lxd.api.StorageVolumeCopyPost;
import dev.hako.lxd.api.StorageVolumePost;
import dev.hako.lxd.api.StorageVolumePut;
import dev.hako.lxd.api.StorageVolumeState;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.lxd.api.Tagged;
import java.util.List;

/** {@code /1.0/storage-pools}: pools and their volumes. */
public final class StorageApi extends ResourceApi {

    StorageApi(LxdClient client) {
        super(client);
    }

    private static String poolPath(String name) {
        return "/1.0/storage-pools/" + seg(name);
    }

    private static String volumePath(String pool, String type, String name) {
        return poolPath(pool) + "/volumes/" + seg(type) + "/" + seg(name);
    }

    public List<StoragePool> pools() {
        return list("/1.0/storage-pools", StoragePool.class);
    }

    public Tagged<StoragePool> pool(String name) {
        return getTagged(poolPath(name), StoragePool.class);
    }

    /** The pool as one cluster member has it: its member-specific config (source, size) and status there. */
    public StoragePool pool(String name, String target) {
        return getTagged(poolPath(name), StoragePool.class, "target", target).value();
    }

    public StoragePoolResources poolResources(String name) {
        return get(poolPath(name) + "/resources", StoragePoolResources.class);
    }

    /** Creates a pool; {@code target} names the cluster member for a per-member step, else null. */
    public void createPool(StoragePoolsPost request, String target) {
        transport.send("POST", url("/1.0/storage-pools", "target", target), request, null);
    }

    public void updatePool(String name, StoragePoolPut put, String etag) {
        sync("PUT", poolPath(name), put, etag);
    }

    public void deletePool(String name) {
        sync("DELETE", poolPath(name), null, null);
    }

    public List<StorageVolume> volumes(String pool) {
        return list(poolPath(pool) + "/volumes", StorageVolume.class);
    }

    public Tagged<StorageVolume> volume(String pool, String type, String name) {
        return getTagged(volumePath(pool, type, name), StorageVolume.class);
    }

    /** Creates an empty custom volume (sync on the server). */
    public void createVolume(String pool, StorageVolumesPost request) {
        sync("POST", poolPath(pool) + "/volumes/" + seg(request.type()), request, null);
    }

    public void updateVolume(String pool, String type, String name, StorageVolumePut put, String etag) {
        sync("PUT", volumePath(pool, type, name), put, etag);
    }

    public void deleteVolume(String pool, String type, String name) {
        sync("DELETE", volumePath(pool, type, name), null, null);
    }

    /** What the volume uses on disk; the server refuses where its driver cannot tell (LXD on dir). */
    public StorageVolumeState volumeState(String pool, String type, String name) {
        return get(volumePath(pool, type, name) + "/state", StorageVolumeState.class);
    }

    /** Renames a custom volume within its pool (sync on the server). */
    public void renameVolume(String pool, String name, String newName) {
        sync("POST", volumePath(pool, "custom", name), new StorageVolumePost(newName, null), null);
    }

    /** Moves a custom volume to another pool, under {@code newName} there. */
    public RunningOperation moveVolume(String pool, String name, String targetPool, String newName) {
        return async("POST", volumePath(pool, "custom", name), new StorageVolumePost(newName, targetPool), null);
    }

    /** Copies a custom volume into {@code targetPool} as {@code newName}. */
    public RunningOperation copyVolume(String pool, String name, String targetPool, String newName) {
        return async("POST", poolPath(targetPool) + "/volumes/custom",
                StorageVolumeCopyPost.custom(pool, name, newName), null);
    }
}
