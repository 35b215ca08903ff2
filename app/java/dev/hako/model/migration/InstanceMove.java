package dev.hako.model.migration;

import dev.hako.lxd.InstanceMigration;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilesPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies or moves an instance to another server: first the profiles it uses that the
 * destination lacks, then the instance itself ({@link InstanceMigration}). On any failure
 * the destination is left as it was: the profiles copied for this run are deleted again.
 */
public final class InstanceMove implements MigrationJob {

    private final LxdClient source;
    private final LxdClient target;
    private final MigrationPlan plan;
    private final InstanceMigration migration;

    public InstanceMove(LxdClient source, LxdClient target, MigrationPlan plan) {
        this.source = source;
        this.target = target;
        this.plan = plan;
        this.migration = new InstanceMigration(source, target, plan.request(), plan.member());
    }

    @Override
    public void run(Consumer<Operation> progress) {
        List<String> copied = new ArrayList<>();
        try {
            for (String profile : plan.profilesToCopy()) {
                Profile p = source.profiles().get(profile).value();
                target.profiles().create(new ProfilesPost(p.name(), p.description(),
                        p.config() == null ? Map.of() : p.config(), p.devices() == null ? Map.of() : p.devices()));
                copied.add(profile);
            }
            migration.run(progress);
        } catch (RuntimeException failure) {
            for (String profile : copied) {
                try {
                    target.profiles().delete(profile);
                } catch (RuntimeException stillUsed) {
                    failure.addSuppressed(stillUsed);
                }
            }
            throw failure;
        }
    }

    @Override
    public void cancel() {
        migration.cancel();
    }
}
