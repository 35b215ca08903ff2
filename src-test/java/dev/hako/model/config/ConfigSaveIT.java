package dev.hako.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.Tagged;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The save use case against the real daemons: a change made through the API between
 * the use case's read and its write is refused by the daemon's ETag check (412) and the
 * save is rebased onto it; a change of the same key is a conflict that writes nothing;
 * a key the daemon refuses is reported with its words and what it has afterwards.
 */
class ConfigSaveIT {

    private static Map<String, String> with(Map<String, String> config, String key, String value) {
        Map<String, String> copy = new HashMap<>(config);
        copy.put(key, value);
        return copy;
    }

    /** Someone else changes the profile through the API. */
    private static void changeElsewhere(LxdClient api, String name, String key, String value) {
        Tagged<Profile> now = api.profiles().get(name);
        api.profiles().update(name, new ProfilePut(with(now.value().config(), key, value),
                now.value().description(), now.value().devices()), now.etag());
    }

    /** The real store, with a change made elsewhere just before its first write reaches the daemon. */
    private static ConfigStore changedBeforeFirstWrite(ConfigStore real, Runnable change) {
        AtomicBoolean done = new AtomicBoolean();
        return new ConfigStore() {
            @Override
            public EditTarget.Loaded load() {
                return real.load();
            }

            @Override
            public void store(EditDocument document, String etag, EditTarget.Loaded against) {
                if (done.compareAndSet(false, true)) {
                    change.run();
                }
                real.store(document, etag, against);
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aChangeBetweenReadAndWriteIsRefusedByTheEtagAndRebasedOnto(Daemon daemon) {
        try (LxdClient api = TestBed.connect(daemon)) {
            String name = TestBed.uniqueName("save");
            api.profiles().create(new ProfilesPost(name, "first", Map.of("limits.cpu", "1"), Map.of()));
            try {
                ConfigStore real = ConfigStore.of(EditTarget.profile(name), api);
                EditTarget.Loaded from = real.load();
                assertThat(from.etag()).isNotBlank();
                EditDocument mine = from.document().withConfigValue("limits.cpu", "2")
                        .withDevices(Map.of("data", Map.of("type", "disk", "path", "/data", "source", "/tmp")));
                // Changed after the editor loaded, and once more between the save's read and its write.
                changeElsewhere(api, name, "user.before", "theirs");
                ConfigSave save = new ConfigSave(changedBeforeFirstWrite(real,
                        () -> changeElsewhere(api, name, "user.during", "theirs too")));

                ConfigSave.Outcome outcome = save.save(from, mine);

                assertThat(outcome).isInstanceOf(ConfigSave.Saved.class);
                ConfigSave.Saved saved = (ConfigSave.Saved) outcome;
                assertThat(saved.applied()).containsExactlyInAnyOrder("config.limits.cpu", "devices.data");
                assertThat(saved.notApplied()).isEmpty();
                Profile now = api.profiles().get(name).value();
                assertThat(now.config()).containsEntry("limits.cpu", "2").containsEntry("user.before", "theirs")
                        .containsEntry("user.during", "theirs too");
                assertThat(now.devices()).containsKey("data");
                assertThat(saved.now().document().config()).isEqualTo(now.config());
            } finally {
                api.profiles().delete(name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aChangeOfTheSameKeyIsAConflictAndWritesNothing(Daemon daemon) {
        try (LxdClient api = TestBed.connect(daemon)) {
            String name = TestBed.uniqueName("save");
            api.profiles().create(new ProfilesPost(name, "first", Map.of("limits.cpu", "1"), Map.of()));
            try {
                ConfigStore real = ConfigStore.of(EditTarget.profile(name), api);
                EditTarget.Loaded from = real.load();
                EditDocument mine = from.document().withConfigValue("limits.cpu", "2")
                        .withConfigValue("user.mine", "x");
                changeElsewhere(api, name, "limits.cpu", "7");

                ConfigSave.Outcome outcome = new ConfigSave(real).save(from, mine);

                assertThat(outcome).isInstanceOf(ConfigSave.Conflict.class);
                ConfigSave.Conflict conflict = (ConfigSave.Conflict) outcome;
                assertThat(conflict.entries()).filteredOn(e -> e.change() == ConfigMerge.Change.CONFLICT)
                        .extracting(ConfigMerge.Entry::key).containsExactly("config.limits.cpu");
                assertThat(api.profiles().get(name).value().config()).containsEntry("limits.cpu", "7")
                        .doesNotContainKey("user.mine");
            } finally {
                api.profiles().delete(name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aRefusedSaveReadsBackWhatTheServerHas(Daemon daemon) {
        try (LxdClient api = TestBed.connect(daemon)) {
            String instance = Instances.createStopped(api, "save");
            try {
                ConfigStore real = ConfigStore.of(EditTarget.instance(instance), api);
                EditTarget.Loaded from = real.load();
                EditDocument mine = from.document().withConfigValue("user.kept", "no")
                        .withConfigValue("limits.bogus_key", "1");

                ConfigSave.Outcome outcome = new ConfigSave(real).save(from, mine);

                assertThat(outcome).isInstanceOf(ConfigSave.Failed.class);
                ConfigSave.Failed failed = (ConfigSave.Failed) outcome;
                System.out.println(daemon + " refused: " + failed.serverMessage());
                assertThat(failed.serverMessage()).contains("limits.bogus_key");
                assertThat(failed.now()).isNotNull();
                assertThat(failed.applied()).isEmpty();
                assertThat(failed.notApplied()).containsExactlyInAnyOrder("config.user.kept",
                        "config.limits.bogus_key");
                assertThat(failed.rebased()).isEqualTo(mine);
                assertThat(api.instances().get(instance).value().config()).doesNotContainKey("user.kept");

                // Without the bad key the same draft saves, through the instance's asynchronous update.
                ConfigSave.Outcome again = new ConfigSave(real).save(failed.now(),
                        failed.rebased().withConfigValue("limits.bogus_key", null));
                assertThat(again).isInstanceOf(ConfigSave.Saved.class);
                assertThat(((ConfigSave.Saved) again).applied()).containsExactly("config.user.kept");
                assertThat(api.instances().get(instance).value().config()).containsEntry("user.kept", "no");
            } finally {
                Instances.remove(api, instance);
            }
        }
    }
}
