package dev.hako.ui.view.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.Json;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.Warning;
import dev.hako.model.LiveOperations;
import dev.hako.ui.view.dashboard.DashboardFigures.Host;
import dev.hako.ui.view.dashboard.DashboardFigures.InstanceCounts;
import dev.hako.ui.view.dashboard.DashboardFigures.PoolUsage;
import dev.hako.ui.view.dashboard.ServerDashboardViewModel.Warnings;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures of the dashboards, worked out from values as the servers send them. */
class DashboardFiguresTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static Instance instance(String name, int statusCode) throws Exception {
        return Json.convert(json("{'name':'" + name + "','status_code':" + statusCode + "}"), Instance.class);
    }

    @Test
    void instancesAreCountedByStateAndThoseBetweenStatesApart() throws Exception {
        InstanceCounts counts = InstanceCounts.of(List.of(instance("a", 103), instance("b", 103),
                instance("c", 102), instance("d", 110), instance("e", 112), instance("f", 106)));
        assertThat(counts).isEqualTo(new InstanceCounts(2, 1, 1, 1, 1));
        assertThat(counts.total()).isEqualTo(6);
        assertThat(DashboardFigures.STATES.stream().map(counts::of)).containsExactly(2, 1, 1, 1);
        assertThat(InstanceCounts.of(List.of())).isEqualTo(InstanceCounts.NONE);
    }

    @Test
    void theHostsCoresThreadsAndMemoryComeFromItsResources() throws Exception {
        Host host = Host.of(json("{'cpu':{'total':8,'sockets':[{'name':'EPYC 7302','cores':[{},{}]},"
                + "{'name':'EPYC 7302','cores':[{},{}]}]},'memory':{'used':1073741824,'total':4294967296}}"));
        assertThat(host).isEqualTo(new Host("EPYC 7302", 2, 4, 8, 1L << 30, 4L << 30));
        assertThat(Host.of(json("{}"))).isEqualTo(new Host(null, 0, 0, 0, 0, 0));
    }

    @Test
    void sharesAreWholePercentsThatSayFullOnlyWhenFull() {
        assertThat(DashboardFigures.fraction(25, 100)).isEqualTo(0.25);
        assertThat(DashboardFigures.fraction(150, 100)).isEqualTo(1.0);
        assertThat(DashboardFigures.fraction(5, 0)).isEqualTo(-1);
        assertThat(DashboardFigures.fraction(-1, -1)).isEqualTo(-1);
        assertThat(DashboardFigures.percent(0.256, Locale.ENGLISH)).isEqualTo("25 %");
        assertThat(DashboardFigures.percent(0.9999, Locale.ENGLISH)).isEqualTo("99 %");
        assertThat(DashboardFigures.percent(1, Locale.JAPANESE)).isEqualTo("100 %");
        assertThat(DashboardFigures.percent(-1, Locale.ENGLISH)).isEqualTo("—");
        assertThat(DashboardFigures.nearlyFull(0.95)).isTrue();
        assertThat(DashboardFigures.nearlyFull(0.5)).isFalse();
    }

    @Test
    void poolsWithoutFiguresAreUnknownAndLeftOutOfTheTotal() {
        PoolUsage dir = new PoolUsage("default", "dir", "Created", 30, 100);
        PoolUsage ceph = new PoolUsage("remote", "ceph", "Created", -1, -1);
        assertThat(dir.known()).isTrue();
        assertThat(ceph.known()).isFalse();
        assertThat(ceph.fraction()).isEqualTo(-1);
        assertThat(DashboardFigures.totalOf(List.of(dir, ceph, new PoolUsage("b", "btrfs", "Created", 10, 50))))
                .containsExactly(40, 150);
        assertThat(DashboardFigures.totalOf(List.of(ceph))).isNull();
    }

    @Test
    void openWarningsComeMostSevereFirstAndResolvedOnesNotAtAll() {
        OffsetDateTime t = OffsetDateTime.parse("2025-01-01T00:00:00Z");
        Warning low = warning("low", "new", t.plusHours(2));
        Warning highOld = warning("high", "acknowledged", t);
        Warning highNew = warning("high", "new", t.plusHours(1));
        Warning resolved = warning("high", "resolved", t.plusHours(3));
        assertThat(DashboardFigures.open(List.of(low, resolved, highOld, highNew)))
                .containsExactly(highNew, highOld, low);
    }

    private static Warning warning(String severity, String status, OffsetDateTime lastSeen) {
        return new Warning("u-" + severity + status + lastSeen, status, severity, "type", 1, "message", "none", "", "",
                lastSeen, lastSeen);
    }

    @Test
    void aServerWithoutWarningsHasNoneToGiveWhichIsNoFailure() {
        assertThat(Warnings.read(false, () -> {
            throw new AssertionError("a server without the extension is not asked");
        })).isEqualTo(Warnings.UNAVAILABLE);
        assertThat(Warnings.read(true, () -> {
            throw new NotFoundException("GET /1.0/warnings: 404", 404, "not found");
        })).isEqualTo(Warnings.UNAVAILABLE);
        IllegalStateException broken = new IllegalStateException("broken");
        Warnings failed = Warnings.read(true, () -> {
            throw broken;
        });
        assertThat(failed.available()).isTrue();
        assertThat(failed.failure()).isSameAs(broken);
        Warnings read = Warnings.read(true, () -> List.of(warning("low", "resolved", null),
                warning("moderate", "new", null)));
        assertThat(read.open()).extracting(Warning::severity).containsExactly("moderate");
    }

    @Test
    void recentOperationsAreTheNewestFirstAndSayWhatTheyWorkOn() throws Exception {
        OffsetDateTime t = OffsetDateTime.parse("2025-01-01T00:00:00Z");
        List<LiveOperations.Entry> entries = List.of(entry("1", t, Map.of()), entry("2", t.plusMinutes(2),
                Map.of("instances", List.of("/1.0/instances/web?project=p"))), entry("3", t.plusMinutes(1),
                Map.of("instances", List.of("/1.0/instances/db/snapshots/s1", "/1.0/instances/db"))));
        List<LiveOperations.Entry> recent = ServerDashboardViewModel.recent(entries, 2);
        assertThat(recent).extracting(e -> e.operation().id()).containsExactly("2", "3");
        assertThat(ServerDashboardViewModel.operationText(recent.get(0).operation())).isEqualTo("Doing 2 (web)");
        assertThat(ServerDashboardViewModel.instanceOf(recent.get(0).operation())).isEqualTo("web");
        assertThat(ServerDashboardViewModel.instanceOf(recent.get(1).operation())).isEqualTo("db");
        assertThat(ServerDashboardViewModel.instanceOf(entries.get(0).operation())).isNull();
        assertThat(DashboardFigures.lastSegment("/1.0/instances/a%20b?project=x")).isEqualTo("a b");
    }

    private static LiveOperations.Entry entry(String id, OffsetDateTime created, Map<String, List<String>> resources) {
        return new LiveOperations.Entry(new Operation(id, "task", "Doing " + id, created, created, "Success", 200,
                resources, null, false, "", "none"), false, false);
    }
}
