package dev.hako.ui.network;

import dev.hako.lxd.ServerKind;
import dev.hako.model.NameRules;
import dev.hako.model.network.NetworkSpec;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.RenameViewModel;
import dev.hako.ui.common.TaskExecutor;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Renaming a managed network: the server's name rules, at most 15 characters, not taken. */
public final class NetworkRenameViewModel extends RenameViewModel {

    private final ServerKind kind;
    private final String remote;
    private final Supplier<Set<String>> existing;

    public NetworkRenameViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind,
                                  String remote, String network, Supplier<Set<String>> existing, Renamer renamer) {
        super(i18n, tasks, dialogs, network, renamer);
        this.kind = kind;
        this.remote = remote;
        this.existing = existing;
        watchName();
    }

    @Override
    protected Optional<String> problemOf(String typed) {
        Optional<NameRules.Problem> bad = NameRules.check(typed);
        if (bad.isPresent()) {
            return Optional.of(i18n.get(bad.get().messageKey));
        }
        if (typed.length() > NetworkCreateViewModel.MAX_NAME) {
            return Optional.of(i18n.get("action.network.tooLong"));
        }
        return existing.get().contains(typed) ? Optional.of(i18n.format("network.problem.exists", typed))
                : Optional.empty();
    }

    @Override
    protected String sameNameProblem() {
        return i18n.get("network.rename.same");
    }

    @Override
    protected String commandFor(String typed) {
        return NetworkSpec.renameCommand(kind, remote, name(), typed);
    }

    @Override
    protected String failedHeadline(String typed) {
        return i18n.format("network.rename.failed", name(), typed);
    }
}
