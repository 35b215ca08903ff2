package dev.hako.ui.view.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.Json;
import dev.hako.lxd.api.Event;

/** What the event monitor's table shows of each kind of event. */
final class EventRows {

    private EventRows() {
    }

    /** What the table shows of an event. */
    static EventMonitorViewModel.Row of(String remote, Event event) {
        JsonNode meta = event.metadata() == null ? Json.MAPPER.createObjectNode() : event.metadata();
        String type = event.type() == null ? "" : event.type();
        String level = "";
        String action = "";
        String source = "";
        String message;
        switch (type) {
            case Event.LIFECYCLE -> {
                action = event.action();
                source = meta.path("source").asText("");
                message = compact(meta.path("context"));
            }
            case Event.OPERATION -> {
                action = meta.path("status").asText("");
                source = firstResource(meta.path("resources"));
                String err = meta.path("err").asText("");
                message = meta.path("description").asText("") + (err.isEmpty() ? "" : ": " + err);
                level = err.isEmpty() ? "" : "error";
            }
            case Event.LOGGING -> {
                level = meta.path("level").asText("");
                message = meta.path("message").asText("");
                String context = compact(meta.path("context"));
                message = context.isEmpty() ? message : message + " " + context;
            }
            default -> message = meta.toString();
        }
        return new EventMonitorViewModel.Row(event.timestamp(), remote, type, level, action, source,
                event.project() == null ? "" : event.project(), message, event);
    }

    private static String firstResource(JsonNode resources) {
        for (JsonNode urls : resources) {
            if (urls.isArray() && !urls.isEmpty()) {
                return urls.get(0).asText("");
            }
        }
        return "";
    }

    /** {@code key=value} pairs of an object, or nothing for an empty one. */
    private static String compact(JsonNode context) {
        if (context == null || !context.isObject() || context.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        context.fields().forEachRemaining(field -> {
            if (text.length() > 0) {
                text.append(' ');
            }
            JsonNode value = field.getValue();
            text.append(field.getKey()).append('=').append(value.isValueNode() ? value.asText() : value.toString());
        });
        return text.toString();
    }
}
