package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.InstancePut;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.Tagged;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EtagIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void staleProfileEtagIsRefusedAndChangesNothing(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = TestBed.uniqueName("etag");
            client.profiles().create(new ProfilesPost(name, "first", Map.of("user.note", "one"), Map.of()));
            try {
                Tagged<Profile> loaded = client.profiles().get(name);
                assertThat(loaded.etag()).isNotBlank();

                // Someone else changes it in between.
                ProfilePut theirs = loaded.value().toPut();
                Map<String, String> theirConfig = new HashMap<>(theirs.config());
                theirConfig.put("user.note", "theirs");
                client.profiles().update(name, new ProfilePut(theirConfig, "theirs", theirs.devices()),
                        loaded.etag());

                Map<String, String> mine = new HashMap<>(loaded.value().config());
                mine.put("user.note", "mine");
                assertThatThrownBy(() -> client.profiles().update(name,
                        new ProfilePut(mine, "mine", loaded.value().devices()), loaded.etag()))
                        .isInstanceOf(PreconditionFailedException.class)
                        .satisfies(e -> assertThat(((LxdException) e).status()).isEqualTo(412));

                Profile now = client.profiles().get(name).value();
                assertThat(now.config()).containsEntry("user.note", "theirs");
                assertThat(now.description()).isEqualTo("theirs");
            } finally {
                client.profiles().delete(name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void staleInstanceEtagIsRefused(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "etagi");
            try {
                var loaded = client.instances().get(name);
                InstancePut put = loaded.value().toPut();
                Map<String, String> config = new HashMap<>(put.config());
                config.put("user.first", "1");
                client.instances().update(name, new InstancePut(put.architecture(), config, put.devices(),
                        put.ephemeral(), put.profiles(), put.stateful(), "changed"), loaded.etag())
                        .awaitSuccess(Instances.OP_TIMEOUT);
                assertThatThrownBy(() -> client.instances().update(name, put, loaded.etag())
                        .awaitSuccess(Instances.OP_TIMEOUT))
                        .isInstanceOf(PreconditionFailedException.class);
                assertThat(client.instances().get(name).value().config()).containsEntry("user.first", "1");
            } finally {
                Instances.remove(client, name);
            }
        }
    }
}
