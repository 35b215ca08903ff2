package dev.hako.lxd.api;

import java.util.List;

/** {@code GET /1.0/networks/<name>/state}. */
public record NetworkState(
        List<InstanceState.Address> addresses,
        InstanceState.Counters counters,
        String hwaddr,
        int mtu,
        String state,
        String type) {
}
