package dev.hako.ui.wizard.pool;

import dev.hako.lxd.LxdClient;

/**
 * Where pool creation lived before it moved below the UI, to
 * {@link dev.hako.model.pool.PoolCreation}; kept for callers outside this package until
 * they use that class.
 */
public final class PoolCreation {

    private PoolCreation() {
    }

    /** See {@link dev.hako.model.pool.PoolCreation}: the pool on every member, then the profile step. */
    public static void run(LxdClient client, dev.hako.model.pool.PoolRequest.ClusterRequest pool, String profile,
                           boolean newProfile) {
        dev.hako.model.pool.PoolCreation.run(client, pool, profile, newProfile);
    }
}
