package dev.hako.ui.view.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.InstanceState;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.LatestTask;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.view.FactSheet;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * CPU, memory, network and processes of a running instance from its state endpoint:
 * the latest figures and the samples of the last 10 minutes (rates need two readings).
 * Texts are made on request, so they come in the window's language of the moment.
 */
final class LiveFiguresViewModel {

    /** Samples kept: 10 minutes at one every 2 s. */
    static final int POINTS = 300;

    /**
     * One reading. Rates and the CPU load are null until a second reading gives a
     * difference; {@code cpuPercent} is also null when the server reports no CPU time.
     */
    record Figures(long sample, List<String> addresses, Double cpuPercent, boolean cpuKnown, long memoryBytes,
                   Double rxKiBps, Double txKiBps, long processes, long diskBytes) {
    }

    private final RemoteModel remote;
    private final String instance;
    private final I18n i18n;
    private final LatestTask reads;
    private final ReadOnlyObjectWrapper<Figures> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ObservableList<Figures> history = FXCollections.observableArrayList();
    private InstanceState previous;
    private long previousAt;
    private long sample;

    LiveFiguresViewModel(RemoteModel remote, String instance, I18n i18n, TaskExecutor tasks) {
        this.remote = remote;
        this.instance = instance;
        this.i18n = i18n;
        this.reads = new LatestTask(tasks);
    }

    I18n i18n() {
        return i18n;
    }

    /** Reads the state once more; a read still under way is left to finish. UI thread. */
    void refresh() {
        LxdClient client = remote.client();
        if (reads.isRunning() || client == null) {
            return;
        }
        reads.run(BackgroundTask.of(progress -> client.instances().state(instance))
                .onSuccess(state -> add(state, System.nanoTime())));
    }

    void stop() {
        reads.cancel();
    }

    /** Takes a reading made at {@code nanos} (System.nanoTime). */
    void add(InstanceState state, long nanos) {
        double seconds = previousAt == 0 ? 0 : (nanos - previousAt) / 1e9;
        Figures figures = figuresOf(++sample, previous, state, seconds);
        previous = state;
        previousAt = nanos;
        latest.set(figures);
        history.add(figures);
        if (history.size() > POINTS) {
            history.remove(0);
        }
    }

    /** The figures of {@code state}, with rates against {@code before} taken {@code seconds} earlier. */
    static Figures figuresOf(long sample, InstanceState before, InstanceState state, double seconds) {
        List<String> ips = new ArrayList<>();
        long rx = received(state, ips);
        long cpuNow = state.cpu() == null ? -1 : state.cpu().usage();
        long cpuBefore = before == null || before.cpu() == null ? -1 : before.cpu().usage();
        Double cpu = null;
        Double rxRate = null;
        Double txRate = null;
        if (before != null && seconds > 0) {
            if (cpuNow >= 0 && cpuBefore >= 0) {
                // Counters restart with the instance: never show a negative load.
                cpu = Math.max(0, (cpuNow - cpuBefore) / 1e9 / seconds * 100);
            }
            rxRate = Math.max(0, (rx - received(before, new ArrayList<>())) / 1024.0 / seconds);
            txRate = Math.max(0, (sent(state) - sent(before)) / 1024.0 / seconds);
        }
        long disk = state.disk() == null ? 0 : state.disk().values().stream().mapToLong(InstanceState.Disk::usage).sum();
        return new Figures(sample, List.copyOf(ips), cpu, cpuNow >= 0, state.memory() == null ? 0
                : state.memory().usage(), rxRate, txRate, state.processes(), disk);
    }

    /** Bytes received by every interface but loopback; collects their global addresses on the way. */
    private static long received(InstanceState state, List<String> ips) {
        long rx = 0;
        if (state.network() != null) {
            for (var entry : state.network().entrySet()) {
                if (entry.getKey().equals("lo")) {
                    continue;
                }
                if (entry.getValue().addresses() != null) {
                    entry.getValue().addresses().stream().filter(a -> "global".equals(a.scope()))
                            .forEach(a -> ips.add(a.address() + " (" + entry.getKey() + ")"));
                }
                if (entry.getValue().counters() != null) {
                    rx += entry.getValue().counters().bytesReceived();
                }
            }
        }
        return rx;
    }

    private static long sent(InstanceState state) {
        return state.network() == null ? 0 : state.network().entrySet().stream()
                .filter(e -> !e.getKey().equals("lo") && e.getValue().counters() != null)
                .mapToLong(e -> e.getValue().counters().bytesSent()).sum();
    }

    ReadOnlyObjectProperty<Figures> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** The readings of the last 10 minutes, oldest first. */
    ObservableList<Figures> history() {
        return history;
    }

    // ---- texts, in the language of the moment ----

    String addressesText(Figures f) {
        return f.addresses().isEmpty() ? i18n.get("live.none") : String.join(", ", f.addresses());
    }

    /** Null while the load is not known yet (first reading): the label keeps what it shows. */
    String cpuText(Figures f) {
        if (!f.cpuKnown()) {
            return i18n.get("live.none");
        }
        return f.cpuPercent() == null ? null : String.format(i18n.locale(), "%.1f %%", f.cpuPercent());
    }

    String memoryText(Figures f) {
        return FactSheet.bytes(f.memoryBytes());
    }

    /** Null until there is a rate. */
    String networkText(Figures f) {
        return f.rxKiBps() == null ? null
                : String.format(i18n.locale(), "↓ %.1f KiB/s  ↑ %.1f KiB/s", f.rxKiBps(), f.txKiBps());
    }

    String processesText(Figures f) {
        return f.processes() < 0 ? i18n.get("live.none") : Long.toString(f.processes());
    }

    String diskText(Figures f) {
        return FactSheet.bytes(f.diskBytes());
    }
}
