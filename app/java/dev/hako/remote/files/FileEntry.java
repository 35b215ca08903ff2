package dev.hako.remote.files;

import dev.hako.lxd.FileMetadata;

/**
 * One entry of a directory listing: its name, its absolute path and what the server says
 * of it, or why it could not say (then {@code metadata} is null).
 */
public record FileEntry(String name, String path, FileMetadata metadata, RuntimeException failure) {
}
