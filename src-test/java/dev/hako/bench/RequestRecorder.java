package dev.hako.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The HTTP requests Hako sends while it records, as {@code dev.hako.lxd.Transport} logs
 * them at FINE: method and path, one line a request (websocket upgrades included).
 */
final class RequestRecorder extends Handler {

    private static final Logger TRANSPORT = Logger.getLogger("dev.hako.lxd.Transport");

    private final List<String> requests = new ArrayList<>();
    private final List<Long> secondOf = new ArrayList<>();
    private final long start = System.currentTimeMillis();

    private RequestRecorder() {
    }

    static RequestRecorder start() {
        RequestRecorder recorder = new RequestRecorder();
        TRANSPORT.setLevel(Level.FINE);
        TRANSPORT.addHandler(recorder);
        return recorder;
    }

    /** How many requests so far. */
    synchronized int size() {
        return requests.size();
    }

    /** Stops recording; the requests seen, in the order they were sent. */
    synchronized List<String> stop() {
        TRANSPORT.removeHandler(this);
        return List.copyOf(requests);
    }

    /** When each request was sent: whole seconds since the start. */
    synchronized List<Long> secondOf() {
        return List.copyOf(secondOf);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        requests.add(record.getMessage());
        secondOf.add((record.getMillis() - start) / 1000);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
