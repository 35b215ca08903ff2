package dev.hako.model.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.ImagePut;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageEditTest {

    private static ImagePut put(Map<String, String> properties, boolean isPublic, boolean autoUpdate) {
        return new ImagePut(autoUpdate, properties, isPublic, null, List.of("default"));
    }

    @Test
    void commandsSetUnsetAndNameTheEditForTheFlags() {
        ImageEdit edit = new ImageEdit(put(Map.of("os", "busybox", "release", "1"), false, false),
                put(Map.of("os", "BusyBox", "description", "tiny image"), true, false));
        assertThat(edit.changed()).isTrue();
        assertThat(edit.commands(ServerKind.LXD, "default", "0c89")).containsExactlyInAnyOrder(
                "lxc image set-property 0c89 os BusyBox",
                "lxc image set-property 0c89 description 'tiny image'",
                "lxc image unset-property 0c89 release",
                "# lxc image edit 0c89   (public: true)");
        assertThat(edit.commands(ServerKind.INCUS, "web", "0c89")).contains(
                "incus image unset-property 0c89 --project web release");
    }

    @Test
    void nothingChangedMeansNoCommand() {
        ImageEdit same = new ImageEdit(put(Map.of("os", "a"), true, true), put(Map.of("os", "a"), true, true));
        assertThat(same.changed()).isFalse();
        assertThat(same.commands(ServerKind.LXD, null, "fp")).isEmpty();
        assertThat(ImageEdit.refreshCommand(ServerKind.INCUS, "default", "fp")).isEqualTo("incus image refresh fp");
    }

    @Test
    void theUsersChangeGoesOverANewerVersionAndKeepsTheOtherClientsChange() {
        ImagePut base = put(Map.of("os", "busybox", "release", "1", "note", "old"), false, false);
        ImagePut draft = put(Map.of("os", "busybox", "release", "2"), false, true);
        // Meanwhile another client changed os and public, and added a property.
        ImagePut newer = put(Map.of("os", "BusyBox", "release", "1", "note", "old", "serial", "7"), true, false);
        ImagePut merged = new ImageEdit(base, draft).over(newer);
        assertThat(merged.properties()).containsOnly(Map.entry("os", "BusyBox"), Map.entry("release", "2"),
                Map.entry("serial", "7"));
        assertThat(merged.isPublic()).as("the other client's change").isTrue();
        assertThat(merged.autoUpdate()).as("the user's change").isTrue();
    }
}
