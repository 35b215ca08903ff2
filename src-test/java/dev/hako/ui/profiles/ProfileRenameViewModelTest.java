package dev.hako.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.model.ActionCommands;
import dev.hako.lxd.BadRequestException;
import dev.hako.lxd.ServerKind;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Renaming a profile: the name rules checked before sending, the command, and a refusal that keeps the name. */
class ProfileRenameViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final List<String> renamed = new ArrayList<>();

    private ProfileRenameViewModel model(ServerKind kind) {
        return new ProfileRenameViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs,
                new ActionCommands(kind, "local", null), "web",
                () -> Set.of("default", "web", "db"), (a, b) -> renamed.add(a + ">" + b));
    }

    @Test
    void checksTheNameBeforeSendingAndShowsTheCommand() {
        ProfileRenameViewModel model = model(ServerKind.LXD);
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("profile.rename.same"));
        assertThat(model.invalidProperty().get()).isTrue();
        model.newNameProperty().set("db");
        assertThat(model.problemProperty().get()).isEqualTo("There is already a profile named db.");
        model.newNameProperty().set("default");
        assertThat(model.problemProperty().get()).isEqualTo("There is already a profile named default.");
        model.newNameProperty().set("");
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("name.problem.empty"));
        model.newNameProperty().set("web server");
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("name.problem.badCharacter"));
        model.newNameProperty().set("-web");
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("name.problem.badStart"));
        assertThat(model.commandProperty().get()).isEmpty();
        model.rename(() -> { });
        assertThat(renamed).isEmpty();

        model.newNameProperty().set(" web2 ");
        assertThat(model.invalidProperty().get()).isFalse();
        assertThat(model.commandProperty().get()).isEqualTo("lxc profile rename local:web web2");
        model.rename(() -> { });
        assertThat(renamed).containsExactly("web>web2");
    }

    @Test
    void theCommandNamesTheServersCli() {
        ProfileRenameViewModel model = model(ServerKind.INCUS);
        model.newNameProperty().set("web3");
        assertThat(model.commandProperty().get()).isEqualTo("incus profile rename local:web web3");
    }

    @Test
    void theDefaultProfileIsNotOffered() {
        assertThat(ProfileRenameViewModel.renamable("default")).isFalse();
        assertThat(ProfileRenameViewModel.renamable("web")).isTrue();
    }

    @Test
    void aRefusalIsShownAndTheFormComesBackWithTheNewName() {
        I18n ja = new I18n(Locale.JAPANESE);
        ScriptedDialogService shown = new ScriptedDialogService(ja);
        ProfileRenameViewModel model = new ProfileRenameViewModel(ja, new CurrentThreadTaskExecutor(), shown,
                new ActionCommands(ServerKind.LXD, "local", null), "web", Set::of, (a, b) -> {
                    throw new BadRequestException("POST /1.0/profiles/web", 400, "Name \"x\" already in use");
                });
        model.newNameProperty().set("web2");
        List<String> reopened = new ArrayList<>();
        model.rename(() -> reopened.add(model.newNameProperty().get()));
        assertThat(shown.shown()).singleElement().satisfies(s -> {
            assertThat(s.header()).isEqualTo("プロファイル web の名前を web2 に変更できませんでした");
            assertThat(s.text()).isEqualTo("Name \"x\" already in use");
        });
        assertThat(reopened).containsExactly("web2");
    }
}
