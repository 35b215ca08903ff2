package dev.hako.ui.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.ServerKind;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NewProjectViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);

    @Test
    void namesAreCheckedAsTheServersCheckThem() {
        NewProjectViewModel model = new NewProjectViewModel(i18n, ServerKind.LXD, "lab");
        assertThat(model.problemProperty().get()).isEqualTo("A name is required.");
        model.nameProperty().set("team_a");
        assertThat(model.problemProperty().get()).contains("underscore");
        model.nameProperty().set("team a");
        assertThat(model.problemProperty().get()).contains("spaces");
        model.nameProperty().set("..");
        assertThat(model.invalidProperty().get()).isTrue();
        model.nameProperty().set("team.a");
        assertThat(model.invalidProperty().get()).isFalse();
    }

    @Test
    void limitsAreCountsOrSizesAndTheCommandShowsWhatIsSent() {
        NewProjectViewModel model = new NewProjectViewModel(i18n, ServerKind.INCUS, "lab");
        model.nameProperty().set("web");
        model.limitProperty(NewProjectViewModel.Limit.INSTANCES).set("ten");
        assertThat(model.problemProperty().get()).isEqualTo("limits.instances: \"ten\" is not a whole number (0 or more).");
        model.limitProperty(NewProjectViewModel.Limit.INSTANCES).set("10");
        model.limitProperty(NewProjectViewModel.Limit.MEMORY).set("4 gigs");
        assertThat(model.problemProperty().get()).startsWith("limits.memory:");
        assertThat(model.commandProperty().get()).isEmpty();
        model.limitProperty(NewProjectViewModel.Limit.MEMORY).set("4GiB");
        model.featureProperty(NewProjectViewModel.Feature.NETWORKS).set(true);
        model.descriptionProperty().set("Web team");
        assertThat(model.invalidProperty().get()).isFalse();
        assertThat(model.request().config()).containsEntry("features.images", "true")
                .containsEntry("features.networks", "true").containsEntry("limits.instances", "10")
                .containsEntry("limits.memory", "4GiB").doesNotContainKey("limits.disk");
        assertThat(model.commandProperty().get()).isEqualTo("incus project create lab:web -c features.images=true"
                + " -c features.profiles=true -c features.storage.volumes=true -c features.networks=true"
                + " -c limits.instances=10 -c limits.memory=4GiB\n# incus project edit lab:web   (description)");
    }

    @Test
    void aRefusalIsShownAndTheFormComesBackAsTyped() {
        ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
        NewProjectViewModel model = new NewProjectViewModel(i18n, ServerKind.LXD, "lab");
        model.nameProperty().set("web");
        List<String> again = new ArrayList<>();
        model.create(new CurrentThreadTaskExecutor(), dialogs, request -> {
            throw new LxdException("refused", 409, "The project already exists");
        }, () -> again.add("shown again"));
        assertThat(dialogs.headlines()).containsExactly("Could not create the project web");
        assertThat(again).containsExactly("shown again");
        assertThat(model.nameProperty().get()).isEqualTo("web");
    }
}
