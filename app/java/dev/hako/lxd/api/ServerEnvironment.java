package dev.hako.lxd.api;

import java.util.List;

/** The {@code environment} part of {@code GET /1.0}; only trusted clients see it. */
public record ServerEnvironment(
        List<String> addresses,
        List<String> architectures,
        String certificate,
        String certificateFingerprint,
        String driver,
        String driverVersion,
        String firewall,
        String kernel,
        String kernelArchitecture,
        String kernelVersion,
        String osName,
        String osVersion,
        String project,
        String server,
        boolean serverClustered,
        String serverEventMode,
        String serverName,
        int serverPid,
        String serverVersion,
        String storage,
        String storageVersion,
        List<StorageDriverInfo> storageSupportedDrivers) {
}
