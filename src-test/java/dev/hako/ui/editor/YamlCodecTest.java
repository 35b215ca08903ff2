package dev.hako.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.InstancePut;
import dev.hako.lxd.api.NetworkPut;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.ProjectPut;
import dev.hako.lxd.api.ServerPut;
import dev.hako.lxd.api.StoragePoolPut;
import dev.hako.lxd.api.StorageVolumePut;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.ObjectKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlCodecTest {

    private final ConfigCatalog catalog = ConfigCatalog.shipped();

    private EditDocument roundTrip(EditDocument document) {
        String yaml = YamlCodec.toYaml(document);
        YamlCodec.Result result = YamlCodec.parse(document.kind(), yaml, catalog);
        assertThat(result.problems()).as(yaml).isEmpty();
        assertThat(result.document()).isEqualTo(document);
        return result.document();
    }

    @Test
    void everyPutTypeRoundTrips() {
        Map<String, String> config = Map.of("limits.cpu", "2", "security.nesting", "true", "user.note", "a: b #c");
        Map<String, Map<String, String>> devices = Map.of("root", Map.of("type", "disk", "path", "/", "pool", "p"));
        ProfilePut profile = new ProfilePut(config, "a profile", devices);
        assertThat(roundTrip(EditDocument.of(ObjectKind.PROFILE, profile)).toPut(ProfilePut.class))
                .isEqualTo(profile);
        InstancePut instance = new InstancePut("x86_64", config, devices, false, List.of("default", "p2"), false,
                "");
        assertThat(roundTrip(EditDocument.of(ObjectKind.INSTANCE, instance)).toPut(InstancePut.class))
                .isEqualTo(instance);
        NetworkPut network = new NetworkPut(Map.of("ipv4.address", "none", "bridge.mtu", "1400"), "net");
        assertThat(roundTrip(EditDocument.of(ObjectKind.NETWORK, network)).toPut(NetworkPut.class))
                .isEqualTo(network);
        StoragePoolPut pool = new StoragePoolPut(Map.of("source", "/var/x"), "");
        assertThat(roundTrip(EditDocument.of(ObjectKind.STORAGE_POOL, pool)).toPut(StoragePoolPut.class))
                .isEqualTo(pool);
        StorageVolumePut volume = new StorageVolumePut(Map.of("size", "1GiB"), "v");
        assertThat(roundTrip(EditDocument.of(ObjectKind.STORAGE_VOLUME, volume)).toPut(StorageVolumePut.class))
                .isEqualTo(volume);
        ProjectPut project = new ProjectPut(Map.of("features.images", "false"), "pr");
        assertThat(roundTrip(EditDocument.of(ObjectKind.PROJECT, project)).toPut(ProjectPut.class))
                .isEqualTo(project);
        ServerPut server = new ServerPut(Map.of("core.https_address", "127.0.0.1:8443"));
        assertThat(roundTrip(EditDocument.of(ObjectKind.SERVER, server)).toPut(ServerPut.class))
                .isEqualTo(server);
    }

    @Test
    void stringsThatLookLikeOtherTypesStayStrings() {
        String yaml = YamlCodec.toYaml(EditDocument.of(ObjectKind.PROFILE,
                new ProfilePut(Map.of("limits.cpu", "2", "security.nesting", "true"), "", Map.of())));
        assertThat(yaml).contains("limits.cpu: '2'").contains("security.nesting: 'true'");
        // like lxc edit, plain scalars are accepted for config values
        YamlCodec.Result result = YamlCodec.parse(ObjectKind.PROFILE,
                "config:\n  limits.cpu: 2\n  security.nesting: true\ndescription: x\ndevices: {}\n", catalog);
        assertThat(result.ok()).isTrue();
        assertThat(result.document().config()).containsEntry("limits.cpu", "2").containsEntry("security.nesting",
                "true");
    }

    @Test
    void problemsArePlacedAtLineAndColumn() {
        YamlCodec.Result syntax = YamlCodec.parse(ObjectKind.PROFILE, "config:\n  a: b\n c: [\n", catalog);
        assertThat(syntax.ok()).isFalse();
        assertThat(syntax.problems().get(0).line()).isGreaterThan(1);

        YamlCodec.Result unknown = YamlCodec.parse(ObjectKind.PROFILE, "config: {}\nname: x\n", catalog);
        assertThat(unknown.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("editor.problem.unknownField");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(1);
        });

        YamlCodec.Result badValue = YamlCodec.parse(ObjectKind.PROFILE,
                "config:\n  limits.cpu: \"2\"\n  limits.memory: lots\ndescription: \"\"\ndevices: {}\n", catalog);
        assertThat(badValue.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("limits.memory");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(3);
        });

        YamlCodec.Result dup = YamlCodec.parse(ObjectKind.PROFILE, "config:\n  a: b\n  a: c\n", catalog);
        assertThat(dup.problems()).extracting(Problem::messageKey).contains("editor.problem.duplicate");

        YamlCodec.Result nested = YamlCodec.parse(ObjectKind.PROFILE, "config:\n  a:\n    b: c\n", catalog);
        assertThat(nested.problems()).extracting(Problem::messageKey).containsExactly("editor.problem.scalar");

        YamlCodec.Result device = YamlCodec.parse(ObjectKind.PROFILE, "devices:\n  eth0:\n    name: eth0\n",
                catalog);
        assertThat(device.problems()).extracting(Problem::messageKey).contains("editor.problem.deviceType");

        assertThat(YamlCodec.parse(ObjectKind.PROFILE, "", catalog).ok()).isFalse();
        assertThat(YamlCodec.parse(ObjectKind.PROFILE, "- a\n- b\n", catalog).ok()).isFalse();
        assertThat(YamlCodec.parse(ObjectKind.NETWORK, "config: {}\ndevices: {}\n", catalog).problems())
                .extracting(Problem::messageKey).containsExactly("editor.problem.unknownField");
    }
}
