package dev.hako.remote.files;

import dev.hako.lxd.FileMetadata;

/** A text file as read from an instance, with what the server said of it when it was read. */
public record TextFile(FileMetadata metadata, String text) {
}
