package dev.hako.ui.wizard.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.model.pool.PoolUsage;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What has to be agreed to before a pool is deleted, and what is cleared with it. */
class DeletePoolViewModelTest {

    private final I18n i18n = new I18n(Locale.JAPANESE);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final List<String> calls = new ArrayList<>();

    private DeletePoolViewModel model(PoolUsage usage, DeletePoolViewModel.Deleter deleter) {
        return new DeletePoolViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs, usage, deleter);
    }

    @Test
    void profilesAndVolumesMustEachBeAgreedToAndTheNameTyped() {
        PoolUsage usage = PoolUsage.of("p1", List.of("/1.0/profiles/web", "/1.0/storage-pools/p1/volumes/custom/data"));
        DeletePoolViewModel model = model(usage, (profiles, volumes) -> calls.add(profiles + " " + volumes));
        assertThat(model.invalidProperty().get()).isTrue();
        model.typedNameProperty().set(" p1 ");
        assertThat(model.invalidProperty().get()).isTrue();
        model.clearProfilesProperty().set(true);
        assertThat(model.invalidProperty().get()).isTrue();
        model.clearVolumesProperty().set(true);
        assertThat(model.invalidProperty().get()).isFalse();
        model.delete();
        assertThat(calls).containsExactly("[web] [data]");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void anUnusedPoolNeedsOnlyItsNameAndNothingIsClearedWithIt() {
        DeletePoolViewModel model = model(PoolUsage.of("p1", List.of()),
                (profiles, volumes) -> calls.add(profiles + " " + volumes));
        model.typedNameProperty().set("p2");
        model.delete();
        assertThat(calls).isEmpty();
        model.typedNameProperty().set("p1");
        model.delete();
        assertThat(calls).containsExactly("[] []");
    }

    @Test
    void instancesOnThePoolBlockItWhateverIsTyped() {
        DeletePoolViewModel model = model(PoolUsage.of("p1", List.of("/1.0/instances/c1")),
                (profiles, volumes) -> calls.add("deleted"));
        model.typedNameProperty().set("p1");
        assertThat(model.invalidProperty().get()).isTrue();
        model.delete();
        assertThat(calls).isEmpty();
    }

    @Test
    void aRefusalIsShownInTheWindowsLanguageWithTheServersWords() {
        LxdException refused = new LxdException("DELETE failed", 400, "The storage pool is currently in use");
        DeletePoolViewModel model = model(PoolUsage.of("p1", List.of()), (profiles, volumes) -> {
            throw refused;
        });
        model.typedNameProperty().set("p1");
        model.delete();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("ストレージプール p1 を削除できませんでした");
            assertThat(shown.text()).isEqualTo("The storage pool is currently in use");
        });
    }
}
