package dev.hako.remote.files;

/** Absolute paths inside an instance, always with forward slashes. */
public final class RemotePaths {

    private RemotePaths() {
    }

    /** Joins a directory and a name into an absolute path. */
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

    /** What the user typed as a location, made absolute ("" is the root). */
    public static String absolute(String typed) {
        String path = typed == null ? "" : typed.strip();
        if (path.isEmpty()) {
            return "/";
        }
        return path.startsWith("/") ? path : "/" + path;
    }
}
