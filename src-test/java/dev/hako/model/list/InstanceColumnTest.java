package dev.hako.model.list;

import static dev.hako.model.list.Rows.busyState;
import static dev.hako.model.list.Rows.instance;
import static dev.hako.model.list.Rows.oneAddress;
import static dev.hako.model.list.Rows.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hako.lxd.api.InstanceState;
import dev.hako.ui.common.I18n;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceColumnTest {

    private static String text(InstanceColumn column, InstanceRow row) {
        return column.text(row, Locale.ENGLISH);
    }

    private static List<String> sorted(InstanceColumn column, boolean descending, InstanceRow... rows) {
        List<InstanceRow> list = new ArrayList<>(Arrays.asList(rows));
        list.sort(column.comparator(descending));
        return list.stream().map(r -> r.instance().name()).toList();
    }

    @Test
    void aRunningContainerReadsAsInLxcList() {
        InstanceRow row = instance("web1").description("front, \"main\"").profiles("default", "web")
                .config("image.os", "ubuntu").config("image.release", "jammy").location("node2")
                .row(busyState(), 3);

        assertThat(text(InstanceColumn.NAME, row)).isEqualTo("web1");
        assertThat(text(InstanceColumn.STATE, row)).isEqualTo("RUNNING");
        assertThat(text(InstanceColumn.IPV4, row)).isEqualTo("172.17.0.1 (docker0)\n10.0.3.7 (eth0)\n10.0.3.20 (eth1)");
        assertThat(text(InstanceColumn.IPV6, row)).isEqualTo("fd42:4242::7 (eth0)");
        assertThat(text(InstanceColumn.TYPE, row)).isEqualTo("CONTAINER");
        assertThat(text(InstanceColumn.SNAPSHOTS, row)).isEqualTo("3");
        assertThat(text(InstanceColumn.PROFILES, row)).isEqualTo("default\nweb");
        assertThat(text(InstanceColumn.LOCATION, row)).isEqualTo("node2");
        assertThat(text(InstanceColumn.IMAGE, row)).isEqualTo("ubuntu jammy");
        assertThat(text(InstanceColumn.CREATED, row)).isEqualTo("2024/05/01 09:30 UTC");
        assertThat(text(InstanceColumn.LAST_USED, row)).isEqualTo("2024/05/01 10:30 UTC");
        assertThat(text(InstanceColumn.CPU, row)).isEqualTo("12s");
        assertThat(text(InstanceColumn.MEMORY, row)).isEqualTo("12.34MiB");
        assertThat(text(InstanceColumn.DESCRIPTION, row)).isEqualTo("front, \"main\"");
        assertThat(text(InstanceColumn.ARCHITECTURE, row)).isEqualTo("x86_64");
        assertThat(text(InstanceColumn.REMOTE, row)).isEqualTo("local");
    }

    @Test
    void anEphemeralVirtualMachineThatNeverRan() {
        InstanceRow row = instance("scratch").vm().ephemeral().stopped().lastUsed(Rows.LXD_NEVER).row();

        assertThat(text(InstanceColumn.TYPE, row)).isEqualTo("VIRTUAL-MACHINE (EPHEMERAL)");
        assertThat(text(InstanceColumn.STATE, row)).isEqualTo("STOPPED");
        assertThat(text(InstanceColumn.LAST_USED, row)).isEmpty();
        assertThat(text(InstanceColumn.CREATED, row)).isEqualTo("2024/05/01 09:30 UTC");
        // Incus writes the zero time instead of the epoch.
        assertThat(text(InstanceColumn.LAST_USED, instance("a").lastUsed(OffsetDateTime.parse("0001-01-01T00:00:00Z"))
                .row())).isEmpty();
    }

    @Test
    void liveColumnsAreEmptyWhenTheStateIsUnknownOrStale() {
        InstanceRow noState = instance("web1").row();
        InstanceRow stopped = instance("db1").stopped().row(busyState(), null);
        for (InstanceColumn live : List.of(InstanceColumn.IPV4, InstanceColumn.IPV6, InstanceColumn.CPU,
                InstanceColumn.MEMORY)) {
            assertThat(text(live, noState)).as(live.name()).isEmpty();
            assertThat(text(live, stopped)).as(live.name()).isEmpty();
        }
        assertThat(text(InstanceColumn.SNAPSHOTS, noState)).isEmpty();
        // The server says -1 when it cannot tell; lxc then shows nothing.
        InstanceRow unavailable = instance("web1").row(state(Map.of(), -1, -1), 0);
        assertThat(text(InstanceColumn.CPU, unavailable)).isEmpty();
        assertThat(text(InstanceColumn.MEMORY, unavailable)).isEmpty();
        assertThat(text(InstanceColumn.SNAPSHOTS, unavailable)).isEqualTo("0");
    }

    @Test
    void standaloneLocationAndMissingImageAreEmpty() {
        InstanceRow row = instance("web1").row();

        assertThat(text(InstanceColumn.LOCATION, row)).isEmpty();
        assertThat(text(InstanceColumn.IMAGE, row)).isEmpty();
        assertThat(text(InstanceColumn.IMAGE, instance("a").profileConfig("image.os", "Alpine").row()))
                .isEqualTo("Alpine");
    }

    @Test
    void memoryIsWrittenWithLxcsBinaryUnits() {
        assertThat(Cells.iec(512, Locale.ROOT)).isEqualTo("512B");
        assertThat(Cells.iec(1023, Locale.ROOT)).isEqualTo("1023B");
        assertThat(Cells.iec(1024, Locale.ROOT)).isEqualTo("1.00KiB");
        assertThat(Cells.iec(3L << 30, Locale.ROOT)).isEqualTo("3.00GiB");
        // Go rounds an exact half to even: 1.125 MiB is 1.12MiB, as lxc prints it.
        assertThat(Cells.iec(1_179_648, Locale.ROOT)).isEqualTo("1.12MiB");
        assertThat(Cells.iec(1_185_415, Locale.ROOT)).isEqualTo("1.13MiB");
        // Just under 1 GiB stays in MiB and rounds up to 1024.00, as Go's loop does.
        assertThat(Cells.iec((1L << 30) - 1, Locale.ROOT)).isEqualTo("1024.00MiB");
        assertThat(Cells.iec(1_179_648, Locale.GERMANY)).isEqualTo("1,12MiB");
        assertThat(Cells.iec(1_179_648, Locale.JAPANESE)).isEqualTo("1.12MiB");
    }

    @Test
    void lettersAreLxcsAndUnique() {
        assertThat(InstanceColumn.NAME.letter()).contains('n');
        assertThat(InstanceColumn.SNAPSHOTS.letter()).contains('S');
        assertThat(InstanceColumn.STATE.letter()).contains('s');
        assertThat(InstanceColumn.LAST_USED.letter()).contains('l');
        assertThat(InstanceColumn.CPU.letter()).contains('u');
        assertThat(InstanceColumn.IMAGE.letter()).isEmpty();
        assertThat(InstanceColumn.REMOTE.letter()).isEmpty();
        Set<Character> seen = new HashSet<>();
        for (InstanceColumn column : InstanceColumn.values()) {
            column.letter().ifPresent(letter -> assertThat(seen.add(letter)).as(column.name()).isTrue());
        }
    }

    @Test
    void readsLxcColumnStrings() {
        assertThat(InstanceColumn.parseLetters("ns46tS")).containsExactly(InstanceColumn.NAME, InstanceColumn.STATE,
                InstanceColumn.IPV4, InstanceColumn.IPV6, InstanceColumn.TYPE, InstanceColumn.SNAPSHOTS);
        assertThat(InstanceColumn.parseLetters("n,s,4")).containsExactly(InstanceColumn.NAME, InstanceColumn.STATE,
                InstanceColumn.IPV4);
        // lxc --fast
        assertThat(InstanceColumn.parseLetters(" nsacPt ")).containsExactly(InstanceColumn.NAME,
                InstanceColumn.STATE, InstanceColumn.ARCHITECTURE, InstanceColumn.CREATED, InstanceColumn.PROFILES,
                InstanceColumn.TYPE);
        assertThat(InstanceColumn.parseLetters("lumdL")).containsExactly(InstanceColumn.LAST_USED,
                InstanceColumn.CPU, InstanceColumn.MEMORY, InstanceColumn.DESCRIPTION, InstanceColumn.LOCATION);
    }

    @Test
    void refusesWhatItCannotShowAndSaysWhereInBothLanguages() {
        ListSyntaxException unknown = catchThrowableOfType(ListSyntaxException.class,
                () -> InstanceColumn.parseLetters("ns?4"));
        assertThat(unknown.messageKey()).isEqualTo("lists.columns.unknown");
        assertThat(unknown.part()).isEqualTo("?");
        assertThat(unknown.offset()).isEqualTo(2);
        assertThat(new I18n(Locale.ENGLISH).format(unknown.messageKey(), unknown.messageArguments().toArray()))
                .isEqualTo("There is no column “?” (in “ns?4”). The letters are n s 4 6 t S P L c l u m d a.");
        assertThat(new I18n(Locale.JAPANESE).format(unknown.messageKey(), unknown.messageArguments().toArray()))
                .isEqualTo("「?」という列はありません（「ns?4」の中）。使える文字は n s 4 6 t S P L c l u m d a です。");

        // Letters lxc has that this table does not: the PID and the disk usage.
        assertThat(catchThrowableOfType(ListSyntaxException.class, () -> InstanceColumn.parseLetters("np"))
                .part()).isEqualTo("p");
        assertThat(catchThrowableOfType(ListSyntaxException.class, () -> InstanceColumn.parseLetters("n,s,D"))
                .offset()).isEqualTo(4);

        for (String emptyEntry : List.of("n,,s", ",n", "n,")) {
            assertThat(catchThrowableOfType(ListSyntaxException.class, () -> InstanceColumn.parseLetters(emptyEntry))
                    .messageKey()).as(emptyEntry).isEqualTo("lists.columns.emptyEntry");
        }
        ListSyntaxException configKey = catchThrowableOfType(ListSyntaxException.class,
                () -> InstanceColumn.parseLetters("ns,user.comment:comment"));
        assertThat(configKey.messageKey()).isEqualTo("lists.columns.configKey");
        assertThat(configKey.part()).isEqualTo("user.comment:comment");
        assertThat(configKey.offset()).isEqualTo(3);
        assertThat(catchThrowableOfType(ListSyntaxException.class, () -> InstanceColumn.parseLetters("  "))
                .messageKey()).isEqualTo("lists.columns.none");
    }

    @Test
    void theDefaultIsLxcsLayoutAndTheAllRemotesTableStartsWithTheRemote() {
        assertThat(InstanceColumn.DEFAULT).isEqualTo(InstanceColumn.parseLetters("ns46tSL"));
        assertThat(InstanceColumn.DEFAULT_ALL_REMOTES).startsWith(InstanceColumn.REMOTE);
        assertThat(InstanceColumn.DEFAULT_ALL_REMOTES.subList(1, InstanceColumn.DEFAULT_ALL_REMOTES.size()))
                .isEqualTo(InstanceColumn.DEFAULT);
    }

    @Test
    void everyHeaderHasAnEnglishAndAJapaneseText() {
        I18n english = new I18n(Locale.ENGLISH);
        I18n japanese = new I18n(Locale.JAPANESE);
        for (InstanceColumn column : InstanceColumn.values()) {
            assertThat(english.get(column.headerKey())).as(column.name()).doesNotStartWith("!");
            assertThat(japanese.get(column.headerKey())).as(column.name()).doesNotStartWith("!");
        }
        assertThat(english.get(InstanceColumn.LAST_USED.headerKey())).isEqualTo("Last used at");
        assertThat(japanese.get(InstanceColumn.LAST_USED.headerKey())).isEqualTo("最終使用日時");
    }

    @Test
    void namesSortNaturally() {
        InstanceRow web10 = instance("web10").row();
        InstanceRow web2 = instance("web2").row();
        InstanceRow web02b = instance("Web2b").row();
        InstanceRow db = instance("db").row();

        assertThat(sorted(InstanceColumn.NAME, false, web10, web02b, db, web2))
                .containsExactly("db", "web2", "Web2b", "web10");
        assertThat(sorted(InstanceColumn.NAME, true, web10, web02b, db, web2))
                .containsExactly("web10", "Web2b", "web2", "db");
    }

    @Test
    void sameNamesOnTwoRemotesSortByRemote() {
        InstanceRow b = new InstanceRow("remote10", instance("web").build(), null, null);
        InstanceRow a = new InstanceRow("remote9", instance("web").build(), null, null);

        List<InstanceRow> rows = new ArrayList<>(List.of(b, a));
        rows.sort(InstanceColumn.NAME.comparator());
        assertThat(rows).containsExactly(a, b);
    }

    @Test
    void datesSortByTimeAndNeverComesLastEitherWay() {
        // 09:00 in Tokyo is 00:00 UTC: earlier than 01:00 UTC although its text is larger.
        InstanceRow tokyo = instance("tokyo").lastUsed(OffsetDateTime.parse("2024-05-01T09:00:00+09:00")).row();
        InstanceRow utc = instance("utc").lastUsed(OffsetDateTime.parse("2024-05-01T01:00:00Z")).row();
        InstanceRow never = instance("never").lastUsed(Rows.LXD_NEVER).row();

        assertThat(sorted(InstanceColumn.LAST_USED, false, never, utc, tokyo))
                .containsExactly("tokyo", "utc", "never");
        assertThat(sorted(InstanceColumn.LAST_USED, true, never, tokyo, utc))
                .containsExactly("utc", "tokyo", "never");
        assertThat(sorted(InstanceColumn.CREATED, false,
                instance("b").created(OffsetDateTime.parse("2023-01-01T00:00:00Z")).row(),
                instance("a").created(OffsetDateTime.parse("2024-01-01T00:00:00Z")).row()))
                .containsExactly("b", "a");
    }

    @Test
    void figuresSortByValueAndUnknownComesLast() {
        InstanceRow small = instance("small").row(state(Map.of(), 512, 9_000_000_000L), 2);
        InstanceRow large = instance("large").row(state(Map.of(), 1024, 10_000_000_000L), 10);
        InstanceRow stopped = instance("stopped").stopped().row();

        // By text "1.00KiB" would come before "512B" and "10s" before "9s".
        assertThat(sorted(InstanceColumn.MEMORY, false, stopped, large, small))
                .containsExactly("small", "large", "stopped");
        assertThat(sorted(InstanceColumn.MEMORY, true, stopped, small, large))
                .containsExactly("large", "small", "stopped");
        assertThat(sorted(InstanceColumn.CPU, false, stopped, large, small))
                .containsExactly("small", "large", "stopped");
        assertThat(sorted(InstanceColumn.SNAPSHOTS, false, stopped, large, small))
                .containsExactly("small", "large", "stopped");
        assertThat(sorted(InstanceColumn.SNAPSHOTS, true, stopped, small, large))
                .containsExactly("large", "small", "stopped");
        // The plain comparator is the ascending one.
        List<InstanceRow> rows = new ArrayList<>(List.of(stopped, large, small));
        rows.sort(InstanceColumn.MEMORY.comparator());
        assertThat(rows).containsExactly(small, large, stopped);
    }

    @Test
    void addressesSortByNumberNotText() {
        InstanceRow ten = instance("ten").row(oneAddress("10.0.0.10"), null);
        InstanceRow nine = instance("nine").row(oneAddress("10.0.0.9"), null);
        InstanceRow high = instance("high").row(oneAddress("192.168.1.2"), null);
        InstanceRow none = instance("none").stopped().row();

        assertThat(sorted(InstanceColumn.IPV4, false, none, high, ten, nine))
                .containsExactly("nine", "ten", "high", "none");
        assertThat(sorted(InstanceColumn.IPV4, true, none, nine, ten, high))
                .containsExactly("high", "ten", "nine", "none");

        InstanceRow v6low = instance("low").row(state(Map.of("eth0", Rows.nic("broadcast",
                Rows.inet6("fd42::9", "global"))), 0, 0), null);
        InstanceRow v6high = instance("high").row(state(Map.of("eth0", Rows.nic("broadcast",
                Rows.inet6("fd42::a:1", "global"))), 0, 0), null);
        assertThat(sorted(InstanceColumn.IPV6, false, v6high, none, v6low)).containsExactly("low", "high", "none");
    }

    @Test
    void statesSortRunningFirstAndTiesByName() {
        InstanceRow stoppedB = instance("b").stopped().row();
        InstanceRow stoppedA = instance("a").stopped().row();
        InstanceRow running = instance("z").row();
        InstanceRow frozen = instance("f").frozen().row();
        InstanceRow broken = instance("e").error().row();

        assertThat(sorted(InstanceColumn.STATE, false, broken, stoppedB, frozen, stoppedA, running))
                .containsExactly("z", "f", "a", "b", "e");
    }

    @Test
    void emptyTextsSortLastInEitherDirection() {
        InstanceRow none = instance("none").row();
        InstanceRow alpha = instance("alpha").description("Alpha").row();
        InstanceRow beta = instance("beta").description("beta").row();

        assertThat(sorted(InstanceColumn.DESCRIPTION, false, none, beta, alpha))
                .containsExactly("alpha", "beta", "none");
        assertThat(sorted(InstanceColumn.DESCRIPTION, true, none, alpha, beta))
                .containsExactly("beta", "alpha", "none");
        assertThat(sorted(InstanceColumn.TYPE, false, instance("vm").vm().row(), instance("ct").row()))
                .containsExactly("ct", "vm");
    }

    @Test
    void aStateWithoutCountersStillReads() {
        InstanceState bare = new InstanceState("Running", 103, null, null, null, 0, 0, null);
        InstanceRow row = instance("web1").row(bare, null);

        for (InstanceColumn column : InstanceColumn.values()) {
            assertThat(column.text(row, Locale.JAPANESE)).as(column.name()).isNotNull();
        }
        assertThat(text(InstanceColumn.MEMORY, row)).isEmpty();
        assertThat(text(InstanceColumn.CPU, row)).isEmpty();
        assertThat(text(InstanceColumn.IPV4, row)).isEmpty();
    }
}
