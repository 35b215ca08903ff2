package dev.hako.ui.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.PreconditionFailedException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Tagged;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image form's rules, its commands, and what happens when the server refuses or someone else saved first. */
class ImageEditViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final List<String> sent = new ArrayList<>();

    private static Tagged<Image> image(Map<String, String> properties, boolean isPublic, String etag) {
        return new Tagged<>(new Image("0c8975597e05f946", "busybox.tar.gz", 1000, "x86_64", "container", false,
                false, isPublic, new LinkedHashMap<>(properties), List.of(), List.of("default"), null, null, null,
                null, null, "default"), etag);
    }

    private ImageEditViewModel model(Tagged<Image> read, ImageEditViewModel.Writer writer,
                                     ImageEditViewModel.Reader reader) {
        return new ImageEditViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs, ServerKind.LXD, "lab", "default", read,
                writer, reader);
    }

    @Test
    void theDescriptionHasItsOwnFieldAndAChangeShowsItsCommands() {
        ImageEditViewModel model = model(image(Map.of("os", "busybox", "description", "old"), false, "e1"),
                (put, etag) -> sent.add(put.properties() + " " + put.isPublic() + " " + etag), () -> null);
        assertThat(model.descriptionProperty().get()).isEqualTo("old");
        assertThat(model.properties()).hasSize(1);
        assertThat(model.invalidProperty().get()).as("nothing changed yet").isTrue();
        model.descriptionProperty().set("new one");
        model.publicProperty().set(true);
        assertThat(model.invalidProperty().get()).isFalse();
        assertThat(model.commandsProperty().get()).isEqualTo(
                "lxc image set-property lab:0c8975597e05 description 'new one'\n"
                        + "# lxc image edit lab:0c8975597e05   (public: true)");
        List<String> saved = new ArrayList<>();
        model.save(() -> saved.add("saved"), () -> saved.add("again"));
        assertThat(sent).containsExactly("{os=busybox, description=new one} true e1");
        assertThat(saved).containsExactly("saved");
    }

    @Test
    void badRowsAreNamedAndNothingIsSent() {
        ImageEditViewModel model = model(image(Map.of("os", "busybox"), false, "e1"), (put, etag) -> sent.add("x"),
                () -> null);
        model.addProperty();
        assertThat(model.problemProperty().get()).isEqualTo("Property 2 has no key. Type a key or remove the row.");
        model.properties().get(1).keyProperty().set("has space");
        assertThat(model.problemProperty().get()).contains("\"has space\"");
        model.properties().get(1).keyProperty().set("os");
        assertThat(model.problemProperty().get()).contains("there twice");
        model.properties().get(1).keyProperty().set("description");
        assertThat(model.problemProperty().get()).contains("its own field");
        model.properties().get(1).keyProperty().set("release");
        model.properties().get(1).valueProperty().set("1\n2");
        assertThat(model.problemProperty().get()).contains("control character");
        assertThat(model.invalidProperty().get()).isTrue();
        assertThat(model.commandsProperty().get()).isEmpty();
        model.properties().get(1).valueProperty().set("1");
        assertThat(model.problemProperty().get()).isNull();
        model.removeProperty(model.properties().get(1));
        assertThat(model.invalidProperty().get()).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void aChangeMadeElsewhereIsKeptAndTheUsersChangeLaidOverIt() {
        List<String> etags = new ArrayList<>();
        ImageEditViewModel model = model(image(Map.of("os", "busybox"), false, "e1"), (put, etag) -> {
            etags.add(etag);
            if ("e1".equals(etag)) {
                throw new PreconditionFailedException("changed", 412, "ETag doesn't match");
            }
            sent.add(new java.util.TreeMap<>(put.properties()) + " public=" + put.isPublic());
        }, () -> image(Map.of("os", "busybox", "serial", "7"), true, "e2"));
        model.descriptionProperty().set("mine");
        List<String> outcome = new ArrayList<>();
        model.save(() -> outcome.add("saved"), () -> outcome.add("again"));
        assertThat(outcome).containsExactly("again");
        assertThat(dialogs.shown()).extracting(ScriptedDialogService.Shown::header)
                .containsExactly("Image changed elsewhere");
        assertThat(model.descriptionProperty().get()).as("what the user typed").isEqualTo("mine");
        assertThat(model.publicProperty().get()).as("the other client's change").isTrue();
        assertThat(model.properties()).extracting(r -> r.keyProperty().get()).containsExactlyInAnyOrder("os", "serial");
        model.save(() -> outcome.add("saved"), () -> outcome.add("again"));
        assertThat(etags).containsExactly("e1", "e2");
        assertThat(sent).containsExactly("{description=mine, os=busybox, serial=7} public=true");
        assertThat(outcome).containsExactly("again", "saved");
    }

    @Test
    void aRefusalIsShownAndTheDraftStays() {
        ImageEditViewModel model = model(image(Map.of(), false, "e1"), (put, etag) -> {
            throw new LxdException("refused", 400, "Invalid property");
        }, () -> null);
        model.addProperty();
        model.properties().get(0).keyProperty().set("os");
        model.properties().get(0).valueProperty().set("busybox");
        List<String> outcome = new ArrayList<>();
        model.save(() -> outcome.add("saved"), () -> outcome.add("again"));
        assertThat(outcome).containsExactly("again");
        assertThat(dialogs.headlines()).containsExactly("Could not save image 0c8975597e05");
        assertThat(model.properties().get(0).valueProperty().get()).isEqualTo("busybox");
    }
}
