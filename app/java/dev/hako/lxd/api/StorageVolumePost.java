package dev.hako.lxd.api;

/**
 * {@code POST /1.0/storage-pools/<p>/volumes/custom/<name>}: a rename when {@code pool} is
 * null (sync on the server), a move to {@code pool} otherwise (an operation).
 */
public record StorageVolumePost(String name, String pool) {
}
