package dev.hako.ui.view.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.lxd.api.Warning;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The figures a dashboard shows, worked out from what the model and the server said: pure
 * values and functions, so they are checked without a toolkit or a server.
 */
final class DashboardFigures {

    private DashboardFigures() {
    }

    /** Instances by state; {@code other} are those between states (starting, stopping …). */
    record InstanceCounts(int running, int stopped, int frozen, int error, int other) {

        static final InstanceCounts NONE = new InstanceCounts(0, 0, 0, 0, 0);

        static InstanceCounts of(Collection<Instance> instances) {
            int running = 0;
            int stopped = 0;
            int frozen = 0;
            int error = 0;
            int other = 0;
            for (Instance instance : instances) {
                switch (instance.statusCode()) {
                    case InstanceStatus.RUNNING -> running++;
                    case InstanceStatus.STOPPED -> stopped++;
                    case InstanceStatus.FROZEN -> frozen++;
                    case InstanceStatus.ERROR -> error++;
                    default -> other++;
                }
            }
            return new InstanceCounts(running, stopped, frozen, error, other);
        }

        int total() {
            return running + stopped + frozen + error + other;
        }

        /** The count of one state by its name as the dashboard shows it (running, stopped, frozen, error). */
        int of(String state) {
            return switch (state) {
                case "running" -> running;
                case "stopped" -> stopped;
                case "frozen" -> frozen;
                case "error" -> error;
                default -> other;
            };
        }
    }

    /** The states a dashboard counts, in the order it shows them. */
    static final List<String> STATES = List.of("running", "stopped", "frozen", "error");

    /** The message key of a state's name. */
    static String stateKey(String state) {
        return "dashboard.state." + state;
    }

    /**
     * The host's processors and memory as {@code /1.0/resources} reports them; counts of zero
     * and a null model where the answer leaves them out.
     */
    record Host(String cpuModel, int sockets, int cores, int threads, long memoryUsed, long memoryTotal) {

        static Host of(JsonNode resources) {
            JsonNode cpu = resources.path("cpu");
            int cores = 0;
            String model = null;
            for (JsonNode socket : cpu.path("sockets")) {
                cores += socket.path("cores").size();
                if (model == null && !socket.path("name").asText("").isBlank()) {
                    model = socket.path("name").asText();
                }
            }
            return new Host(model, cpu.path("sockets").size(), cores, cpu.path("total").asInt(),
                    resources.path("memory").path("used").asLong(), resources.path("memory").path("total").asLong());
        }
    }

    /**
     * A storage pool with its space; {@code used} and {@code total} are -1 when the server gave
     * no figures for it (some drivers cannot tell, or the read failed).
     */
    record PoolUsage(String name, String driver, String status, long used, long total) {

        boolean known() {
            return total > 0 && used >= 0;
        }

        /** The share used, 0 to 1; -1 when unknown. */
        double fraction() {
            return DashboardFigures.fraction(used, total);
        }
    }

    /** The sum of the pools whose space is known; null when none is. */
    static long[] totalOf(Collection<PoolUsage> pools) {
        long used = 0;
        long total = 0;
        boolean any = false;
        for (PoolUsage pool : pools) {
            if (pool.known()) {
                used += pool.used();
                total += pool.total();
                any = true;
            }
        }
        return any ? new long[] {used, total} : null;
    }

    /** {@code used / total} between 0 and 1, or -1 when the total is unknown. */
    static double fraction(long used, long total) {
        if (total <= 0 || used < 0) {
            return -1;
        }
        return Math.min(1, (double) used / total);
    }

    /** "42 %" (whole percent, never 100 % before it is full); "—" for an unknown share. */
    static String percent(double fraction, Locale locale) {
        if (fraction < 0) {
            return "—";
        }
        double shown = fraction < 1 ? Math.min(Math.floor(fraction * 100), 99) : 100;
        return String.format(locale, "%.0f %%", shown);
    }

    /** Whether a share counts as nearly full (the bar turns to the warning colour). */
    static boolean nearlyFull(double fraction) {
        return fraction >= 0.9;
    }

    /** The warnings that still stand, highest severity first, then most recent. */
    static List<Warning> open(Collection<Warning> warnings) {
        return warnings.stream().filter(Warning::open).sorted(java.util.Comparator
                .comparingInt((Warning w) -> -severityRank(w.severity()))
                .thenComparing(Warning::lastSeenAt, java.util.Comparator.nullsLast(
                        java.util.Comparator.<java.time.OffsetDateTime>reverseOrder()))).toList();
    }

    static int severityRank(String severity) {
        return switch (severity == null ? "" : severity) {
            case "high" -> 3;
            case "moderate" -> 2;
            case "low" -> 1;
            default -> 0;
        };
    }

    /** The object's name at the end of a server URL ("/1.0/instances/c1?project=p" → "c1"). */
    static String lastSegment(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
