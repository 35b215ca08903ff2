package dev.hako.lxd;

import dev.hako.lxd.api.Operation;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A handle on an operation the client started: wait for it, cancel it, follow its
 * progress, and reach its websockets by secret.
 */
public final class RunningOperation {

    /** Longest single server-side wait; keeps a stuck connection from hiding a result. */
    private static final Duration WAIT_SLICE = Duration.ofSeconds(30);

    private final Transport transport;
    private final OperationTracker tracker;
    private volatile Operation latest;

    RunningOperation(Transport transport, OperationTracker tracker, Operation initial) {
        this.transport = transport;
        this.tracker = tracker;
        this.latest = initial;
    }

    public String id() {
        return latest.id();
    }

    /** The last state seen, from the creating response, the event stream or a wait. */
    public Operation latest() {
        Operation fromStream = tracker.finished(id());
        return fromStream != null ? fromStream : latest;
    }

    /** Calls {@code listener} on the event thread with every update of this operation (progress). */
    public Subscription onUpdate(Consumer<Operation> listener) {
        return tracker.watch(id(), op -> {
            latest = op;
            listener.accept(op);
        });
    }

    /**
     * Waits until the operation is final or {@code timeout} passes, and returns its
     * state then, whatever it is (like the server's own wait).
     */
    public Operation await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Operation known = tracker.finished(id());
            if (known != null) {
                latest = known;
                return known;
            }
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return latest;
            }
            long seconds = Math.max(1, Math.min(WAIT_SLICE.toSeconds(), (leftMillis + 999) / 1000));
            Operation now = waitOnServer(seconds);
            latest = now;
            if (now.isFinal()) {
                return now;
            }
        }
    }

    /** Waits for success; a failure or cancellation throws with the server's message. */
    public Operation awaitSuccess(Duration timeout) {
        Operation op = await(timeout);
        if (!op.isFinal()) {
            throw new ExplainedLxdException(op.description() + ": still " + op.status() + " after "
                    + timeout.toSeconds() + " s", "error.operation.timeout", timeout.toSeconds());
        }
        if (!op.succeeded()) {
            throw new OperationFailedException(op);
        }
        return op;
    }

    private Operation waitOnServer(long seconds) {
        HttpUrl url = transport.url("/1.0/operations/" + id() + "/wait", "timeout", Long.toString(seconds));
        try (Response response = transport.executeSlow(new Request.Builder().url(url).build(),
                Duration.ofSeconds(seconds + 15))) {
            return ResponseParser.parse(response, "GET", url.encodedPath()).metadataAs(Operation.class);
        } catch (NotFoundException vanished) {
            return vanished(vanished);
        } catch (LxdException refused) {
            // Incus 6 answers a wait that timed out with an error ("context deadline exceeded")
            // instead of the operation as it stands: read it as it stands.
            if (refused.serverMessage() != null && refused.serverMessage().contains("deadline exceeded")) {
                try {
                    return transport.get(transport.url("/1.0/operations/" + id())).metadataAs(Operation.class);
                } catch (NotFoundException vanished) {
                    return vanished(vanished);
                }
            }
            throw refused;
        }
    }

    /** Deleted 5 s after it finished: the event stream, open since before the start, has the result. */
    private Operation vanished(NotFoundException vanished) {
        Operation known = tracker.awaitFinished(id(), 2000);
        if (known != null) {
            return known;
        }
        throw new ExplainedLxdException("operation " + id() + " finished but its result was lost", vanished,
                404, "error.operation.resultLost");
    }

    /** Asks the server to cancel; it refuses (400) when the operation cannot be cancelled. */
    public void cancel() {
        transport.send("DELETE", transport.url("/1.0/operations/" + id()), null, null);
    }

    public HttpUrl websocketUrl(String secret) {
        return transport.url("/1.0/operations/" + id() + "/websocket", "secret", secret);
    }

    /** The secret of one websocket of a websocket operation ({@code fds} for exec, or top-level keys for migration). */
    public String secret(String name) {
        var metadata = latest.metadata();
        if (metadata == null) {
            throw new MalformedResponseException("operation " + id() + " has no websocket secrets", null);
        }
        var node = metadata.path("fds").has(name) ? metadata.path("fds").get(name) : metadata.get(name);
        if (node == null || !node.isTextual()) {
            throw new MalformedResponseException("operation " + id() + " has no secret '" + name + "'", null);
        }
        return node.asText();
    }
}
