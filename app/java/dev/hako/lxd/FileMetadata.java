package dev.hako.lxd;

/** What the server says of a path inside an instance: type, owner and mode. */
public record FileMetadata(String type, int uid, int gid, int mode, long size, String modified) {

    /** Size and modification time unknown (a HEAD answer carries neither size nor always the time). */
    public FileMetadata(String type, int uid, int gid, int mode) {
        this(type, uid, gid, mode, -1, null);
    }

    public boolean isDirectory() {
        return "directory".equals(type);
    }

    public boolean isSymlink() {
        return "symlink".equals(type);
    }

    /** Mode as the server prints it, e.g. {@code 0644}. */
    public String octalMode() {
        return String.format("%04o", mode);
    }
}
