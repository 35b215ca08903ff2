package dev.hako.lxd.api;

/** {@code GET /1.0/networks/<name>/leases}: one DHCP lease. */
public record NetworkLease(String hostname, String hwaddr, String address, String type, String location) {
}
