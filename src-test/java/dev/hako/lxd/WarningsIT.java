package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.api.Warning;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /1.0/warnings} on both daemons: the server's own list, field for field, as its CLI
 * reads it (the test bed's daemons warn about the kernel features this host lacks).
 */
class WarningsIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void theWarningsAreTheOnesTheCliReads(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            assertThat(client.server().hasWarnings()).isTrue();
            List<Warning> warnings = client.server().warnings();
            JsonNode cli = Json.MAPPER.readTree(TestBed.cli(daemon, "query", "/1.0/warnings?recursion=1"));
            List<String> expected = new ArrayList<>();
            cli.forEach(w -> expected.add(w.path("uuid").asText() + " " + w.path("type").asText() + " "
                    + w.path("last_message").asText() + " " + w.path("severity").asText() + " "
                    + w.path("status").asText() + " " + w.path("count").asInt()));
            assertThat(warnings).extracting(w -> w.uuid() + " " + w.type() + " " + w.lastMessage() + " "
                    + w.severity() + " " + w.status() + " " + w.count())
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(warnings).isNotEmpty().allSatisfy(w -> {
                assertThat(w.uuid()).isNotBlank();
                assertThat(w.firstSeenAt()).isNotNull();
                assertThat(w.lastSeenAt()).isAfterOrEqualTo(w.firstSeenAt());
                assertThat(w.severity()).isIn("low", "moderate", "high");
                assertThat(w.status()).isIn("new", "acknowledged", "resolved");
                assertThat(w.open()).isEqualTo(!"resolved".equals(w.status()));
            });
        }
    }
}
