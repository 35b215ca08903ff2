package dev.hako.ui.view.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.Json;
import dev.hako.lxd.api.Event;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's ring, batching, filters, pause and export, fed with events as the server words them. */
class EventMonitorViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);

    private EventMonitorViewModel model(int limit) {
        return new EventMonitorViewModel(List::of, i18n, new CurrentThreadTaskExecutor(),
                new ScriptedDialogService(i18n), limit);
    }

    private static Event event(String json) throws Exception {
        return Json.MAPPER.readValue(json, Event.class);
    }

    private static Event lifecycle(String action, String source) throws Exception {
        return event("{\"type\":\"lifecycle\",\"timestamp\":\"2026-12-04T12:00:00Z\",\"project\":\"default\","
                + "\"metadata\":{\"action\":\"" + action + "\",\"source\":\"" + source + "\",\"context\":{}}}");
    }

    private static Event logging(String level, String message) throws Exception {
        return event("{\"type\":\"logging\",\"timestamp\":\"2026-12-04T12:00:01Z\",\"project\":\"\","
                + "\"metadata\":{\"message\":\"" + message + "\",\"level\":\"" + level
                + "\",\"context\":{\"instance\":\"c1\"}}}");
    }

    private static Event operation(String description, String status) throws Exception {
        return event("{\"type\":\"operation\",\"timestamp\":\"2026-12-04T12:00:02Z\",\"project\":\"default\","
                + "\"metadata\":{\"id\":\"x\",\"class\":\"task\",\"description\":\"" + description + "\",\"status\":\""
                + status + "\",\"resources\":{\"instances\":[\"/1.0/instances/c1\"]},\"err\":\"\"}}");
    }

    @Test
    void aBurstOfAThousandEventsIsOneChangeAndTheRingKeepsTheLast() throws Exception {
        EventMonitorViewModel model = model(300);
        AtomicInteger changes = new AtomicInteger();
        model.rows().addListener((ListChangeListener<EventMonitorViewModel.Row>) c -> changes.incrementAndGet());
        for (int i = 0; i < 1000; i++) {
            model.offer("local", lifecycle("instance-updated", "/1.0/instances/c" + i));
        }
        assertThat(model.rows()).as("nothing shows before the flush").isEmpty();
        assertThat(model.pendingCount()).as("the waiting queue is bounded too").isEqualTo(300);

        model.flush();

        assertThat(changes.get()).isEqualTo(1);
        assertThat(model.flushCount()).isEqualTo(1);
        assertThat(model.rows()).hasSize(300);
        assertThat(model.rows().get(0).source()).isEqualTo("/1.0/instances/c700");
        assertThat(model.rows().get(299).source()).isEqualTo("/1.0/instances/c999");

        for (int i = 0; i < 50; i++) {
            model.offer("local", lifecycle("instance-started", "/1.0/instances/n" + i));
        }
        model.flush();
        model.flush();
        assertThat(changes.get()).as("a second burst is one more change; an empty flush none").isEqualTo(2);
        assertThat(model.rows()).hasSize(300);
        assertThat(model.rows().get(0).source()).isEqualTo("/1.0/instances/c750");
        assertThat(model.rows().get(299).source()).isEqualTo("/1.0/instances/n49");
    }

    @Test
    void filtersByTypeLevelAndSearch() throws Exception {
        EventMonitorViewModel model = model(100);
        model.offer("local", lifecycle("instance-created", "/1.0/instances/web"));
        model.offer("local", operation("Creating instance", "Running"));
        model.offer("other", logging("dbug", "Handling request"));
        model.offer("other", logging("info", "Starting instance"));
        model.offer("other", logging("eror", "Failed starting instance"));
        model.flush();
        assertThat(model.rows()).hasSize(5);
        assertThat(model.shown()).as("debug is below the default level").hasSize(4);

        EventMonitorViewModel.Row op = model.rows().get(1);
        assertThat(op.action()).isEqualTo("Running");
        assertThat(op.source()).isEqualTo("/1.0/instances/c1");
        assertThat(op.message()).isEqualTo("Creating instance");
        assertThat(model.rows().get(4).message()).isEqualTo("Failed starting instance instance=c1");

        model.minLevelProperty().set(EventMonitorViewModel.Level.WARNING);
        assertThat(model.shown()).extracting(EventMonitorViewModel.Row::type)
                .containsExactly("lifecycle", "operation", "logging");
        model.minLevelProperty().set(EventMonitorViewModel.Level.DEBUG);
        assertThat(model.shown()).hasSize(5);

        model.loggingProperty().set(false);
        model.operationProperty().set(false);
        assertThat(model.shown()).extracting(EventMonitorViewModel.Row::action).containsExactly("instance-created");
        model.lifecycleProperty().set(false);
        assertThat(model.shown()).isEmpty();

        model.lifecycleProperty().set(true);
        model.operationProperty().set(true);
        model.loggingProperty().set(true);
        model.queryProperty().set("WEB");
        assertThat(model.shown()).extracting(EventMonitorViewModel.Row::source).containsExactly("/1.0/instances/web");
        model.queryProperty().set("other");
        assertThat(model.shown()).as("the remote's name is searched too").hasSize(3);
        assertThat(model.countText()).isEqualTo("3 of 5 events (the last 100 are kept)");
    }

    @Test
    void pauseHoldsTheTableAndResumeShowsWhatWaited() throws Exception {
        EventMonitorViewModel model = model(100);
        model.offer("local", lifecycle("instance-created", "/1.0/instances/a"));
        model.flush();
        model.pausedProperty().set(true);
        model.offer("local", lifecycle("instance-deleted", "/1.0/instances/a"));
        model.flush();
        assertThat(model.rows()).hasSize(1);
        assertThat(model.pendingCount()).isEqualTo(1);

        model.pausedProperty().set(false);
        assertThat(model.rows()).extracting(EventMonitorViewModel.Row::action)
                .containsExactly("instance-created", "instance-deleted");

        model.clear();
        assertThat(model.rows()).isEmpty();
        assertThat(model.pendingCount()).isZero();
    }

    @Test
    void exportWritesTheShownEventsAsJsonLines(@TempDir Path dir) throws Exception {
        EventMonitorViewModel model = model(100);
        model.offer("local", lifecycle("instance-created", "/1.0/instances/web"));
        model.offer("incus", logging("info", "Said \\\"hi\\\"\\nthen left"));
        model.offer("local", lifecycle("instance-deleted", "/1.0/instances/db"));
        model.flush();
        model.queryProperty().set("web");
        Path file = dir.resolve("events.jsonl");

        model.exportTo(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode only = Json.MAPPER.readTree(lines.get(0));
        assertThat(only.path("remote").asText()).isEqualTo("local");
        assertThat(only.path("type").asText()).isEqualTo("lifecycle");
        assertThat(only.path("metadata").path("action").asText()).isEqualTo("instance-created");
        assertThat(OffsetDateTime.parse(only.path("timestamp").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-04T12:00:00Z"));

        model.queryProperty().set("");
        model.exportTo(file);
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).as("a message with a newline stays on its line").hasSize(3);
        assertThat(Json.MAPPER.readTree(lines.get(1)).path("metadata").path("message").asText())
                .isEqualTo("Said \"hi\"\nthen left");
    }
}
