package dev.hako.lxd.api;

/**
 * {@code GET /1.0/storage-pools/<p>/volumes/<type>/<name>/state}: what the volume uses.
 * {@code usage} is null where the driver cannot tell (Incus on a dir pool); LXD answers
 * "Not supported" there instead.
 */
public record StorageVolumeState(Usage usage) {

    /** Bytes used, and the total when the volume has a fixed size (0 otherwise). */
    public record Usage(long used, long total) {
    }
}
