package dev.hako.ui.wizard.instance;

import dev.hako.ui.common.ChoiceFilter;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.simplestreams.SimplestreamsClient;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The image page: where images come from, the listing of that source narrowed by OS,
 * release, architecture, variant and a search, and the image chosen. A self-signed image
 * server is refused until the user has checked and pinned its certificate.
 */
final class ImageStepViewModel {

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ImageCatalogue catalogue;
    private final RemotesFile remotesFile;
    private final List<String> architectures;
    private final LatestTask listing;

    private final ObservableList<ImageSource> sources = FXCollections.observableArrayList();
    private final ObjectProperty<ImageSource> source = new SimpleObjectProperty<>(this, "source");
    private final ObservableList<ImageChoice> images = FXCollections.observableArrayList();
    private final FilteredList<ImageChoice> shown = new FilteredList<>(images);
    private final ChoiceFilter<ImageChoice> os = new ChoiceFilter<>(ImageChoice::os);
    private final ChoiceFilter<ImageChoice> release = new ChoiceFilter<>(ImageChoice::release);
    private final ChoiceFilter<ImageChoice> architecture = new ChoiceFilter<>(ImageChoice::architecture);
    private final ChoiceFilter<ImageChoice> variant = new ChoiceFilter<>(ImageChoice::variant);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<ImageChoice> image = new SimpleObjectProperty<>(this, "image");
    private final ReadOnlyObjectWrapper<ImageCatalogue.Listing> listed = new ReadOnlyObjectWrapper<>(this, "listed");
    private final ReadOnlyObjectWrapper<Exception> listingFailure = new ReadOnlyObjectWrapper<>(this, "failure");
    /** An image to choose once its source's listing is read (a launch from the image server browser). */
    private String wantedFingerprint;
    private final BooleanBinding trustOffered;
    private final StringBinding status;
    private final StringBinding problem;

    /**
     * @param remotesFile the application's remotes file, where a pinned certificate is saved; null keeps
     *                    the pin for this wizard only
     */
    ImageStepViewModel(TaskExecutor tasks, DialogService dialogs, I18n i18n, ImageCatalogue catalogue,
                       RemotesFile remotesFile, List<String> architectures, List<ImageSource> choices) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.catalogue = catalogue;
        this.remotesFile = remotesFile;
        this.architectures = List.copyOf(architectures);
        this.listing = new LatestTask(tasks);
        sources.setAll(choices);
        trustOffered = Bindings.createBooleanBinding(() -> listingFailure.get() != null
                && FailureText.unwrap(listingFailure.get()) instanceof SimplestreamsClient.UntrustedServerException,
                listingFailure);
        status = Bindings.createStringBinding(this::statusText, listing.runningProperty(), listed, listingFailure,
                i18n.localeProperty());
        problem = Bindings.createStringBinding(this::problemText, listing.runningProperty(), listingFailure, image,
                i18n.localeProperty());
        source.addListener((o, before, chosen) -> list(chosen));
        for (ChoiceFilter<ImageChoice> filter : filters()) {
            filter.value().addListener((o, a, b) -> narrow());
        }
        search.addListener((o, a, b) -> narrow());
    }

    ObservableList<ImageSource> sources() {
        return sources;
    }

    ObjectProperty<ImageSource> sourceProperty() {
        return source;
    }

    /** The source's images the filters and the search let through. */
    ObservableList<ImageChoice> shownImages() {
        return shown;
    }

    List<ChoiceFilter<ImageChoice>> filters() {
        return List.of(os, release, architecture, variant);
    }

    ChoiceFilter<ImageChoice> os() {
        return os;
    }

    ChoiceFilter<ImageChoice> release() {
        return release;
    }

    ChoiceFilter<ImageChoice> architecture() {
        return architecture;
    }

    ChoiceFilter<ImageChoice> variant() {
        return variant;
    }

    StringProperty searchProperty() {
        return search;
    }

    ObjectProperty<ImageChoice> imageProperty() {
        return image;
    }

    /** The listing shown and how the target reaches its images; null until a source has been read. */
    ReadOnlyObjectProperty<ImageCatalogue.Listing> listedProperty() {
        return listed.getReadOnlyProperty();
    }

    /** True when the source refused its certificate: the user can check it and pin it. */
    BooleanBinding trustOfferedProperty() {
        return trustOffered;
    }

    /** A line under the table: reading, or how many images the source has. */
    StringBinding statusProperty() {
        return status;
    }

    /** What keeps the page from going on, in the user's language; null when nothing. */
    StringBinding problemProperty() {
        return problem;
    }

    /** Starts on {@code chosen} (one of the sources) and chooses the image with {@code fingerprint} once read. */
    void preselect(ImageSource chosen, String fingerprint) {
        wantedFingerprint = fingerprint;
        source.set(chosen);
    }

    /** Starts on the first source. */
    void start() {
        if (source.get() == null && !sources.isEmpty()) {
            source.set(sources.get(0));
        }
    }

    private void list(ImageSource chosen) {
        listed.set(null);
        listingFailure.set(null);
        image.set(null);
        images.clear();
        if (chosen == null) {
            listing.cancel();
            return;
        }
        listing.run(BackgroundTask.of(progress -> catalogue.read(chosen))
                .onSuccess(result -> {
                    listed.set(result);
                    images.setAll(result.images());
                    refillFilters();
                    chooseWanted();
                })
                .onFailure(listingFailure::set));
    }

    private void chooseWanted() {
        String wanted = wantedFingerprint;
        wantedFingerprint = null;
        if (wanted == null) {
            return;
        }
        images.stream().filter(c -> c.fingerprints().containsValue(wanted)).findFirst().ifPresent(c -> {
            // The architecture filter starts on the server's own: the chosen image must stay in view.
            filters().forEach(f -> {
                if (!f.admits(c)) {
                    f.value().set("");
                }
            });
            image.set(c);
        });
    }

    /** Refills the filter choices from the listing; the architecture starts on the server's own. */
    private void refillFilters() {
        for (ChoiceFilter<ImageChoice> filter : filters()) {
            List<String> values = new ArrayList<>();
            values.add("");
            images.stream().map(filter.field()).filter(v -> v != null && !v.isEmpty()).distinct().sorted()
                    .forEach(values::add);
            filter.choices().setAll(values);
            String preferred = filter == architecture && !architectures.isEmpty() ? architectures.get(0) : "";
            filter.value().set(values.contains(preferred) ? preferred : "");
        }
        narrow();
    }

    private void narrow() {
        String query = search.get();
        shown.setPredicate(row -> filters().stream().allMatch(f -> f.admits(row)) && row.matches(query));
        if (image.get() != null && !shown.contains(image.get())) {
            image.set(null);
        }
        if (image.get() == null && shown.size() == 1) {
            image.set(shown.get(0));
        }
    }

    private String statusText() {
        if (listing.isRunning()) {
            return i18n.get("newinstance.loading");
        }
        // A refusal shows in the wizard's problem line; the status line keeps only the trust button.
        return listed.get() == null ? "" : i18n.format("newinstance.loaded", listed.get().images().size());
    }

    private String problemText() {
        if (listing.isRunning()) {
            return i18n.get("newinstance.loading");
        }
        Exception failure = listingFailure.get();
        if (failure != null) {
            Throwable cause = FailureText.unwrap(failure);
            return cause instanceof SimplestreamsClient.UntrustedServerException ? FailureText.of(i18n, cause)
                    : i18n.format("newinstance.problem.load", FailureText.of(i18n, cause));
        }
        return image.get() == null ? i18n.get("newinstance.problem.noImage") : null;
    }

    /**
     * Shows the certificate of the chosen image server; when the user trusts it, pins it (in
     * the remotes file too, when the wizard has the application's) and reads the server again.
     */
    void checkCertificate() {
        if (!(source.get() instanceof ImageSource.ImageServer server)) {
            return;
        }
        RemoteConfig config = server.config();
        tasks.execute(BackgroundTask.of(progress -> catalogue.probe(config))
                .onSuccess(seen -> offerPin(server, seen))
                .onFailure(failure -> dialogs.showError(i18n.format("newinstance.trust.failed", config.address()),
                        failure)));
    }

    private void offerPin(ImageSource.ImageServer server, ServerCertificate seen) {
        RemoteConfig config = server.config();
        String text = i18n.format("newinstance.trust.text", config.address(), seen.fingerprint(), seen.subject(),
                seen.notAfter().toString());
        if (!dialogs.confirm(i18n.get("newinstance.trust.header"), text)) {
            return;
        }
        RemoteConfig pinned = config.withServerCertificate(seen.pem(), seen.fingerprint());
        ImageSource.ImageServer replaced = new ImageSource.ImageServer(pinned);
        int at = sources.indexOf(server);
        if (at >= 0) {
            sources.set(at, replaced);
        }
        source.set(replaced);
        if (remotesFile != null) {
            tasks.execute(BackgroundTask.ofRunnable(() -> remotesFile.replace(pinned))
                    .onFailure(failure -> dialogs.showError(i18n.format("newinstance.trust.saveFailed",
                            pinned.address()), failure)));
        }
    }
}
