package dev.hako.lxd.api;

/** An instance as {@code GET /1.0/instances?recursion=2} returns it, reduced to what metrics need. */
public record InstanceWithState(String name, String project, String type, String status, InstanceState state) {
}
