package dev.hako.ui.wizard.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.InstanceSource;
import dev.hako.lxd.api.InstancesPost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceRequestTest {

    @Test
    void buildsConfigAndDevicesOnlyForWhatWasChosen() {
        InstancesPost bare = InstanceRequest.build(new InstanceRequest.Choices("c1", "container",
                InstanceSource.imageFingerprint("abc"), List.of("default"), null, "", null, null,
                "cloud-init.user-data", "  ", null));
        assertThat(bare.config()).isNull();
        assertThat(bare.devices()).isNull();
        assertThat(bare.profiles()).containsExactly("default");

        InstancesPost full = InstanceRequest.build(new InstanceRequest.Choices("c1", "virtual-machine",
                InstanceSource.remoteImage("https://images.example", "simplestreams", null, "fp", "PEM", null),
                List.of("default", "web"), "2", "2GiB", "fast", "lxdbr1", "user.user-data",
                "#cloud-config\nhostname: c1", "member2"));
        assertThat(full.type()).isEqualTo("virtual-machine");
        assertThat(full.config()).isEqualTo(Map.of("limits.cpu", "2", "limits.memory", "2GiB", "user.user-data",
                "#cloud-config\nhostname: c1"));
        assertThat(full.devices()).isEqualTo(Map.of(
                "root", Map.of("type", "disk", "path", "/", "pool", "fast"),
                "eth0", Map.of("type", "nic", "name", "eth0", "network", "lxdbr1")));
        String yaml = InstanceRequest.preview(full, "member2");
        assertThat(yaml).startsWith("# POST /1.0/instances?target=member2\n").contains("protocol: simplestreams")
                .contains("mode: pull").doesNotContain("PEM\n").contains("pinned certificate");
    }

    @Test
    void cloudInitKeyFollowsTheServerExtension() {
        assertThat(InstanceRequest.cloudInitKey(true)).isEqualTo("cloud-init.user-data");
        assertThat(InstanceRequest.cloudInitKey(false)).isEqualTo("user.user-data");
    }

    @Test
    void validatesLimitsAndUserData() {
        assertThat(InstanceRequest.validCpu("2")).isTrue();
        assertThat(InstanceRequest.validCpu("0-3")).isTrue();
        assertThat(InstanceRequest.validCpu("0,2")).isTrue();
        assertThat(InstanceRequest.validCpu("two")).isFalse();
        assertThat(InstanceRequest.validMemory("512MiB")).isTrue();
        assertThat(InstanceRequest.validMemory("50%")).isTrue();
        // Sizes are what the server accepts (SizeRules): bytes without a unit too, but no fractions.
        assertThat(InstanceRequest.validMemory("512")).isTrue();
        assertThat(InstanceRequest.validMemory("1.5GiB")).isFalse();
        assertThat(InstanceRequest.validMemory("101%")).isFalse();
        assertThat(InstanceRequest.validMemory("lots")).isFalse();
        assertThat(InstanceRequest.userDataProblem("")).isEmpty();
        assertThat(InstanceRequest.userDataProblem("#!/bin/sh\necho hi")).isEmpty();
        assertThat(InstanceRequest.userDataProblem("#cloud-config\npackages: [htop]")).isEmpty();
        assertThat(InstanceRequest.userDataProblem("packages: [htop]")).get()
                .extracting(InstanceRequest.UserDataProblem::missingHeader).isEqualTo(true);
        var unclosed = InstanceRequest.userDataProblem("#cloud-config\nhostname: [unclosed").orElseThrow();
        assertThat(unclosed.missingHeader()).isFalse();
        assertThat(unclosed.line()).isGreaterThanOrEqualTo(2);
        assertThat(unclosed.parserText()).isNotBlank().doesNotContain("\n");
    }
}
