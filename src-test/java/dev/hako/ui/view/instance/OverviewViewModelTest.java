package dev.hako.ui.view.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Instance;
import dev.hako.ui.common.I18n;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverviewViewModelTest {

    static Instance instance(String status, int code) {
        return new Instance("web", "front end", "x86_64", "container", status, code,
                Map.of("image.description", "Busybox"), Map.of(), false, List.of("default", "small"), false,
                Map.of(), Map.of(), OffsetDateTime.parse("2024-05-06T07:08:09Z"),
                OffsetDateTime.parse("0001-01-01T00:00:00Z"), "none", "default");
    }

    @Test
    void factsComeInTheLanguageOfTheMoment() {
        I18n i18n = new I18n(Locale.ENGLISH);
        OverviewViewModel model = new OverviewViewModel(i18n, instance("Running", 103));
        assertThat(model.facts()).extracting(OverviewViewModel.Fact::label)
                .containsExactly("Status", "Type", "Architecture", "Image", "Profiles", "Created", "Last used",
                        "Description");
        assertThat(model.facts()).contains(new OverviewViewModel.Fact("Status", "Running"),
                new OverviewViewModel.Fact("Profiles", "default, small"),
                new OverviewViewModel.Fact("Last used", "never"));

        i18n.setLocale(Locale.JAPANESE);
        assertThat(model.facts()).extracting(OverviewViewModel.Fact::label).first()
                .isEqualTo(i18n.get("instance.status")).isNotEqualTo("Status");
        assertThat(model.facts()).contains(new OverviewViewModel.Fact(i18n.get("instance.status"),
                i18n.get("status.running")), new OverviewViewModel.Fact(i18n.get("instance.lastUsed"),
                i18n.get("instance.never")));
    }

    @Test
    void aStatusTheBundlesDoNotKnowIsShownAsTheServerSaysIt() {
        OverviewViewModel model = new OverviewViewModel(new I18n(Locale.JAPANESE), instance("Migrating", 999));
        assertThat(model.facts().get(0).value()).isEqualTo("Migrating");
        assertThat(model.running()).isFalse();
        model.instanceProperty().set(instance("Running", 103));
        assertThat(model.running()).isTrue();
    }
}
