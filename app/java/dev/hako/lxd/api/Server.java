package dev.hako.lxd.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /1.0}. Config values are strings, except hidden keys (such as
 * {@code core.trust_password}) which come back as {@code true}.
 */
public record Server(
        Map<String, Object> config,
        List<String> apiExtensions,
        String apiStatus,
        String apiVersion,
        String auth,
        List<String> authMethods,
        @com.fasterxml.jackson.annotation.JsonProperty("public") boolean isPublic,
        ServerEnvironment environment) {

    public boolean trusted() {
        return "trusted".equals(auth);
    }

    public boolean hasExtension(String name) {
        return apiExtensions != null && apiExtensions.contains(name);
    }
}
