package dev.hako.ui.wizard.migrate;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Instance;
import dev.hako.model.RemoteModel;
import dev.hako.model.migration.Destination;
import dev.hako.model.migration.InstanceMove;
import dev.hako.model.migration.MigrationJob;
import dev.hako.model.migration.MigrationPlan;
import dev.hako.model.migration.MoveWithinServer;
import dev.hako.model.migration.Preflight;
import java.util.List;

/**
 * What the migration wizard needs of the remotes: what a destination has now (read on
 * the FX thread from its live collections), both servers as they describe themselves
 * (read in the background, just before the checks) and the job that carries out a plan.
 */
public interface MigrationRemotes {

    /** The CLI the servers go with. */
    ServerKind kind();

    /** What {@code remote} holds now; null while it is being read. */
    Destination destination(String remote);

    /** Both ends of {@code plan} as the servers say now: blocks on I/O, call in the background. */
    Preflight.Ends ends(Instance instance, Destination destination, MigrationPlan plan);

    /** The transfer of {@code plan}: within the source's server, or to another one. */
    MigrationJob job(MigrationPlan plan);

    /** The application's remotes: {@code source} and the connected remotes of its kind in {@code targets}. */
    static MigrationRemotes of(RemoteModel source, List<RemoteModel> targets) {
        return new MigrationRemotes() {
            private RemoteModel named(String name) {
                return name.equals(source.name()) ? source
                        : targets.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
            }

            @Override
            public ServerKind kind() {
                return source.client().kind();
            }

            @Override
            public Destination destination(String remote) {
                return Destination.of(named(remote));
            }

            @Override
            public Preflight.Ends ends(Instance instance, Destination destination, MigrationPlan plan) {
                LxdClient from = source.client();
                LxdClient to = named(plan.targetRemote()).client();
                Instance current = from.instances().get(instance.name()).value();
                return new Preflight.Ends(from.refreshServer(), from.endpoint(),
                        plan.withinServer() ? from.serverInfo() : to.refreshServer(), to.endpoint(), current,
                        destination, plan);
            }

            @Override
            public MigrationJob job(MigrationPlan plan) {
                return plan.withinServer() ? new MoveWithinServer(source.client(), plan)
                        : new InstanceMove(source.client(), named(plan.targetRemote()).client(), plan);
            }
        };
    }
}
