package dev.hako.ui.remotes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a probe of an offline remote leads to, and how long the watch waits between probes. */
class CertificateChangeWatchTest {

    @Test
    void anotherCertificateIsReportedOnce() {
        assertThat(CertificateChangeWatch.outcome("aa", "aa", null)).isEqualTo(CertificateChangeWatch.Outcome.RETRY);
        assertThat(CertificateChangeWatch.outcome("aa", "bb", null)).isEqualTo(CertificateChangeWatch.Outcome.REPORT);
        assertThat(CertificateChangeWatch.outcome("aa", "bb", "bb")).isEqualTo(CertificateChangeWatch.Outcome.QUIET);
        assertThat(CertificateChangeWatch.outcome("aa", "cc", "bb")).isEqualTo(CertificateChangeWatch.Outcome.REPORT);
    }

    @Test
    void waitsLongerEachTimeUpToHalfAMinute() {
        long delay = CertificateChangeWatch.FIRST_RETRY_MILLIS;
        for (int i = 0; i < 10; i++) {
            delay = CertificateChangeWatch.nextDelay(delay);
        }
        assertThat(CertificateChangeWatch.nextDelay(1000)).isEqualTo(2000);
        assertThat(delay).isEqualTo(CertificateChangeWatch.MAX_RETRY_MILLIS);
    }
}
