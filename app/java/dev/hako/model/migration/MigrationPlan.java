package dev.hako.model.migration;

import dev.hako.lxd.InstanceMigration;
import java.util.List;

/**
 * One copy or move of an instance, as the wizard agreed it: from which remote to which
 * (the same one for a move within a server), onto which cluster {@code member} (null: the
 * server or cluster chooses) and into which {@code project} (null: the destination's own),
 * the migration itself, and the profiles to copy to the destination first.
 */
public record MigrationPlan(String sourceRemote, String targetRemote, String member, String project,
                            InstanceMigration.Request request, List<String> profilesToCopy) {

    public MigrationPlan {
        profilesToCopy = List.copyOf(profilesToCopy);
    }

    /** True when it stays on its server: another pool, project or cluster member. */
    public boolean withinServer() {
        return sourceRemote.equals(targetRemote);
    }

    /** The same plan, cold: a running instance is stopped, moved and started again. */
    public MigrationPlan cold() {
        InstanceMigration.Request r = request;
        return new MigrationPlan(sourceRemote, targetRemote, member, project, new InstanceMigration.Request(r.name(),
                r.newName(), r.pool(), r.profiles(), r.move(), false, r.instanceOnly()), profilesToCopy);
    }
}
