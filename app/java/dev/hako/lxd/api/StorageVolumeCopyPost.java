package dev.hako.lxd.api;

/**
 * {@code POST /1.0/storage-pools/<target>/volumes/custom} with a {@code source}: a copy of
 * another pool's custom volume (an operation on the server).
 */
public record StorageVolumeCopyPost(String name, String type, Source source) {

    /** Where the copy comes from: {@code type} is always {@code copy} here. */
    public record Source(String type, String pool, String name) {
    }

    public static StorageVolumeCopyPost custom(String sourcePool, String sourceName, String name) {
        return new StorageVolumeCopyPost(name, "custom", new Source("copy", sourcePool, sourceName));
    }
}
