package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizeRulesTest {

    @Test
    void readsEveryUnitTheServerKnows() {
        assertThat(SizeRules.bytes("1024")).contains(1024L);
        assertThat(SizeRules.bytes("7B")).contains(7L);
        assertThat(SizeRules.bytes("10 bytes")).contains(10L);
        assertThat(SizeRules.bytes("2kB")).contains(2_000L);
        assertThat(SizeRules.bytes("20GB")).contains(20_000_000_000L);
        assertThat(SizeRules.bytes("3EB")).contains(3_000_000_000_000_000_000L);
        assertThat(SizeRules.bytes("2KiB")).contains(2_048L);
        assertThat(SizeRules.bytes("512MiB")).contains(512L << 20);
        assertThat(SizeRules.bytes("10GiB")).contains(10L << 30);
        assertThat(SizeRules.bytes("1TiB")).contains(1L << 40);
        assertThat(SizeRules.bytes("1PiB")).contains(1L << 50);
        assertThat(SizeRules.bytes("7EiB")).contains(7L << 60);
        assertThat(SizeRules.bytes("0")).contains(0L);
        assertThat(SizeRules.bytes("007MiB")).contains(7L << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10G", "10g", "10gib", "10GIB", "10KB", "10kb", "10Kib", "10M", "10 GiB", "1.5GiB",
            "1,5GiB", " 10MiB", "10MiB ", "10bytes", "10 B", "-1", "+5", "GiB", "10GiB10", "１０GiB", "",
            "9EiB", "8EiB", "9223372036854775808", "10 Bytes"})
    void refusesWhatTheServerRefuses(String text) {
        assertThat(SizeRules.valid(text)).as(text).isFalse();
        assertThat(SizeRules.bytes(text)).as(text).isEmpty();
        assertThat(SizeRules.check(text)).as(text).contains(SizeRules.PROBLEM_KEY);
    }

    @Test
    void theLargestSizesStillFit() {
        assertThat(SizeRules.bytes("9223372036854775807")).contains(Long.MAX_VALUE);
        assertThat(SizeRules.bytes("7EiB")).contains(7L << 60);
        assertThat(SizeRules.bytes("9EB")).contains(9_000_000_000_000_000_000L);
        assertThat(SizeRules.valid("10EB")).isFalse();
    }

    @Test
    void noTextIsNoSize() {
        assertThat(SizeRules.valid(null)).isFalse();
        assertThat(SizeRules.check(null)).contains(SizeRules.PROBLEM_KEY);
        assertThat(SizeRules.check("10GiB")).isEmpty();
    }
}
