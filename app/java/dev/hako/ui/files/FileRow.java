package dev.hako.ui.files;

import dev.hako.lxd.FileMetadata;

/** One entry of a directory listing: its name and what the server says of it (null while unknown or unreadable). */
public record FileRow(String name, String path, FileMetadata metadata, String error) {

    public boolean isDirectory() {
        return metadata != null && metadata.isDirectory();
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
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    /** The parent of an absolute path ("/" for "/"). */
    public static String parent(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return "/";
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? "/" : p.substring(0, slash);
    }

    /** Size in bytes, KiB, MiB or GiB. */
    public static String humanSize(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
