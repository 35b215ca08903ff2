package dev.hako.lxd;

import dev.hako.lxd.api.Event;

/** Receives events on the stream's thread; implementations hand work elsewhere quickly. */
public interface EventListener {

    void onEvent(Event event);

    /** The stream (re)connected. After a reconnect, events may have been missed: resynchronise. */
    default void onConnected(boolean reconnect) {
    }

    /** The stream dropped; it retries by itself with backoff. */
    default void onDisconnected(LxdException cause) {
    }
}
