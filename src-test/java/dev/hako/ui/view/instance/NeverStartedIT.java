package dev.hako.ui.view.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Instance;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.I18n;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each server writes for an instance that was never started is read as "never", in both languages. */
class NeverStartedIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void lastUsedOfANeverStartedInstanceReadsNever(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "never");
            try {
                Instance fresh = client.instances().get(name).value();
                for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                    I18n i18n = new I18n(locale);
                    OverviewViewModel model = new OverviewViewModel(i18n, fresh);
                    assertThat(model.facts()).as("%s, %s, server wrote %s", daemon, locale, fresh.lastUsedAt())
                            .contains(new OverviewViewModel.Fact(i18n.get("instance.lastUsed"),
                                    i18n.get("instance.never")));
                }
            } finally {
                Instances.remove(client, name);
            }
        }
    }
}
