package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.api.Event;
import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.ServerEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

    private static JsonNode json(Object value) {
        return Json.MAPPER.valueToTree(value);
    }

    @Test
    void stopWithoutTimeoutOmitsItBecauseZeroMeansKill() {
        JsonNode stop = json(InstanceStatePut.stop(null, false));
        assertThat(stop.has("timeout")).isFalse();
        assertThat(stop.path("action").asText()).isEqualTo("stop");
        assertThat(json(InstanceStatePut.stop(30, true)).path("timeout").asInt()).isEqualTo(30);
    }

    @Test
    void nullProfilesAreOmittedButEmptyProfilesAreSent() {
        InstancesPost defaults = InstancesPost.fromImage("c1", "busybox", false);
        assertThat(json(defaults).has("profiles")).isFalse();
        assertThat(json(defaults.withProfiles(List.of())).path("profiles").isArray()).isTrue();
        assertThat(json(defaults.withProfiles(List.of())).path("profiles").size()).isZero();
    }

    @Test
    void hyphenatedAndSnakeCaseKeysAreSpelledAsTheServerWants() {
        JsonNode exec = json(ExecRequest.command(List.of("ls")));
        assertThat(exec.has("wait-for-websocket")).isTrue();
        assertThat(exec.has("record-output")).isTrue();
        JsonNode copy = json(InstanceSource.copyOf("c1", true));
        assertThat(copy.path("instance_only").asBoolean()).isTrue();
        // live defaults to true on the server when absent: it is always sent.
        assertThat(copy.has("live")).isTrue();
        assertThat(copy.path("live").asBoolean()).isFalse();
    }

    @Test
    void capitalisedStorageDriverKeysAreRead() throws Exception {
        ServerEnvironment env = Json.MAPPER.readValue("{\"server\":\"incus\",\"storage_supported_drivers\":"
                + "[{\"Name\":\"zfs\",\"Version\":\"2.1\",\"Remote\":false}]}", ServerEnvironment.class);
        assertThat(env.storageSupportedDrivers().get(0).name()).isEqualTo("zfs");
        assertThat(ServerKind.fromEnvironment(env.server())).isEqualTo(ServerKind.INCUS);
    }

    @Test
    void operationProgressIsReadFromAnyProgressKey() throws Exception {
        Operation op = Json.MAPPER.readValue("{\"id\":\"1\",\"status_code\":103,\"metadata\":"
                + "{\"download_progress\":\"rootfs: 45% (12.00MB/s)\"}}", Operation.class);
        assertThat(op.progressText()).contains("rootfs: 45% (12.00MB/s)");
        assertThat(op.progressPercent()).hasValue(45);
        Operation structured = Json.MAPPER.readValue("{\"id\":\"1\",\"status_code\":103,\"metadata\":"
                + "{\"progress\":{\"percent\":\"80\"},\"create_instance_from_image_unpack_progress\":\"Unpack: 80%\"}}",
                Operation.class);
        assertThat(structured.progressPercent()).hasValue(80);
    }

    @Test
    void lifecycleEventNamesItsSource() throws Exception {
        Event event = Json.MAPPER.readValue("{\"type\":\"lifecycle\",\"timestamp\":\"2024-01-02T03:04:05.123456789Z\","
                + "\"project\":\"p\",\"metadata\":{\"action\":\"instance-started\","
                + "\"source\":\"/1.0/instances/web%201?project=p\"}}", Event.class);
        assertThat(event.isLifecycle()).isTrue();
        assertThat(event.action()).isEqualTo("instance-started");
        assertThat(event.source()).isEqualTo("/1.0/instances/web%201");
        assertThat(event.sourceName()).isEqualTo("web 1");
    }

    @Test
    void fingerprintsAreNormalised() {
        assertThat(CertificateFingerprint.normalise("AB:cd:EF 01")).isEqualTo("abcdef01");
    }
}
