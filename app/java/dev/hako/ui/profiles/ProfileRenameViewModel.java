package dev.hako.ui.profiles;

import dev.hako.model.ActionCommands;
import dev.hako.model.NameRules;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.RenameViewModel;
import dev.hako.ui.common.TaskExecutor;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Renaming a profile: the rules profile names are created with, not taken. The {@code default}
 * profile is never renamed: the servers refuse it, so it is not offered.
 */
public final class ProfileRenameViewModel extends RenameViewModel {

    public static final String DEFAULT = "default";

    private final ActionCommands commands;
    private final Supplier<Set<String>> existing;

    /** {@code commands}: the command lines of the profile's remote. */
    public ProfileRenameViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, ActionCommands commands,
                                  String profile, Supplier<Set<String>> existing, Renamer renamer) {
        super(i18n, tasks, dialogs, profile, renamer);
        this.commands = commands;
        this.existing = existing;
        watchName();
    }

    /** Whether a profile can be renamed at all ({@code default} cannot). */
    public static boolean renamable(String profile) {
        return !DEFAULT.equals(profile);
    }

    @Override
    protected Optional<String> problemOf(String typed) {
        Optional<NameRules.Problem> bad = NameRules.check(typed);
        if (bad.isPresent()) {
            return Optional.of(i18n.get(bad.get().messageKey));
        }
        return typed.equals(DEFAULT) || existing.get().contains(typed)
                ? Optional.of(i18n.format("profile.rename.exists", typed)) : Optional.empty();
    }

    @Override
    protected String sameNameProblem() {
        return i18n.get("profile.rename.same");
    }

    @Override
    protected String commandFor(String typed) {
        return commands.renameProfile(name(), typed);
    }

    @Override
    protected String failedHeadline(String typed) {
        return i18n.format("profile.rename.failed", name(), typed);
    }
}
