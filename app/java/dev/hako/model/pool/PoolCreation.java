package dev.hako.model.pool;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.lxd.api.Tagged;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates a pool and, if asked, makes it the root disk of a profile (new or existing).
 * Never leaves half an object: if the profile step fails, what this run created (the
 * profile, then the pool) is deleted again and the failure says so.
 */
public final class PoolCreation {

    /**
     * The profile step failed ({@link #failure()}); {@link #rolledBack()} tells whether the
     * new pool was deleted again, {@link #rollbackFailure()} why not when it was not.
     */
    public static final class AttachFailedException extends RuntimeException {
        private final transient RuntimeException failure;
        private final transient RuntimeException rollbackFailure;

        public AttachFailedException(RuntimeException failure, RuntimeException rollbackFailure) {
            super("attaching the pool to the profile failed"
                    + (rollbackFailure == null ? "; the pool was deleted again" : "; the pool is left"), failure);
            this.failure = failure;
            this.rollbackFailure = rollbackFailure;
        }

        public RuntimeException failure() {
            return failure;
        }

        public boolean rolledBack() {
            return rollbackFailure == null;
        }

        /** Why deleting the pool again failed too; null when it was deleted. */
        public RuntimeException rollbackFailure() {
            return rollbackFailure;
        }
    }

    /**
     * Everything the wizard decided: the pool ({@code cluster} when the remote is a
     * cluster, else {@code pool}), and the profile whose root disk it becomes (null for
     * none; {@code newProfile} when that profile is created first).
     */
    public record Plan(StoragePoolsPost pool, PoolRequest.ClusterRequest cluster, String profile,
                       boolean newProfile) {

        public String poolName() {
            return cluster == null ? pool.name() : cluster.global().name();
        }
    }

    private PoolCreation() {
    }

    /** Runs a plan: on a cluster member by member, else in one request; then the profile step. */
    public static void run(LxdClient client, Plan plan) {
        if (plan.cluster() == null) {
            run(client, plan.pool(), plan.profile(), plan.newProfile());
        } else {
            run(client, plan.cluster(), plan.profile(), plan.newProfile());
        }
    }

    /**
     * Runs the whole creation. {@code profile} is null for no profile; {@code newProfile}
     * says whether it must be created first.
     */
    public static void run(LxdClient client, StoragePoolsPost pool, String profile, boolean newProfile) {
        client.storage().createPool(pool, null);
        attach(client, pool.name(), profile, newProfile);
    }

    /**
     * The same on a cluster: the pool is defined on each member with its own values
     * (pending), then created cluster-wide. If any step is refused, the pending pool is
     * deleted again, so no member keeps half of it.
     */
    public static void run(LxdClient client, PoolRequest.ClusterRequest pool, String profile, boolean newProfile) {
        String name = pool.global().name();
        try {
            pool.perMember().forEach((member, post) -> client.storage().createPool(post, member));
            client.storage().createPool(pool.global(), null);
        } catch (RuntimeException failure) {
            try {
                client.storage().deletePool(name);
            } catch (dev.hako.lxd.NotFoundException nothingLeft) {
                // The first member refused it: there is nothing to remove.
            } catch (RuntimeException rollback) {
                failure.addSuppressed(rollback);
            }
            throw failure;
        }
        attach(client, name, profile, newProfile);
    }

    private static void attach(LxdClient client, String poolName, String profile, boolean newProfile) {
        if (profile == null) {
            return;
        }
        boolean profileCreated = false;
        try {
            if (newProfile) {
                client.profiles().create(new ProfilesPost(profile, "", Map.of(), Map.of()));
                profileCreated = true;
            }
            Tagged<Profile> current = client.profiles().get(profile);
            client.profiles().update(profile, withRoot(current.value(), poolName), current.etag());
        } catch (RuntimeException failure) {
            if (profileCreated) {
                try {
                    client.profiles().delete(profile);
                } catch (RuntimeException ignored) {
                    // The pool deletion below reports what is left.
                }
            }
            RuntimeException rollbackFailure = null;
            try {
                client.storage().deletePool(poolName);
            } catch (RuntimeException rollback) {
                rollbackFailure = rollback;
            }
            throw new AttachFailedException(failure, rollbackFailure);
        }
    }

    /** The profile with its {@code root} device replaced by a disk on {@code pool}. */
    public static ProfilePut withRoot(Profile profile, String pool) {
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        if (profile.devices() != null) {
            devices.putAll(profile.devices());
        }
        Map<String, String> root = new LinkedHashMap<>();
        root.put("type", "disk");
        root.put("path", "/");
        root.put("pool", pool);
        devices.put("root", root);
        return new ProfilePut(profile.config() == null ? Map.of() : profile.config(), profile.description(), devices);
    }
}
