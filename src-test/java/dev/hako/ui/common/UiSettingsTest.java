package dev.hako.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event monitor's ring size is read from ui.properties, with a default and a floor. */
class UiSettingsTest {

    @Test
    void eventLimitDefaultsToTenThousandAndReadsWhatTheUserWrote(@TempDir Path dir) throws Exception {
        assertThat(new UiSettings(dir).eventLimit()).isEqualTo(10_000);
        Files.writeString(dir.resolve("ui.properties"), "events.limit = 2500\n");
        assertThat(new UiSettings(dir).eventLimit()).isEqualTo(2500);
        Files.writeString(dir.resolve("ui.properties"), "events.limit=5\n");
        assertThat(new UiSettings(dir).eventLimit()).as("at least 100").isEqualTo(100);
        Files.writeString(dir.resolve("ui.properties"), "events.limit=lots\n");
        assertThat(new UiSettings(dir).eventLimit()).isEqualTo(10_000);
    }
}
