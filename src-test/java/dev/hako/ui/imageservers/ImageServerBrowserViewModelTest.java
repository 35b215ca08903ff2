package dev.hako.ui.imageservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.UnreachableException;
import dev.hako.remote.simplestreams.ImageServer;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageServerBrowserViewModelTest {

    private static final ImageServer IMAGES = ImageServer.listed(Set.of(ServerKind.LXD), List.of()).get(0);

    private static SimplestreamsImage image(String alias, String os, String release, String arch, String type) {
        return new SimplestreamsImage(os + ":" + release + ":" + arch, os, release, release, arch, "default",
                List.of(alias), type, 1024 * 1024, alias.hashCode() + type, "20260101_00:00", Set.of("lxd"));
    }

    private static final SimplestreamsImage ALPINE = image("alpine/3.19", "Alpine", "3.19", "amd64", "container");
    private static final SimplestreamsImage ALPINE_VM = image("alpine/3.19", "Alpine", "3.19", "amd64",
            "virtual-machine");
    private static final SimplestreamsImage DEBIAN_ARM = image("debian/12", "Debian", "12", "arm64", "container");

    private final List<Boolean> reads = new ArrayList<>();

    private ImageServerBrowserViewModel model(ImageServerBrowserViewModel.Catalogue catalogue) {
        return new ImageServerBrowserViewModel(new CurrentThreadTaskExecutor(), new I18n(Locale.ENGLISH), IMAGES,
                catalogue);
    }

    @Test
    void readsOnlyWhenOpenedAndOnceThenNarrows() {
        ImageServerBrowserViewModel model = model((server, again) -> {
            reads.add(again);
            return List.of(DEBIAN_ARM, ALPINE_VM, ALPINE);
        });
        assertThat(reads).isEmpty();
        model.open();
        model.open();
        assertThat(reads).containsExactly(false);
        assertThat(model.shownImages()).containsExactly(ALPINE, ALPINE_VM, DEBIAN_ARM);
        assertThat(model.type().choices()).containsExactly("", "container", "virtual-machine");
        assertThat(model.statusProperty().get()).isEqualTo("3 of 3 images shown");
        model.type().value().set("virtual-machine");
        assertThat(model.shownImages()).containsExactly(ALPINE_VM);
        model.type().value().set("");
        model.architecture().value().set("arm64");
        assertThat(model.shownImages()).containsExactly(DEBIAN_ARM);
        model.architecture().value().set("");
        model.searchProperty().set("alpine 3.19");
        assertThat(model.shownImages()).containsExactly(ALPINE, ALPINE_VM);
        assertThat(model.statusProperty().get()).isEqualTo("2 of 3 images shown");
    }

    @Test
    void anUnreachableServerSaysSoAndIsReadAgainOnlyWhenAsked() {
        ImageServerBrowserViewModel model = model((server, again) -> {
            reads.add(again);
            throw UnreachableException.cannotReach("cannot read " + server.address() + ": no route",
                    server.address(), new java.io.IOException("no route"));
        });
        model.open();
        assertThat(model.shownImages()).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Cannot read the catalogue: ")
                .endsWith("then press Read again.");
        // Opening the browser again shows the failure; it does not retry by itself.
        model.open();
        assertThat(reads).containsExactly(false);
        model.reload();
        assertThat(reads).containsExactly(false, true);
    }
}
