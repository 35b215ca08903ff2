package dev.hako.ui.imageservers;

import dev.hako.ui.common.ChoiceFilter;
import dev.hako.remote.simplestreams.ImageServer;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * An image server's catalogue, narrowed by OS, release, architecture, variant, type (container
 * or VM) and a search. The catalogue is read only when the browser is opened, once; a server
 * that cannot be reached says so and is read again only when the user asks.
 */
public final class ImageServerBrowserViewModel {

    /** Reads a server's images (blocking; the simplestreams reader in the application, a list in tests). */
    public interface Catalogue {
        List<SimplestreamsImage> read(ImageServer server, boolean again) throws Exception;

        /** The application's: the simplestreams reader the new instance wizard uses, kept for the session. */
        static Catalogue simplestreams() {
            return (server, again) -> {
                var client = server.client();
                if (again) {
                    client.forget();
                }
                return client.images();
            };
        }
    }

    private final ImageServer server;
    private final I18n i18n;
    private final Catalogue catalogue;
    private final LatestTask reading;
    private final ObservableList<SimplestreamsImage> images = FXCollections.observableArrayList();
    private final FilteredList<SimplestreamsImage> shown = new FilteredList<>(images);
    private final ChoiceFilter<SimplestreamsImage> os = new ChoiceFilter<>(SimplestreamsImage::os);
    private final ChoiceFilter<SimplestreamsImage> release = new ChoiceFilter<>(SimplestreamsImage::release);
    private final ChoiceFilter<SimplestreamsImage> architecture = new ChoiceFilter<>(SimplestreamsImage::architecture);
    private final ChoiceFilter<SimplestreamsImage> variant = new ChoiceFilter<>(SimplestreamsImage::variant);
    private final ChoiceFilter<SimplestreamsImage> type = new ChoiceFilter<>(SimplestreamsImage::type);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<SimplestreamsImage> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Exception> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyObjectWrapper<Boolean> read = new ReadOnlyObjectWrapper<>(this, "read", false);
    /** What the last copy started here is doing, in the user's language ("" when none). */
    private final StringProperty activity = new SimpleStringProperty(this, "activity", "");
    private final StringBinding status;
    private final StringBinding selectedText;

    public ImageServerBrowserViewModel(TaskExecutor tasks, I18n i18n, ImageServer server, Catalogue catalogue) {
        this.server = server;
        this.i18n = i18n;
        this.catalogue = catalogue;
        this.reading = new LatestTask(tasks);
        status = Bindings.createStringBinding(this::statusText, reading.runningProperty(), failure, read, shown,
                i18n.localeProperty());
        selectedText = Bindings.createStringBinding(() -> {
            SimplestreamsImage image = selected.get();
            return image == null ? "" : i18n.format("imageservers.selected", image.name(),
                    (image.os() + " " + image.releaseTitle() + " " + image.variant()).trim(), image.serial(),
                    image.fingerprint());
        }, selected, i18n.localeProperty());
        for (ChoiceFilter<SimplestreamsImage> filter : filters()) {
            filter.value().addListener((o, a, b) -> narrow());
        }
        search.addListener((o, a, b) -> narrow());
    }

    public ImageServer server() {
        return server;
    }

    /** Reads the catalogue the first time the browser is opened; later openings show what was read. */
    public void open() {
        if (!read.get() && !reading.isRunning() && failure.get() == null) {
            load(false);
        }
    }

    /** Reads the server again (the user asked: after a failure, or for a newer catalogue). */
    public void reload() {
        load(true);
    }

    private void load(boolean again) {
        failure.set(null);
        reading.run(BackgroundTask.of(progress -> catalogue.read(server, again))
                .onSuccess(list -> {
                    List<SimplestreamsImage> sorted = new ArrayList<>(list);
                    sorted.sort(Comparator.comparing(SimplestreamsImage::os, String.CASE_INSENSITIVE_ORDER)
                            .thenComparing(SimplestreamsImage::release).thenComparing(SimplestreamsImage::name)
                            .thenComparing(SimplestreamsImage::type));
                    images.setAll(sorted);
                    read.set(true);
                    refillFilters();
                })
                .onFailure(failed -> {
                    images.clear();
                    read.set(false);
                    failure.set(failed);
                }));
    }

    public ObservableList<SimplestreamsImage> shownImages() {
        return shown;
    }

    public List<ChoiceFilter<SimplestreamsImage>> filters() {
        return List.of(os, release, architecture, variant, type);
    }

    public ChoiceFilter<SimplestreamsImage> os() {
        return os;
    }

    public ChoiceFilter<SimplestreamsImage> release() {
        return release;
    }

    public ChoiceFilter<SimplestreamsImage> architecture() {
        return architecture;
    }

    public ChoiceFilter<SimplestreamsImage> variant() {
        return variant;
    }

    public ChoiceFilter<SimplestreamsImage> type() {
        return type;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<SimplestreamsImage> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.runningProperty();
    }

    /** The reason the server could not be read, or null. */
    public Exception failure() {
        return failure.get();
    }

    public StringProperty activityProperty() {
        return activity;
    }

    /** The chosen image in a line: alias, description, version and fingerprint ("" when none). */
    public StringBinding selectedTextProperty() {
        return selectedText;
    }

    /** Reading, the count shown, or why the server cannot be read. */
    public StringBinding statusProperty() {
        return status;
    }

    private void refillFilters() {
        for (ChoiceFilter<SimplestreamsImage> filter : filters()) {
            List<String> values = new ArrayList<>();
            values.add("");
            images.stream().map(filter.field()).filter(v -> v != null && !v.isEmpty()).distinct().sorted()
                    .forEach(values::add);
            String kept = filter.value().get();
            filter.choices().setAll(values);
            filter.value().set(values.contains(kept) ? kept : "");
        }
        narrow();
    }

    private void narrow() {
        String query = search.get();
        shown.setPredicate(row -> filters().stream().allMatch(f -> f.admits(row)) && row.matches(query));
        if (selected.get() != null && !shown.contains(selected.get())) {
            selected.set(null);
        }
    }

    private String statusText() {
        if (reading.isRunning()) {
            return i18n.format("imageservers.reading", server.address());
        }
        if (failure.get() != null) {
            return i18n.format("imageservers.unreachable", FailureText.of(i18n, FailureText.unwrap(failure.get())));
        }
        return read.get() ? i18n.format("imageservers.count", shown.size(), images.size()) : "";
    }
}
