package dev.hako.model.volumes;

import dev.hako.lxd.ServerKind;
import dev.hako.model.CommandLine;

/** The {@code lxc}/{@code incus} command lines that do what the volume forms do. */
public final class VolumeCommands {

    private VolumeCommands() {
    }

    /**
     * {@code storage volume attach} has no read-only switch, so a read-only disk is shown
     * as the {@code config device add} it amounts to.
     */
    public static String attach(ServerKind kind, String remote, String instance, VolumeDisk disk) {
        if (disk.readOnly()) {
            CommandLine line = CommandLine.of(kind).add("config", "device", "add", remote + ":" + instance, disk.device(), "disk",
                    "pool=" + disk.pool(), "source=" + disk.volume());
            if (disk.path() != null && !disk.path().isEmpty()) {
                line.add("path=" + disk.path());
            }
            return line.add("readonly=true").toString();
        }
        CommandLine line = CommandLine.of(kind).add("storage", "volume", "attach", remote + ":" + disk.pool(), disk.volume(),
                instance, disk.device());
        if (disk.path() != null && !disk.path().isEmpty()) {
            line.add(disk.path());
        }
        return line.toString();
    }

    public static String detach(ServerKind kind, String remote, String instance, VolumeDisk disk) {
        return CommandLine.of(kind).add("storage", "volume", "detach", remote + ":" + disk.pool(), disk.volume(), instance,
                disk.device()).toString();
    }

    public static String rename(ServerKind kind, String remote, String pool, String volume, String newName) {
        return CommandLine.of(kind).add("storage", "volume", "rename", remote + ":" + pool, volume, newName).toString();
    }

    public static String resize(ServerKind kind, String remote, String pool, String volume, String size) {
        return CommandLine.of(kind).add("storage", "volume", "set", remote + ":" + pool, volume, "size=" + size).toString();
    }

    /** {@code storage volume copy|move remote:pool/volume remote:target/newName}. */
    public static String copyOrMove(ServerKind kind, String remote, boolean move, String pool, String volume, String targetPool,
                                    String newName) {
        return CommandLine.of(kind).add("storage", "volume", move ? "move" : "copy",
                remote + ":" + pool + "/" + volume, remote + ":" + targetPool + "/" + newName).toString();
    }
}
