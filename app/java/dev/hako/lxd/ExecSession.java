package dev.hako.lxd;

import dev.hako.lxd.api.Operation;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A command running in an instance, attached through the exec websockets. Data
 * travels in binary frames; an empty text frame marks the end of a stream. Interactive
 * sessions have one pty socket ("0"); others have stdin, stdout and stderr.
 */
public final class ExecSession implements AutoCloseable {

    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(5);

    private final Transport transport;
    private final RunningOperation operation;
    private final boolean interactive;
    private final List<WebSocket> sockets = new ArrayList<>();
    private final CountDownLatch outputDone;
    private WebSocket input;
    private WebSocket control;

    ExecSession(Transport transport, RunningOperation operation, boolean interactive) {
        this.transport = transport;
        this.operation = operation;
        this.interactive = interactive;
        this.outputDone = new CountDownLatch(interactive ? 1 : 2);
    }

    public RunningOperation operation() {
        return operation;
    }

    /**
     * Connects the streams. For an interactive session {@code stderr} is unused: the
     * pty carries both. Sinks are called on network threads, in order per stream.
     */
    public ExecSession attach(Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        control = connect("control", new WebSocketListener() { });
        if (interactive) {
            input = connect("0", new OutputListener(stdout));
        } else {
            input = connect("0", new WebSocketListener() { });
            connect("1", new OutputListener(stdout));
            connect("2", new OutputListener(stderr));
        }
        return this;
    }

    private WebSocket connect(String fd, WebSocketListener listener) {
        // Data streams go without pings: a consumer holding the reader back must not kill the socket.
        WebSocket socket = transport.connectStreamWebSocket(operation.websocketUrl(operation.secret(fd)), listener,
                ATTACH_TIMEOUT);
        synchronized (sockets) {
            sockets.add(socket);
        }
        return socket;
    }

    /** Sends bytes to the command's standard input (or the pty). */
    public void write(byte[] data) {
        input.send(ByteString.of(data));
    }

    /** Signals end of input: an empty text frame (non-interactive) or Ctrl-D on the pty. */
    public void closeInput() {
        if (interactive) {
            input.send(ByteString.of((byte) 4));
        } else {
            input.send("");
        }
    }

    /** Tells the pty its new size; the server wants the numbers as strings. */
    public void resize(int columns, int rows) {
        sendControl(Map.of("command", "window-resize",
                "args", Map.of("width", Integer.toString(columns), "height", Integer.toString(rows))));
    }

    public void signal(int signal) {
        sendControl(Map.of("command", "signal", "signal", signal));
    }

    private void sendControl(Map<String, Object> message) {
        try {
            control.send(Json.MAPPER.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the output to drain and the command to end; returns its exit status (128+n when killed). */
    public int awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            outputDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        Operation finished = operation.awaitSuccess(left.isZero() ? Duration.ofSeconds(1) : left);
        close();
        return finished.metadata() == null ? -1 : finished.metadata().path("return").asInt(-1);
    }

    /** Runs a non-interactive command to the end, collecting its output (for short outputs). */
    public Result collect(byte[] stdin, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        attach(chunk -> {
            synchronized (out) {
                out.writeBytes(chunk);
            }
        }, chunk -> {
            synchronized (err) {
                err.writeBytes(chunk);
            }
        });
        if (stdin != null && stdin.length > 0) {
            write(stdin);
        }
        closeInput();
        int exit = awaitExit(timeout);
        synchronized (out) {
            synchronized (err) {
                return new Result(exit, out.toByteArray(), err.toByteArray());
            }
        }
    }

    /**
     * Closes the data streams first and the control socket last, so that the server never
     * ends the session from the control side while it may still be writing output on a data
     * stream. (LXD 5.0.2 was seen to panic, "concurrent write to websocket connection" in its
     * console mirror, when a console was closed while it wrote output.)
     */
    @Override
    public void close() {
        synchronized (sockets) {
            for (int i = sockets.size() - 1; i >= 0; i--) {
                sockets.get(i).close(1000, null);
            }
            sockets.clear();
        }
    }

    /** Exit status and output of a finished command. */
    public record Result(int exitCode, byte[] stdout, byte[] stderr) {
        public String stdoutText() {
            return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String stderrText() {
            return new String(stderr, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Hands binary frames to the sink and counts the stream as finished at EOF, close or failure. */
    private final class OutputListener extends WebSocketListener {
        private final Consumer<byte[]> sink;
        private boolean finished;

        OutputListener(Consumer<byte[]> sink) {
            this.sink = sink;
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            sink.accept(bytes.toByteArray());
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (text.isEmpty()) {
                // The server keeps the stream open until we answer its end-of-output barrier.
                webSocket.close(1000, null);
                finish();
            } else {
                // Data should come in binary frames, but pass on text rather than lose it.
                sink.accept(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            finish();
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            finish();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            finish();
        }

        private synchronized void finish() {
            if (!finished) {
                finished = true;
                outputDone.countDown();
            }
        }
    }
}
