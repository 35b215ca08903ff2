package dev.hako.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Renaming a network: the name rules, the command, and a refusal that keeps the new name. */
class NetworkRenameViewModelTest {

    private final I18n i18n = new I18n(Locale.JAPANESE);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final List<String> renamed = new ArrayList<>();

    @Test
    void checksTheNameAndOffersTheCommand() {
        NetworkRenameViewModel model = new NetworkRenameViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs,
                ServerKind.INCUS, "lab", "br1", () -> Set.of("br1", "br2"), (a, b) -> renamed.add(a + ">" + b));
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("network.rename.same"));
        model.newNameProperty().set("br2");
        assertThat(model.problemProperty().get()).isEqualTo("br2 という名前のネットワークはすでにあります。");
        model.newNameProperty().set("1br");
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("name.problem.badStart"));
        model.newNameProperty().set("br-renamed-long1");
        assertThat(model.problemProperty().get()).isEqualTo(i18n.get("action.network.tooLong"));
        assertThat(model.commandProperty().get()).isEmpty();
        model.newNameProperty().set("br3");
        assertThat(model.commandProperty().get()).isEqualTo("incus network rename lab:br1 br3");
        model.rename(() -> { });
        assertThat(renamed).containsExactly("br1>br3");
    }

    @Test
    void aRefusalIsShownAndTheFormComesBackWithTheNewName() {
        NetworkRenameViewModel model = new NetworkRenameViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs,
                ServerKind.LXD, "lab", "br1", Set::of, (a, b) -> {
                    throw new BadRequestException("POST /1.0/networks/br1", 400, "Network is currently in use");
                });
        model.newNameProperty().set("br3");
        List<String> reopened = new ArrayList<>();
        model.rename(() -> reopened.add(model.newNameProperty().get()));
        assertThat(dialogs.shown()).singleElement().satisfies(s -> {
            assertThat(s.header()).isEqualTo("ネットワーク br1 の名前を br3 に変更できませんでした");
            assertThat(s.text()).isEqualTo("Network is currently in use");
        });
        assertThat(reopened).containsExactly("br3");
    }
}
