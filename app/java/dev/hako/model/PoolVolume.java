package dev.hako.model;

import dev.hako.lxd.api.StorageVolume;

/** A storage volume together with the pool it lives in (the server's volume record does not name it). */
public record PoolVolume(String pool, StorageVolume volume) {

    /** The key the model uses: {@code pool/type/name}. */
    public String key() {
        return key(pool, volume.type(), volume.name());
    }

    static String key(String pool, String type, String name) {
        return pool + "/" + type + "/" + name;
    }
}
