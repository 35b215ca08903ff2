package dev.hako.lxd.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One supported storage driver; the server sends these keys capitalised (no json tags upstream). */
public record StorageDriverInfo(
        @JsonProperty("Name") String name,
        @JsonProperty("Version") String version,
        @JsonProperty("Remote") boolean remote) {
}
