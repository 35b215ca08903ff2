package dev.hako.model.migration;

import dev.hako.lxd.InstanceMigration;
import dev.hako.lxd.ServerKind;
import dev.hako.model.CommandLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code lxc}/{@code incus} command lines that do what a {@link MigrationPlan} does,
 * for an operator who wants to repeat or script it: the profiles copied first, a cold
 * move's stop and start, and {@code move}/{@code copy} with {@code --storage},
 * {@code --target-project}, {@code --target}, {@code --instance-only} and {@code --stateless}.
 * Remotes are named as Hako names them, which is how the CLI names them when they were
 * imported from it.
 */
public final class MigrationCommand {

    private MigrationCommand() {
    }

    /** {@code running}: whether the instance runs now (a cold move stops and starts it, a copy is stateless). */
    public static List<String> lines(ServerKind kind, MigrationPlan plan, boolean running) {
        InstanceMigration.Request r = plan.request();
        String from = plan.sourceRemote() + ":" + r.name();
        String to = plan.targetRemote() + ":" + r.newName();
        List<String> lines = new ArrayList<>();
        for (String profile : plan.profilesToCopy()) {
            lines.add(CommandLine.of(kind).add("profile", "copy", plan.sourceRemote() + ":" + profile,
                    plan.targetRemote() + ":" + profile).toString());
        }
        boolean coldMove = r.move() && running && !r.live();
        if (coldMove) {
            lines.add(CommandLine.of(kind).add("stop", from).toString());
        }
        CommandLine transfer = CommandLine.of(kind).add(r.move() ? "move" : "copy", from);
        if (!plan.withinServer() || !r.newName().equals(r.name()) || !r.move()) {
            transfer.add(to);
        }
        transfer.option("--storage", r.pool()).option("--target-project", plan.project())
                .option("--target", plan.member()).flag("--instance-only", r.instanceOnly())
                .flag("--stateless", !r.move() && running && !r.live());
        lines.add(transfer.toString());
        if (coldMove) {
            CommandLine start = CommandLine.of(kind).add("start", to);
            lines.add(start.option("--project", plan.project()).toString());
        }
        return lines;
    }
}
