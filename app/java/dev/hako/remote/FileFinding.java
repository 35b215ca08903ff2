package dev.hako.remote;

import java.nio.file.Path;

/**
 * Something wrong with one of Hako's own files, found while reading it, and what was
 * done about it. The window tells the user (in their language) from these.
 *
 * @param file   the file that was damaged
 * @param keptAs where the damaged file was kept ({@code <name>.damaged-<time>}), or null when
 *               nothing needed keeping (the key's permissions were only tightened)
 * @param detail what exactly was wrong, in English (a parser's message, dropped entry names), or ""
 */
public record FileFinding(Kind kind, Path file, Path keptAs, String detail) {

    /** What was found. */
    public enum Kind {
        /** {@code remotes.yml} could not be read at all: it was kept aside and Hako starts without saved remotes. */
        REMOTES_UNREADABLE,
        /** Part of {@code remotes.yml} was damaged: the readable remotes were kept, the damaged file copied aside. */
        REMOTES_PARTLY_READ,
        /** The client key or certificate was missing or unreadable: kept aside, a new certificate is made. */
        CLIENT_KEY_DAMAGED,
        /** The client key could be read by others: its permissions were set back to 0600. */
        CLIENT_KEY_PERMISSIONS,
        /** The settings file could not be read: kept aside, default settings are used. */
        SETTINGS_DAMAGED
    }

    public FileFinding {
        detail = detail == null ? "" : detail;
    }
}
