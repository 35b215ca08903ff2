package dev.hako.ui.wizard.pool;

import java.util.Map;

/**
 * Where the pool rules lived before they moved below the UI, to
 * {@link dev.hako.model.pool.PoolRequest}; kept for callers outside this package until
 * they use that class.
 */
public final class PoolRequest {

    private PoolRequest() {
    }

    /** See {@link dev.hako.model.pool.PoolRequest#buildForCluster}. */
    public static dev.hako.model.pool.PoolRequest.ClusterRequest buildForCluster(
            String name, String driver, String description, Map<String, String> values,
            Map<String, Map<String, String>> memberValues) {
        return dev.hako.model.pool.PoolRequest.buildForCluster(name, driver, description, values, memberValues);
    }
}
