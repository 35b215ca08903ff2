package dev.hako.remote.files;

import dev.hako.lxd.FileMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * What the Files tab does to an instance's file system, each a blocking job of one or
 * more server calls with plain values in and out. {@link InstanceFileOperations} does it
 * against a server; view-model tests give a file tree of their own.
 */
public interface FileOperations {

    /** The instance the files are in. */
    String instanceName();

    /**
     * The entries of {@code directory} with their metadata, folders first, then by name. An
     * entry the server cannot describe comes with its failure instead. The per-entry
     * requests run a few at a time on {@code fanOut}; the listing stops early once
     * {@code cancelled} says so.
     */
    List<FileEntry> list(String directory, Executor fanOut, BooleanSupplier cancelled) throws InterruptedException;

    void createDirectory(String path);

    /** Deletes {@code path}, and everything in it when it is a folder. */
    void delete(String path, BooleanSupplier cancelled);

    /** Moves {@code path} to {@code newPath} inside the instance; refuses to replace what is there. */
    void rename(String path, String newPath);

    /** Sets the mode (when {@code mode} is not null) and the owner and group of {@code path}. */
    void changeOwnership(String path, String mode, int uid, int gid);

    /** Copies a host file into the instance; {@code progress} gets the bytes sent so far. */
    void upload(Path source, String remotePath, LongConsumer progress, BooleanSupplier cancelled);

    /** Copies a file of the instance to the host, whole or not at all. */
    FileMetadata download(String remotePath, Path target, LongConsumer progress, BooleanSupplier cancelled);

    /** A small file as UTF-8 text; refuses other content. */
    TextFile readText(String path);

    /**
     * Writes {@code text} over {@code path}. Unless {@code force}, first checks that the file
     * is still as {@code known} (size and modification time): if not, writes nothing and
     * returns empty. Returns what the server says of the file after writing.
     */
    Optional<FileMetadata> writeText(String path, String text, FileMetadata known, boolean force);
}
