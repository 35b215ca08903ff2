package dev.hako.ui.volumes;

import dev.hako.ui.common.ByteSizes;
import dev.hako.lxd.ServerKind;
import dev.hako.model.PoolVolume;
import dev.hako.model.SizeRules;
import dev.hako.model.volumes.VolumeCommands;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Resizing a custom volume (its {@code size} setting): the current size and, where the
 * server can measure it, what the volume uses. A size the server would not parse is
 * refused, and so is one smaller than what is used, which would cut data off; other
 * refusals (a driver that cannot shrink) come back in the server's own words.
 */
public final class VolumeResizeViewModel extends VolumeForm {

    /** Sets the size (blocking); {@code VolumeJobs::resize} in the application. */
    @FunctionalInterface
    public interface Resizer {
        void resize(String pool, String volume, String size) throws Exception;
    }

    /** Reads the bytes used (blocking); empty where the server cannot tell. */
    @FunctionalInterface
    public interface UsageReader {
        Optional<Long> used(String pool, String volume) throws Exception;
    }

    private final PoolVolume volume;
    private final Resizer resizer;
    private final String current;
    private final StringProperty size;
    private final ObjectProperty<Long> used = new SimpleObjectProperty<>(this, "used");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper(this, "facts", "");

    public VolumeResizeViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote,
                                 PoolVolume volume, Resizer resizer) {
        super(i18n, tasks, dialogs, kind, remote);
        this.volume = volume;
        this.resizer = resizer;
        String configured = volume.volume().config() == null ? null : volume.volume().config().get("size");
        this.current = configured == null ? "" : configured;
        this.size = new SimpleStringProperty(this, "size", current);
        watch(size, used);
        showFacts();
    }

    public PoolVolume volume() {
        return volume;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    /** "Now: 10GiB, 1.2 GB used" or as much of it as is known. */
    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** Bytes used, once read and where known. */
    public ObjectProperty<Long> usedProperty() {
        return used;
    }

    /** Reads what the volume uses, in the background. */
    public void readUsage(UsageReader reader) {
        tasks.execute(BackgroundTask.of(progress -> reader.used(volume.pool(), volume.volume().name()))
                .onSuccess(known -> {
                    used.set(known.orElse(null));
                    showFacts();
                }));
    }

    private void showFacts() {
        String now = current.isEmpty() ? i18n.get("volumes.resize.noLimit") : current;
        facts.set(used.get() == null ? i18n.format("volumes.resize.current", now)
                : i18n.format("volumes.resize.currentUsed", now, ByteSizes.human(used.get())));
    }

    @Override
    protected Optional<String> findProblem() {
        String text = size.get().trim();
        if (text.isEmpty()) {
            return Optional.of(i18n.get("volumes.resize.empty"));
        }
        Optional<Long> bytes = SizeRules.bytes(text);
        if (bytes.isEmpty()) {
            return Optional.of(i18n.get(SizeRules.PROBLEM_KEY));
        }
        if (text.equals(current)) {
            return Optional.of(i18n.get("volumes.resize.same"));
        }
        if (used.get() != null && bytes.get() < used.get()) {
            return Optional.of(i18n.format("volumes.resize.belowUsed", text, ByteSizes.human(used.get())));
        }
        return Optional.empty();
    }

    @Override
    protected String commandLine() {
        return VolumeCommands.resize(kind, remote, volume.pool(), volume.volume().name(), size.get().trim());
    }

    public void resize(Runnable reopen) {
        String to = size.get().trim();
        submit(i18n.format("volumes.resize.failed", volume.volume().name(), to),
                () -> resizer.resize(volume.pool(), volume.volume().name(), to), reopen);
    }
}
