package dev.hako.ui.wizard.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.creation.InstanceCreation;
import dev.hako.remote.creation.OperationProgress;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The new instance wizard as state: the image page and the settings page, which page
 * shows and what keeps it from going on, the request they make (shown as YAML on the
 * summary) and its creation with the server's progress. The creation itself is the
 * {@link InstanceCreation} use case; a failure leaves the wizard open with the form as it was.
 */
public final class NewInstanceViewModel {

    /** The pages, in order. */
    public enum Page {
        IMAGE, SETTINGS, SUMMARY
    }

    /** Where the creation is. */
    public enum Phase {
        EDITING, CREATING, CREATED, FAILED
    }

    /** A progress line as a bundle key and its arguments, rendered in the language of the moment. */
    private record Message(String key, Object... arguments) {
    }

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final TargetServer target;
    private final InstanceCreator creator;
    private final ImageStepViewModel image;
    private final SettingsStepViewModel settings;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.IMAGE);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.EDITING);
    private String createdName;
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final ReadOnlyBooleanWrapper progressShown = new ReadOnlyBooleanWrapper(this, "progressShown");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<Message> progressMessage = new ReadOnlyObjectWrapper<>(this, "message");
    private final StringBinding progressText;
    private final StringBinding title;

    NewInstanceViewModel(TaskExecutor tasks, DialogService dialogs, I18n i18n, TargetServer target,
                         List<ImageSource> sources, ImageCatalogue catalogue, RemotesFile remotesFile,
                         InstanceCreator creator) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.target = target;
        this.creator = creator;
        this.image = new ImageStepViewModel(tasks, dialogs, i18n, catalogue, remotesFile, target.architectures(),
                sources);
        this.settings = new SettingsStepViewModel(i18n, target);
        progressText = Bindings.createStringBinding(() -> progressMessage.get() == null ? ""
                : i18n.format(progressMessage.get().key(), progressMessage.get().arguments()),
                progressMessage, i18n.localeProperty());
        title = Bindings.createStringBinding(() -> i18n.format("newinstance.titleOn", target.name()),
                i18n.localeProperty());
    }

    ImageStepViewModel image() {
        return image;
    }

    SettingsStepViewModel settings() {
        return settings;
    }

    StringBinding titleProperty() {
        return title;
    }

    // ---- page flow ----

    /** Reads the first source. */
    void start() {
        image.start();
    }

    ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** What keeps {@code which} from going on (or finishing), in the user's language; null when nothing. */
    String problem(Page which) {
        return switch (which) {
            case IMAGE -> image.problemProperty().get();
            case SETTINGS, SUMMARY -> image.problemProperty().get() != null ? image.problemProperty().get()
                    : settings.problemProperty().get();
        };
    }

    /** Goes to the next page when this one has no problem; true when it moved. */
    boolean next() {
        if (page.get() == Page.SUMMARY || problem(page.get()) != null) {
            return false;
        }
        enter(Page.values()[page.get().ordinal() + 1]);
        return true;
    }

    boolean back() {
        if (page.get() == Page.IMAGE || phase.get() == Phase.CREATING) {
            return false;
        }
        enter(Page.values()[page.get().ordinal() - 1]);
        return true;
    }

    /** The page shows: the settings offer the image's types, the summary shows the request. */
    void enter(Page shown) {
        page.set(shown);
        if (shown == Page.SETTINGS && image.imageProperty().get() != null) {
            settings.offerTypes(image.imageProperty().get().types());
        } else if (shown == Page.SUMMARY) {
            progressShown.set(false);
            progressMessage.set(null);
            preview.set(previewText());
            command.set(commandText());
        }
    }

    // ---- the request ----

    /** The request the form makes; {@code secret} stands in for what only the creation gets. */
    InstancesPost request(String secret) {
        ImageChoice chosen = image.imageProperty().get();
        ImageCatalogue.Listing listing = image.listedProperty().get();
        String type = settings.typeProperty().get() == null || !chosen.types().contains(settings.typeProperty().get())
                ? chosen.types().get(0) : settings.typeProperty().get();
        String name = settings.nameProperty().get().trim();
        return InstanceRequest.build(new InstanceRequest.Choices(name.isEmpty() ? null : name, type,
                listing.origin().source(chosen.fingerprints().get(type), secret), settings.profiles(),
                settings.limitCpu(), settings.limitMemory(), SettingsStepViewModel.chosenOrNull(settings.poolProperty()),
                SettingsStepViewModel.chosenOrNull(settings.networkProperty()), settings.cloudInitKey(),
                settings.userDataProperty().get(), member()));
    }

    private String member() {
        return SettingsStepViewModel.chosenOrNull(settings.memberProperty());
    }

    private boolean needsSecret() {
        return image.listedProperty().get().origin().needsSecret(image.imageProperty().get());
    }

    private String previewText() {
        if (image.imageProperty().get() == null || image.listedProperty().get() == null) {
            return "";
        }
        String name = settings.nameProperty().get().trim();
        return InstanceRequest.preview(request(needsSecret() ? "-" : null), member())
                + (settings.startProperty().get() ? "---\n# PUT /1.0/instances/" + (name.isEmpty() ? "<name>" : name)
                + "/state\naction: start\n"
                : "");
    }

    /** The same creation as an {@code lxc launch} (or {@code lxc init}) line. */
    ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    /** The CLI of the target's kind: {@code lxc} or {@code incus}. */
    String cli() {
        return target.kind().cli();
    }

    /** True when the name is left blank: the server chooses one. */
    boolean serverChoosesName() {
        return settings.nameProperty().get().trim().isEmpty();
    }

    private String commandText() {
        ImageChoice chosen = image.imageProperty().get();
        if (chosen == null || image.listedProperty().get() == null) {
            return "";
        }
        InstancesPost post = request(null);
        String reference = chosen.aliases().isEmpty() ? dev.hako.lxd.api.Image.shortFingerprint(
                post.source().fingerprint()) : chosen.aliases().get(0);
        ImageSource from = image.sourceProperty().get();
        if (from instanceof ImageSource.OtherRemote other) {
            reference = other.remote().name() + ":" + reference;
        } else if (from instanceof ImageSource.ImageServer server) {
            reference = server.config().name() + ":" + reference;
        }
        return InstanceRequest.command(target.kind(), reference, post, settings.startProperty().get(), member());
    }

    ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    // ---- the creation ----

    /** The name the server gave the instance once created (it may have chosen one); else null. */
    String createdName() {
        return createdName;
    }

    ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty progressShownProperty() {
        return progressShown.getReadOnlyProperty();
    }

    /** 0 to 1, or negative while unknown. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    StringBinding progressTextProperty() {
        return progressText;
    }

    /** Creates the instance; the phase tells how it ended. */
    void finish() {
        if (phase.get() == Phase.CREATING) {
            return;
        }
        String name = settings.nameProperty().get().trim();
        phase.set(Phase.CREATING);
        progressShown.set(true);
        progress.set(OperationProgress.UNKNOWN);
        progressMessage.set(new Message("newinstance.progress.sending"));
        LxdClient imageOwner = null;
        if (needsSecret()) {
            imageOwner = image.listedProperty().get().origin().owner().client();
            if (imageOwner == null) {
                failed(name, new UnreachableException(image.listedProperty().get().origin().owner().name(), null));
                return;
            }
        }
        InstanceCreation.Order order = new InstanceCreation.Order(target.name(), request(null), member(),
                settings.startProperty().get(), imageOwner);
        tasks.execute(BackgroundTask.of(work -> creator.create(order, listener()))
                .onSuccess(outcome -> {
                    createdName = outcome.name();
                    phase.set(Phase.CREATED);
                    if (outcome.startFailure() != null) {
                        dialogs.showError(i18n.format("newinstance.startFailed", outcome.name()),
                                outcome.startFailure());
                    }
                })
                .onFailure(failure -> failed(name, failure)));
    }

    /** Progress reaches the UI thread in order, before the outcome. */
    private InstanceCreation.Listener listener() {
        return new InstanceCreation.Listener() {
            @Override
            public void step(InstanceCreation.Step step) {
                if (step == InstanceCreation.Step.START) {
                    tasks.runOnUi(() -> {
                        progress.set(OperationProgress.UNKNOWN);
                        progressMessage.set(new Message("newinstance.progress.starting"));
                    });
                }
            }

            @Override
            public void progress(OperationProgress report) {
                tasks.runOnUi(() -> {
                    progress.set(report.fraction());
                    progressMessage.set(new Message("newinstance.progress.server", report.text()));
                });
            }
        };
    }

    private void failed(String name, Exception failure) {
        Throwable cause = failure instanceof InstanceCreation.Failed creation ? creation.getCause() : failure;
        if (failure instanceof InstanceCreation.Failed creation && creation.step() == InstanceCreation.Step.CHECK_NAME) {
            settings.refuseName(name);
        }
        boolean leftover = failure instanceof InstanceCreation.Failed creation && creation.leftover();
        progressShown.set(false);
        progressMessage.set(new Message(leftover ? "newinstance.progress.leftover" : "newinstance.progress.failed",
                FailureText.of(i18n, cause), name));
        phase.set(Phase.FAILED);
        // Without a name the server was to pick one: the remote is what the sentence can name.
        dialogs.showError(name.isEmpty() ? i18n.format("newinstance.failedOn", target.name())
                : i18n.format("newinstance.failed", name), cause);
    }

    /** Cancel while creating: asks the server to stop; the creation then fails and is undone. */
    void cancelCreation() {
        if (phase.get() != Phase.CREATING) {
            return;
        }
        tasks.execute(BackgroundTask.ofRunnable(creator::cancel)
                .onSuccess(done -> {
                    if (phase.get() == Phase.CREATING) {
                        progressMessage.set(new Message("newinstance.progress.cancelling"));
                    }
                })
                .onFailure(failure -> dialogs.showError(i18n.get("newinstance.cancelFailed"), failure)));
    }
}
