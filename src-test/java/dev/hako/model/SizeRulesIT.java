package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link SizeRules} accepts is what the real daemons accept: each size goes to the
 * server as the {@code size} of a new custom volume, and the server's verdict must match.
 */
class SizeRulesIT {

    /** Sizes on both sides of every rule; the empty string is left out (see SizeRules). */
    private static final List<String> SIZES = List.of("10GiB", "512MiB", "20GB", "100kB", "10 bytes", "7B", "4096",
            "0", "007MiB", "7EiB", "10G", "10gib", "10KB", "10 GiB", "1.5GiB", " 10MiB", "10MiB ", "10bytes", "-1",
            "+5", "8EiB", "9223372036854775808", "１０GiB");

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void theServerAgreesWithEveryVerdict(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            Map<String, Boolean> server = new LinkedHashMap<>();
            Map<String, Boolean> ours = new LinkedHashMap<>();
            for (String size : SIZES) {
                String name = TestBed.uniqueName("size");
                boolean accepted;
                try {
                    client.storage().createVolume("default",
                            StorageVolumesPost.custom(name, "filesystem", Map.of("size", size)));
                    accepted = true;
                    client.storage().deleteVolume("default", "custom", name);
                } catch (LxdException refused) {
                    // A refusal of this value (both answer 500 here, not 400), not some other failure.
                    assertThat(refused.status()).as(size).isGreaterThanOrEqualTo(400);
                    assertThat(refused.serverMessage()).as(size).contains("\"size\"");
                    accepted = false;
                }
                server.put(size, accepted);
                ours.put(size, SizeRules.valid(size));
            }
            assertThat(ours).isEqualTo(server);
            assertThat(server).containsValue(true).containsValue(false);
        }
    }
}
