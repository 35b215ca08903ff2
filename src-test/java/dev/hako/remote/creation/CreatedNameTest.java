package dev.hako.remote.creation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreatedNameTest {

    @Test
    void theServersChoiceIsReadFromTheOperationsResources() {
        assertThat(InstanceCreation.createdName(Map.of("instances", List.of("/1.0/instances/sure-gnat")))).isEqualTo(
                "sure-gnat");
        assertThat(InstanceCreation.createdName(Map.of("instances", List.of("/1.0/instances/web?project=lab"))))
                .isEqualTo("web");
        assertThat(InstanceCreation.createdName(Map.of("containers", List.of("/1.0/containers/old-name"))))
                .isEqualTo("old-name");
        assertThat(InstanceCreation.createdName(Map.of())).isNull();
        assertThat(InstanceCreation.createdName((Map<String, List<String>>) null)).isNull();
    }
}
