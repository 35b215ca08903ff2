package dev.hako.lxd.api;

import java.util.List;
import java.util.Map;

/** The editable part of an instance; what editors round-trip with PUT. */
public record InstancePut(
        String architecture,
        Map<String, String> config,
        Map<String, Map<String, String>> devices,
        boolean ephemeral,
        List<String> profiles,
        boolean stateful,
        String description) {
}
