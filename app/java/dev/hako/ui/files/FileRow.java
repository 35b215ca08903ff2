package dev.hako.ui.files;

import dev.hako.lxd.FileMetadata;
import dev.hako.remote.files.FileEntry;
import dev.hako.remote.files.RemotePaths;

/**
 * One entry of a directory listing: its name and what the server says of it (null while
 * unknown or unreadable; then {@code failure} says why, rendered in the window's language).
 */
public record FileRow(String name, String path, FileMetadata metadata, RuntimeException failure) {

    static FileRow of(FileEntry entry) {
        return new FileRow(entry.name(), entry.path(), entry.metadata(), entry.failure());
    }

    public boolean isDirectory() {
        return metadata != null && metadata.isDirectory();
    }

    /** A regular file (not a folder, not a link). */
    public boolean isFile() {
        return metadata != null && "file".equals(metadata.type());
    }

    /** {@code drwxr-xr-x} style, from the type and the permission bits. */
    public String permissions() {
        if (metadata == null) {
            return "";
        }
        char kind = metadata.isDirectory() ? 'd' : metadata.isSymlink() ? 'l' : '-';
        StringBuilder text = new StringBuilder().append(kind);
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((metadata.mode() & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return text.toString();
    }

    /** Joins a directory and a name into an absolute path inside the instance. */
    public static String join(String directory, String name) {
        return RemotePaths.join(directory, name);
    }

    /** The parent of an absolute path ("/" for "/"). */
    public static String parent(String path) {
        return RemotePaths.parent(path);
    }
}
