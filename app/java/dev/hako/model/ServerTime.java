package dev.hako.model;

import java.time.OffsetDateTime;

/** How the servers write times that never happened. */
public final class ServerTime {

    private ServerTime() {
    }

    /**
     * True for a time that stands for "never": Incus writes the zero time 0001-01-01, LXD 5.0
     * writes the Unix epoch for an instance that has never been started.
     */
    public static boolean isNever(OffsetDateTime time) {
        return time == null || time.getYear() <= 1 || time.toEpochSecond() <= 0;
    }
}
