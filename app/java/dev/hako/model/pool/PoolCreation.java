package dev.hako.ui.wizard.pool;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.LxdException;
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

    /** The profile step failed; {@code rolledBack} tells whether the new pool was deleted again. */
    public static final class AttachFailedException extends RuntimeException {
        private final transient RuntimeException cause;
        private final boolean rolledBack;
        private final String rollbackFailure;

        AttachFailedException(RuntimeException cause, boolean rolledBack, String rollbackFailure) {
            super(messageOf(cause), cause);
            this.cause = cause;
            this.rolledBack = rolledBack;
            this.rollbackFailure = rollbackFailure;
        }

        public RuntimeException failure() {
            return cause;
        }

        public boolean rolledBack() {
            return rolledBack;
        }

        /** The server's words when deleting the pool again failed too; null otherwise. */
        public String rollbackFailure() {
            return rollbackFailure;
        }
    }

    static String messageOf(RuntimeException e) {
        if (e instanceof LxdException lxd && lxd.serverMessage() != null) {
            return lxd.serverMessage();
        }
        return String.valueOf(e.getMessage());
    }

    private PoolCreation() {
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
            try {
                client.storage().deletePool(poolName);
                throw new AttachFailedException(failure, true, null);
            } catch (AttachFailedException e) {
                throw e;
            } catch (RuntimeException rollback) {
                throw new AttachFailedException(failure, false, messageOf(rollback));
            }
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
