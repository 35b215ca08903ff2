package dev.hako.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceUpdateFailuresTest {

    @Test
    void readsEachInstanceAndItsReasonAsTheServersListThem() {
        String answer = "The following instances failed to update (profile change still saved):\n"
                + " - Project: default, Instance: web-2: Failed to start device \"fwd\": Error occurred when "
                + "starting proxy device: Error: Failed to listen on 127.0.0.1:18080: listen tcp "
                + "127.0.0.1:18080: bind: address already in use\n"
                + " - Project: lab, Instance: web-3: Failed to start device \"fwd\": busy\n";
        assertThat(InstanceUpdateFailures.parse(answer)).containsExactly(
                new InstanceUpdateFailures.Failure("default", "web-2", "Failed to start device \"fwd\": Error "
                        + "occurred when starting proxy device: Error: Failed to listen on 127.0.0.1:18080: listen "
                        + "tcp 127.0.0.1:18080: bind: address already in use"),
                new InstanceUpdateFailures.Failure("lab", "web-3", "Failed to start device \"fwd\": busy"));
    }

    @Test
    void readsTheOlderListWithoutProjects() {
        String answer = "The following containers failed to update (profile change still saved):\n - c1: boom\n";
        assertThat(InstanceUpdateFailures.parse(answer))
                .containsExactly(new InstanceUpdateFailures.Failure("", "c1", "boom"));
    }

    @Test
    void anyOtherRefusalIsNotSuchAList() {
        assertThat(InstanceUpdateFailures.parse("Invalid devices: Device validation failed for \"x\": - a: b"))
                .isEmpty();
        assertThat(InstanceUpdateFailures.parse(null)).isEmpty();
    }
}
