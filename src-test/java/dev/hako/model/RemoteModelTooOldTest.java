package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.FakeLxd30;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.ServerTooOldException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server without the instances API (LXD 3.0.3, faked: a real one cannot run here) is too old
 * once, judged from {@code GET /1.0} alone, and not asked again until a reconnect by hand.
 */
class RemoteModelTooOldTest {

    /** Longer than the first retry of an offline remote, so a retry loop would have asked again. */
    private static final long NO_RETRY_WINDOW_MILLIS = 3 * RemoteModel.FIRST_RETRY_MILLIS;

    private FakeLxd30 server;
    private RemoteModel model;
    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    private final List<ConnectionState> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeLxd30();
        model = new RemoteModel("bionic", server.endpoint());
        model.addStateListener(s -> {
            seen.add(s);
            states.add(s);
        });
    }

    @AfterEach
    void stop() {
        model.close();
        server.close();
    }

    @Test
    void aServerWithoutTheInstancesApiIsTooOldOnceAndAskedNothingElse() throws Exception {
        model.start();
        ConnectionState tooOld = next(ConnectionState.Status.TOO_OLD);

        assertThat(tooOld.version()).isEqualTo(FakeLxd30.VERSION);
        assertThat(tooOld.kind()).isEqualTo(ServerKind.LXD);
        assertThat(tooOld.failure()).isInstanceOf(ServerTooOldException.class);
        assertThat(((ServerTooOldException) tooOld.failure()).messageArguments()).containsExactly("3.0.3");
        assertThat(model.client()).isNull();
        // Decided from GET /1.0: neither the event stream nor /1.0/instances was asked for.
        assertThat(server.requests()).containsExactly("GET /1.0");

        // No retry loop: well past the first retry's time, nothing more was asked and nothing changed.
        assertThat(waitFor(NO_RETRY_WINDOW_MILLIS, () -> server.requests().size() > 1)).isFalse();
        assertThat(server.requests()).containsExactly("GET /1.0");
        assertThat(model.state()).isSameAs(tooOld);
        assertThat(seen.stream().filter(s -> s.status() == ConnectionState.Status.TOO_OLD)).hasSize(1);
        assertThat(seen.stream().map(ConnectionState::status))
                .doesNotContain(ConnectionState.Status.OFFLINE, ConnectionState.Status.ONLINE);
    }

    @Test
    void aReconnectByHandAsksAgainOnce() throws Exception {
        model.start();
        next(ConnectionState.Status.TOO_OLD);

        model.reconnect();
        next(ConnectionState.Status.CONNECTING);
        ConnectionState again = next(ConnectionState.Status.TOO_OLD);

        assertThat(again.version()).isEqualTo(FakeLxd30.VERSION);
        assertThat(server.requests()).containsExactly("GET /1.0", "GET /1.0");
        assertThat(waitFor(NO_RETRY_WINDOW_MILLIS, () -> server.requests().size() > 2)).isFalse();
        assertThat(server.serverReads()).isEqualTo(2);
    }

    /** The next state the model reports, which must have {@code status}. */
    private ConnectionState next(ConnectionState.Status status) throws InterruptedException {
        ConnectionState state;
        do {
            state = states.poll(10, TimeUnit.SECONDS);
            assertThat(state).as("a %s state within 10 s; seen %s", status, seen).isNotNull();
        } while (state.status() == ConnectionState.Status.CONNECTING && status != ConnectionState.Status.CONNECTING);
        assertThat(state.status()).as("states seen: %s", seen).isEqualTo(status);
        return state;
    }

    /** Whether {@code condition} came true within {@code millis}; checked every 20 ms. */
    private static boolean waitFor(long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
