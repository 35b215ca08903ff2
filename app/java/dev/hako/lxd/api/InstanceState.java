package dev.hako.lxd.api;

import java.util.List;
import java.util.Map;

/** {@code GET /1.0/instances/<n>/state}: live figures, filled only while running (disk always). */
public record InstanceState(
        String status,
        int statusCode,
        Map<String, Disk> disk,
        Memory memory,
        Map<String, Network> network,
        long pid,
        long processes,
        Cpu cpu) {

    /** Cumulative CPU time in nanoseconds; -1 when unavailable. */
    public record Cpu(long usage) {
    }

    /** Bytes; {@code usagePeak} is always 0 on cgroup v2 with LXD 5.0. */
    public record Memory(long usage, long usagePeak, long swapUsage, long swapUsagePeak) {
    }

    public record Disk(long usage) {
    }

    public record Network(List<Address> addresses, Counters counters, String hwaddr, String hostName, int mtu,
                          String state, String type) {
    }

    public record Address(String family, String address, String netmask, String scope) {
    }

    public record Counters(long bytesReceived, long bytesSent, long packetsReceived, long packetsSent,
                           long errorsReceived, long errorsSent, long packetsDroppedOutbound,
                           long packetsDroppedInbound) {
    }
}
