package dev.hako.ui.view.instance;

import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The instance's main facts, as {@code lxc info} opens with them, in the window's
 * language: asked again after a language switch, they come in the new one.
 */
final class OverviewViewModel {

    /** One labelled fact; empty values are left out. */
    record Fact(String label, String value) {
    }

    private final I18n i18n;
    private final ObjectProperty<Instance> instance = new SimpleObjectProperty<>(this, "instance");

    OverviewViewModel(I18n i18n, Instance initial) {
        this.i18n = i18n;
        instance.set(initial);
    }

    /** The instance as the model now has it; the tab sets it on every change. */
    ObjectProperty<Instance> instanceProperty() {
        return instance;
    }

    boolean running() {
        return instance.get().running();
    }

    List<Fact> facts() {
        Instance shown = instance.get();
        List<Fact> facts = new ArrayList<>();
        add(facts, "instance.status", statusText(shown));
        add(facts, "instance.type", shown.type());
        add(facts, "instance.architecture", shown.architecture());
        add(facts, "instance.image", shown.config() == null ? null : shown.config().get("image.description"));
        add(facts, "instance.profiles", shown.profiles() == null ? null : String.join(", ", shown.profiles()));
        add(facts, "instance.created", date(shown.createdAt()));
        add(facts, "instance.lastUsed", date(shown.lastUsedAt()));
        // Standalone servers report the location "none".
        add(facts, "instance.location", "none".equals(shown.location()) ? null : shown.location());
        add(facts, "instance.description", shown.description());
        return facts;
    }

    private void add(List<Fact> facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(i18n.get(key), value));
        }
    }

    /** The status in the window's language; a status the bundles do not know, as the server says it. */
    String statusText(Instance shown) {
        String key = "status." + shown.status().toLowerCase(Locale.ROOT);
        String text = i18n.get(key);
        return text.startsWith("!") ? shown.status() : text;
    }

    private String date(OffsetDateTime time) {
        return i18n.dateTime(time, "instance.never");
    }
}
