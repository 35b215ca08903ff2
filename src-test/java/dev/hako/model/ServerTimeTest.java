package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ServerTimeTest {

    @Test
    void theZeroTimeAndTheEpochMeanNever() {
        assertThat(ServerTime.isNever(null)).isTrue();
        assertThat(ServerTime.isNever(OffsetDateTime.parse("0001-01-01T00:00:00Z"))).isTrue();
        assertThat(ServerTime.isNever(OffsetDateTime.parse("1970-01-01T00:00:00Z"))).isTrue();
        assertThat(ServerTime.isNever(OffsetDateTime.parse("1970-01-01T00:00:01Z"))).isFalse();
        assertThat(ServerTime.isNever(OffsetDateTime.parse("2026-12-03T22:15:00+09:00"))).isFalse();
    }
}
