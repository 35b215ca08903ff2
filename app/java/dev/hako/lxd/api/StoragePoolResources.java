package dev.hako.lxd.api;

/** {@code GET /1.0/storage-pools/<name>/resources}: bytes and inodes used and total. */
public record StoragePoolResources(Space space, Inodes inodes) {

    public record Space(long used, long total) {
    }

    public record Inodes(long used, long total) {
    }
}
