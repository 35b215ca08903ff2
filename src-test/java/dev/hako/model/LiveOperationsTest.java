package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Out-of-order events and lost ends, with the server's list held in memory. */
class LiveOperationsTest {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final List<Operation> serverList = new CopyOnWriteArrayList<>();
    private final LiveOperations live = new LiveOperations(() -> List.copyOf(serverList), thread);

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    private static Operation op(String id, int code, int second) {
        String status = switch (code) {
            case Operation.RUNNING -> "Running";
            case Operation.SUCCESS -> "Success";
            default -> "Failure";
        };
        return new Operation(id, "websocket", "Executing command", OffsetDateTime.parse("2026-12-03T10:00:00Z"),
                OffsetDateTime.parse("2026-12-03T10:00:00Z").plusSeconds(second), status, code, null, null, false,
                "", "none");
    }

    private List<LiveOperations.Entry> entries() throws Exception {
        return thread.submit(live::entries).get();
    }

    @Test
    void aRunningEventThatArrivesAfterTheEndDoesNotReviveTheOperation() throws Exception {
        live.onStreamed(op("a", Operation.RUNNING, 0));
        live.onStreamed(op("a", Operation.SUCCESS, 2));
        live.onStreamed(op("a", Operation.RUNNING, 1));
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.running()).isFalse();
            assertThat(e.operation().succeeded()).isTrue();
        });
    }

    @Test
    void anOperationTheServerNoLongerListsHasEnded() throws Exception {
        serverList.add(op("b", Operation.RUNNING, 0));
        live.onStreamed(op("b", Operation.RUNNING, 0));
        live.onStreamed(op("c", Operation.RUNNING, 0));
        // "c" ended and was forgotten by the server without its end reaching us; "b" still runs.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> entries().stream().filter(LiveOperations.Entry::running).count() == 1);
        assertThat(entries()).filteredOn(LiveOperations.Entry::running).extracting(e -> e.operation().id())
                .containsExactly("b");
        assertThat(entries()).filteredOn(LiveOperations.Entry::vanished).extracting(e -> e.operation().id())
                .containsExactly("c");

        // The server's list is news too: "b" ended with a failure the stream did not bring.
        serverList.set(0, op("b", 400, 5));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> entries().stream().noneMatch(LiveOperations.Entry::running));
        assertThat(entries()).filteredOn(e -> e.operation().id().equals("b")).singleElement()
                .satisfies(e -> assertThat(e.operation().statusCode()).isEqualTo(400));
    }

    @Test
    void endedOperationsAreForgottenBeyondWhatIsWorthShowing() throws Exception {
        for (int i = 0; i < LiveOperations.KEEP_ENDED + 20; i++) {
            live.onStreamed(op("e" + i, Operation.SUCCESS, i));
        }
        live.onStreamed(op("r", Operation.RUNNING, 0));
        serverList.add(op("r", Operation.RUNNING, 0));
        assertThat(entries()).hasSize(LiveOperations.KEEP_ENDED + 1);
        assertThat(entries().get(0).operation().id()).isEqualTo("e20");
    }

    @Test
    void anOperationStartedHereIsMarkedWhetherItsEventsComeBeforeOrAfterTheAnswer() throws Exception {
        // "early" ran so fast that its end was streamed before the answer that named it.
        live.onStreamed(op("early", Operation.SUCCESS, 1));
        live.onStartedHere("early");
        live.onStartedHere("late");
        live.onStreamed(op("late", Operation.RUNNING, 0));
        live.onStreamed(op("cli", Operation.RUNNING, 0));

        assertThat(entries()).extracting(e -> e.operation().id(), LiveOperations.Entry::startedHere)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("early", true),
                        org.assertj.core.groups.Tuple.tuple("late", true),
                        org.assertj.core.groups.Tuple.tuple("cli", false));
    }
}
