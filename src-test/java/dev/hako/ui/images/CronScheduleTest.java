package dev.hako.ui.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Wednesday 25 November 2026, 21:31:10 in Tokyo. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 21, 31, 10, 0, TOKYO);

    private static List<String> next(String schedule, int n) {
        return CronSchedule.parse(schedule).next(NOW, n).stream()
                .map(t -> t.toLocalDateTime().toString()).toList();
    }

    @Test
    void plainCronFields() {
        assertThat(next("*/15 * * * *", 3)).containsExactly("2026-11-25T21:45", "2026-11-25T22:00",
                "2026-11-25T22:15");
        assertThat(next("0 6,18 * * *", 3)).containsExactly("2026-11-26T06:00", "2026-11-26T18:00",
                "2026-11-27T06:00");
        assertThat(next("30 2 * * mon-fri", 3)).containsExactly("2026-11-26T02:30", "2026-11-27T02:30",
                "2026-11-30T02:30");
        assertThat(next("0 0 29 feb *", 1)).containsExactly("2028-02-29T00:00");
        assertThat(next("0 12 * * 7", 1)).containsExactly("2026-11-29T12:00");
        assertThat(next("0 9-17/4 * * *", 3)).containsExactly("2026-11-26T09:00", "2026-11-26T13:00",
                "2026-11-26T17:00");
    }

    @Test
    void dayOfMonthAndWeekdayBothGivenMeansEither() {
        // The 1st of the month or any Friday.
        assertThat(next("0 0 1 * fri", 3)).containsExactly("2026-11-27T00:00", "2026-12-01T00:00",
                "2026-12-04T00:00");
    }

    @Test
    void shorthandsAndLists() {
        assertThat(next("@hourly", 2)).containsExactly("2026-11-25T22:00", "2026-11-25T23:00");
        assertThat(next("@weekly", 1)).containsExactly("2026-11-29T00:00");
        assertThat(next("@monthly", 1)).containsExactly("2026-12-01T00:00");
        assertThat(next("@yearly", 1)).containsExactly("2027-01-01T00:00");
        assertThat(next("@daily,@hourly", 3)).containsExactly("2026-11-25T22:00", "2026-11-25T23:00",
                "2026-11-26T00:00");
        assertThat(next("@daily, 30 * * * *", 3)).containsExactly("2026-11-25T22:30", "2026-11-25T23:30", "2026-11-26T00:00");
        assertThat(next("@never", 5)).isEmpty();
        assertThat(CronSchedule.usesShorthand("0 * * * *")).isFalse();
        assertThat(CronSchedule.usesShorthand("0 * * * *, @daily")).isTrue();
    }

    @Test
    void normalizesToTheServersSeparator() {
        assertThat(CronSchedule.normalize("@Daily,@hourly")).isEqualTo("@daily, @hourly");
        assertThat(CronSchedule.normalize("0,30  * * * *")).isEqualTo("0,30 * * * *");
        assertThat(CronSchedule.normalize("@daily,   0 5 * * *")).isEqualTo("@daily, 0 5 * * *");
    }

    @Test
    void nextRunsFollowTheZoneAcrossDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZonedDateTime before = ZonedDateTime.of(2026, 3, 28, 1, 0, 0, 0, berlin);
        List<ZonedDateTime> runs = CronSchedule.parse("0 3 * * *").next(before, 2);
        assertThat(runs.get(0).getHour()).isEqualTo(3);
        assertThat(runs.get(1).getHour()).isEqualTo(3);
        assertThat(runs.get(0).getOffset()).isNotEqualTo(runs.get(1).getOffset()).isNotNull();
    }

    @Test
    void problemsAreReported() {
        assertThat(CronSchedule.problem("0 * * *")).hasValue(new CronSchedule.Problem(
                "snapshots.schedule.problem.fields", null, List.of("4", "0 * * *")));
        assertThat(CronSchedule.problem("61 * * * *")).hasValue(new CronSchedule.Problem(
                "snapshots.schedule.problem.outside", "snapshots.schedule.field.minute", List.of("61", "0", "59")));
        assertThat(CronSchedule.problem("0 0 * foo *")).isPresent();
        assertThat(CronSchedule.problem("@fortnightly")).isPresent();
        assertThat(CronSchedule.problem("5-1 * * * *")).isPresent();
        assertThat(CronSchedule.problem("*/0 * * * *")).isPresent();
        assertThat(CronSchedule.problem("")).isPresent();
        assertThat(CronSchedule.problem("0 0 * * sun")).isEmpty();
        assertThatThrownBy(() -> CronSchedule.parse("a b c d e")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemsReadInTheWindowsLanguageWithTheSchedulesOwnPartsQuoted() {
        dev.hako.ui.common.I18n ja = new dev.hako.ui.common.I18n(java.util.Locale.JAPANESE);
        SnapshotActions actions = new SnapshotActions(() -> null, ja);
        for (String bad : List.of("0 * * *", "61 * * * *", "0 0 * foo *", "@fortnightly", "5-1 * * * *",
                "*/0 * * * *", "", "1,,2 * * * *")) {
            String text = actions.describe(CronSchedule.problem(bad).orElseThrow());
            assertThat(text).as(bad).doesNotContain("!").doesNotContainPattern("minute|hour|month|step|schedule");
        }
        assertThat(actions.describe(CronSchedule.problem("61 * * * *").orElseThrow())).contains("分").contains("61");
        assertThat(actions.describe(CronSchedule.problem("0 0 * foo *").orElseThrow())).contains("foo").contains("月");
    }
}
