package dev.hako.ui.volumes;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Instance;
import dev.hako.model.PoolVolume;
import dev.hako.model.volumes.VolumeCommands;
import dev.hako.model.volumes.VolumeDisk;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Attaching a custom volume to an instance ({@code lxc storage volume attach}): the
 * instance and the volume (one of them fixed by where the form was opened), the device
 * name (the volume's name when left empty, as lxc does), the path inside and read-only.
 * It refuses what the server would: a device name the instance (with its profiles)
 * already has, a relative or missing path, a path another disk already uses, a block
 * volume on a container, with a path, or already attached elsewhere without
 * {@code security.shared}.
 */
public final class AttachVolumeViewModel extends VolumeForm {

    /** Attaches (blocking); {@code VolumeJobs::attach} in the application. */
    @FunctionalInterface
    public interface Attacher {
        void attach(String instance, VolumeDisk disk) throws Exception;
    }

    private final List<Instance> instances;
    private final List<PoolVolume> volumes;
    private final Attacher attacher;
    private final ObjectProperty<Instance> instance = new SimpleObjectProperty<>(this, "instance");
    private final ObjectProperty<PoolVolume> volume = new SimpleObjectProperty<>(this, "volume");
    private final StringProperty device = new SimpleStringProperty(this, "device", "");
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly", false);

    /** {@code instances} and {@code volumes} are the choices; a list of one is preselected. */
    public AttachVolumeViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote,
                                 List<Instance> instances, List<PoolVolume> volumes, Attacher attacher) {
        super(i18n, tasks, dialogs, kind, remote);
        this.instances = List.copyOf(instances);
        this.volumes = volumes.stream().filter(v -> "custom".equals(v.volume().type())).toList();
        this.attacher = attacher;
        if (this.instances.size() == 1) {
            instance.set(this.instances.get(0));
        }
        if (this.volumes.size() == 1) {
            volume.set(this.volumes.get(0));
        }
        watch(instance, volume, device, path, readOnly);
    }

    public List<Instance> instances() {
        return instances;
    }

    public List<PoolVolume> volumes() {
        return volumes;
    }

    public ObjectProperty<Instance> instanceProperty() {
        return instance;
    }

    public ObjectProperty<PoolVolume> volumeProperty() {
        return volume;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Whether the chosen volume is a block volume (attached without a path). */
    public boolean block() {
        return volume.get() != null && "block".equals(volume.get().volume().contentType());
    }

    /** The device as it will be sent. */
    public VolumeDisk disk() {
        PoolVolume chosen = volume.get();
        String name = device.get().trim().isEmpty() && chosen != null ? chosen.volume().name() : device.get().trim();
        return new VolumeDisk(name, chosen == null ? null : chosen.pool(),
                chosen == null ? null : chosen.volume().name(), block() ? "" : path.get().trim(), readOnly.get());
    }

    @Override
    protected Optional<String> findProblem() {
        Instance target = instance.get();
        if (target == null) {
            return Optional.of(i18n.get("volumes.attach.chooseInstance"));
        }
        if (volume.get() == null) {
            return Optional.of(i18n.get("volumes.attach.chooseVolume"));
        }
        VolumeDisk disk = disk();
        if (disk.device().contains("/") || disk.device().codePoints().anyMatch(Character::isWhitespace)) {
            return Optional.of(i18n.format("volumes.attach.badDevice", disk.device()));
        }
        Map<String, Map<String, String>> expanded = target.expandedDevices() == null ? Map.of()
                : target.expandedDevices();
        if (expanded.containsKey(disk.device())) {
            boolean own = target.devices() != null && target.devices().containsKey(disk.device());
            return Optional.of(own ? i18n.format("volumes.attach.deviceTaken", target.name(), disk.device())
                    : i18n.format("volumes.attach.deviceFromProfile", target.name(), disk.device()));
        }
        return block() ? blockProblem(target) : pathProblem(disk, expanded);
    }

    private Optional<String> blockProblem(Instance target) {
        if (!"virtual-machine".equals(target.type())) {
            return Optional.of(i18n.format("volumes.attach.blockOnContainer", volume.get().volume().name()));
        }
        PoolVolume chosen = volume.get();
        boolean shared = chosen.volume().config() != null
                && "true".equalsIgnoreCase(chosen.volume().config().get("security.shared"));
        List<String> others = instancesIn(chosen.volume().usedBy()).stream()
                .filter(n -> !n.equals(target.name())).toList();
        if (!shared && !others.isEmpty()) {
            return Optional.of(i18n.format("volumes.attach.blockInUse", chosen.volume().name(),
                    String.join(", ", others)));
        }
        return Optional.empty();
    }

    private Optional<String> pathProblem(VolumeDisk disk, Map<String, Map<String, String>> expanded) {
        if (disk.path().isEmpty()) {
            return Optional.of(i18n.get("volumes.attach.pathRequired"));
        }
        if (!disk.path().startsWith("/")) {
            return Optional.of(i18n.format("volumes.attach.pathRelative", disk.path()));
        }
        String wanted = normalise(disk.path());
        for (Map.Entry<String, Map<String, String>> other : expanded.entrySet()) {
            Map<String, String> config = other.getValue();
            if ("disk".equals(config.get("type")) && config.get("path") != null
                    && normalise(config.get("path")).equals(wanted)) {
                return Optional.of(i18n.format("volumes.attach.pathTaken", other.getKey(), disk.path()));
            }
        }
        return Optional.empty();
    }

    /** {@code /mnt/data/} and {@code /mnt/data} are the same place to the server. */
    private static String normalise(String path) {
        String trimmed = path.replaceAll("/+", "/");
        return trimmed.length() > 1 && trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @Override
    protected String commandLine() {
        return VolumeCommands.attach(kind, remote, instance.get().name(), disk());
    }

    /** Attaches in the background; a refusal is shown and the form comes back as typed. */
    public void attach(Runnable reopen) {
        String target = instance.get() == null ? "" : instance.get().name();
        VolumeDisk disk = disk();
        submit(i18n.format("volumes.attach.failed", disk.volume(), target), () -> attacher.attach(target, disk),
                reopen);
    }
}
