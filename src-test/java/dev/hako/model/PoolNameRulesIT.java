package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link NameRules#checkPool} accepts is what the real daemons accept: each name is
 * sent as a new {@code dir} pool, and the server's verdict must match ours.
 */
class PoolNameRulesIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void theServerAgreesWithEveryVerdict(Daemon daemon) {
        String u = TestBed.uniqueName("pn").replaceAll("[^A-Za-z0-9]", "");
        List<String> names = List.of(u + "_data", u + ".data", "1" + u, "-" + u, u + "-", u + "/x", u + " x",
                u + "プール", u + ":x", u + "%x", u + "+x", u + "@x", u + "~x", u + "é",
                u + "\u3000x", u + "\u00a0x", u + "\tx", ".", "..", "_" + u, "." + u,
                u + "x".repeat(70));
        try (LxdClient client = TestBed.connect(daemon)) {
            Map<String, Boolean> server = new LinkedHashMap<>();
            Map<String, Boolean> ours = new LinkedHashMap<>();
            for (String name : names) {
                boolean accepted;
                try {
                    client.storage().createPool(new StoragePoolsPost(name, "dir", "", Map.of()), null);
                    accepted = true;
                    client.storage().deletePool(name);
                } catch (LxdException refused) {
                    System.out.println(daemon + " refuses pool name '" + name + "': " + refused.serverMessage());
                    accepted = false;
                }
                server.put(name, accepted);
                ours.put(name, NameRules.checkPool(name).isEmpty());
            }
            assertThat(ours).isEqualTo(server);
        }
    }
}
