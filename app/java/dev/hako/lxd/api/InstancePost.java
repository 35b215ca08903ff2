package dev.hako.lxd.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /1.0/instances/<name>} that moves an instance within its own server:
 * to another storage {@code pool}, another {@code project}, or (with {@code ?target=})
 * another cluster member. A null pool or project keeps it where it is.
 */
public record InstancePost(
        String name,
        boolean migration,
        boolean live,
        String pool,
        String project,
        @JsonProperty("instance_only") boolean instanceOnly) {

    public static InstancePost within(String newName, String pool, String project, boolean live,
                                      boolean instanceOnly) {
        return new InstancePost(newName, true, live, pool, project, instanceOnly);
    }
}
