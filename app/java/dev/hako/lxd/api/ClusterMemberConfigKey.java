package dev.hako.lxd.api;

/** A per-member setting a joining member must provide (e.g. a storage pool's source). */
public record ClusterMemberConfigKey(String entity, String name, String key, String value, String description) {
}
