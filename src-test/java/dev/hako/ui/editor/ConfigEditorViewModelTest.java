package dev.hako.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.model.RemoteModel;
import dev.hako.model.config.ConfigSave;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import dev.hako.model.config.ObjectKind;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The config editor's view model on a profile kept in memory: one draft, the review, the save and its failures. */
class ConfigEditorViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final RemoteModel remote = new RemoteModel("offline", new Endpoint.UnixSocket(Path.of("/nonexistent")));
    private InMemoryConfigStore server;
    private ConfigEditorViewModel model;
    private DraftEdits edits;

    private static EditDocument profile(Map<String, String> config, String description) {
        return EditDocument.of(ObjectKind.PROFILE, new ProfilePut(config, description,
                Map.of("root", Map.of("type", "disk", "path", "/", "pool", "default"))));
    }

    private static Map<String, String> with(Map<String, String> config, String key, String value) {
        Map<String, String> copy = new HashMap<>(config);
        copy.put(key, value);
        return copy;
    }

    @BeforeEach
    void open() {
        server = new InMemoryConfigStore(profile(Map.of("limits.cpu", "1", "user.a", "1"), "web servers"));
        model = new ConfigEditorViewModel(EditTarget.profile("web"), new ConfigSave(server), remote, i18n,
                new CurrentThreadTaskExecutor(), dialogs, ConfigCatalog.shipped());
        edits = model.edits();
        model.load();
    }

    @AfterEach
    void close() {
        remote.close();
    }

    private void saveThroughReview() {
        model.save();
        assertThat(model.overlayProperty().get()).isEqualTo(ConfigEditorViewModel.Overlay.REVIEW);
        model.confirmSave();
    }

    @Test
    void formDevicesAndYamlAllEditTheOneDraft() {
        edits.setConfigValue("limits.cpu", "2");
        edits.addDevice("data", "disk");
        edits.putDevice("data", Map.of("type", "disk", "path", "/data", "source", "/srv/data"));
        // The YAML tab shows both edits, and an edit there keeps them.
        String yaml = edits.yaml();
        assertThat(yaml).contains("limits.cpu: '2'").contains("path: /data");
        edits.editYaml(yaml.replace("description: web servers", "description: edited as YAML"));
        // Back on the form: another key, and nothing of the other tabs is lost.
        edits.setConfigValue("user.a", "2");

        EditDocument draft = model.draft();
        assertThat(draft.config()).containsEntry("limits.cpu", "2").containsEntry("user.a", "2");
        assertThat(draft.devices()).containsKeys("root", "data");
        assertThat(draft.description()).isEqualTo("edited as YAML");
        assertThat(model.isDirty()).isTrue();
    }

    @Test
    void theReviewListsEveryChangeAndTheSaveSendsThemAll() {
        edits.setConfigValue("limits.cpu", "2");
        edits.putDevice("data", Map.of("type", "disk", "path", "/data", "source", "/srv/data"));
        edits.editYaml(edits.yaml().replace("description: web servers", "description: three tabs"));

        model.save();
        // While the save writes, the editor says so (and its tabs take no edits).
        server.onNextStore(() -> assertThat(model.savingProperty().get()).isTrue());
        ReviewContent review = model.reviewProperty().get();
        assertThat(review.changedKeys()).containsExactlyInAnyOrder("config.limits.cpu", "devices.data",
                "description");
        assertThat(review.diff()).extracting(LineDiff.Line::render).contains("+   limits.cpu: '2'");
        model.confirmSave();

        assertThat(server.document().config()).containsEntry("limits.cpu", "2");
        assertThat(server.document().devices()).containsKey("data");
        assertThat(server.document().description()).isEqualTo("three tabs");
        assertThat(model.bannerProperty().get().keys()).containsExactly("editor.saved");
        assertThat(model.draft()).isEqualTo(server.document());
        assertThat(model.isDirty()).isFalse();
        assertThat(model.savingProperty().get()).isFalse();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aChangeOfAnotherKeyOnTheServerIsRebasedOnto() {
        edits.setConfigValue("limits.cpu", "2");
        model.save();
        // After the review, somebody adds a key; and once more between our read and our write (412).
        server.changeElsewhere(profile(with(server.document().config(), "user.b", "theirs"), "web servers"));
        server.onNextStore(() -> server.changeElsewhere(profile(with(server.document().config(), "user.c", "late"),
                "web servers")));
        model.confirmSave();

        assertThat(server.stores()).isEqualTo(2);
        assertThat(server.document().config()).containsEntry("limits.cpu", "2").containsEntry("user.b", "theirs")
                .containsEntry("user.c", "late");
        assertThat(model.overlayProperty().get()).isEqualTo(ConfigEditorViewModel.Overlay.NONE);
        assertThat(model.draft()).isEqualTo(server.document());
        assertThat(model.bannerProperty().get().keys()).containsExactly("editor.saved");
    }

    @Test
    void aChangeOfTheSameKeyOpensTheConflictAndOverwritesNothing() {
        edits.setConfigValue("limits.cpu", "2");
        model.save();
        EditDocument theirs = profile(with(server.document().config(), "limits.cpu", "7"), "changed elsewhere");
        server.changeElsewhere(theirs);
        model.confirmSave();

        assertThat(model.overlayProperty().get()).isEqualTo(ConfigEditorViewModel.Overlay.CONFLICT);
        assertThat(server.document()).isEqualTo(theirs);
        ConflictChoices conflict = model.conflictProperty().get();
        assertThat(conflict.mine().config()).containsEntry("limits.cpu", "2");
        conflict.choose("config.limits.cpu", true);
        model.takeMerged();
        assertThat(model.draft().config()).containsEntry("limits.cpu", "2");
        assertThat(model.draft().description()).isEqualTo("changed elsewhere");

        saveThroughReview();
        assertThat(server.document().config()).containsEntry("limits.cpu", "2");
        assertThat(server.document().description()).isEqualTo("changed elsewhere");
    }

    @Test
    void aRefusedSaveKeepsTheDraftAndNamesTheKey() {
        server.refuse("limits.bogus_key");
        edits.setConfigValue("limits.cpu", "3");
        edits.setConfigValue("limits.bogus_key", "1");
        saveThroughReview();

        assertThat(model.draft().config()).containsEntry("limits.bogus_key", "1").containsEntry("limits.cpu", "3");
        assertThat(model.isDirty()).isTrue();
        assertThat(server.document().config()).doesNotContainKey("limits.bogus_key").containsEntry("limits.cpu", "1");
        Banner banner = model.bannerProperty().get();
        assertThat(banner.error()).isTrue();
        assertThat(banner.keys()).containsExactly("editor.saveFailed");
        assertThat(banner.text(i18n)).contains("Unknown configuration key: limits.bogus_key");
        assertThat(model.serverErrors()).containsKey("limits.bogus_key");
        // The server judged the draft: said in the editor, not in a dialog.
        assertThat(dialogs.errors()).isEmpty();

        // Corrected, it saves; the server's complaint goes with the key.
        edits.removeConfigKey("limits.bogus_key");
        assertThat(model.serverErrors()).isEmpty();
        saveThroughReview();
        assertThat(server.document().config()).containsEntry("limits.cpu", "3");
    }

    @Test
    void aChangeSavedButNotAppliedToEveryInstanceShowsTheServersVersionAndNamesEachInstance() {
        server.keepButFailFor("The following instances failed to update (profile change still saved):\n"
                + " - Project: default, Instance: web-2: bind: address already in use\n"
                + " - Project: default, Instance: web-3: bind: address already in use\n");
        edits.putDevice("fwd", Map.of("type", "proxy", "listen", "tcp:127.0.0.1:18080",
                "connect", "tcp:127.0.0.1:80"));
        saveThroughReview();

        assertThat(server.document().devices()).containsKey("fwd");
        assertThat(model.isDirty()).as("nothing is left to save").isFalse();
        assertThat(model.draft()).isEqualTo(server.document());
        Banner banner = model.bannerProperty().get();
        assertThat(banner.keys()).containsExactly("editor.savedNotEverywhere");
        assertThat(banner.text(i18n)).startsWith("Saved on the server, but 2 instances that use it could not take")
                .contains("web-2 — bind: address already in use").contains("web-3 — bind: address already in use")
                .doesNotContain("refused");
        assertThat(dialogs.errors()).isEmpty();

        // A second save has nothing to send; the banner goes once the user edits again.
        model.save();
        assertThat(model.bannerProperty().get().keys()).containsExactly("editor.noChanges");
        edits.setConfigValue("user.after", "x");
        assertThat(model.bannerProperty().get()).isNull();
    }

    @Test
    void aSaveThatCannotReachTheServerKeepsTheDraftAndSaysWhy() {
        server.failStoresAsUnreachable();
        edits.setConfigValue("user.a", "mine");
        saveThroughReview();

        assertThat(model.draft().config()).containsEntry("user.a", "mine");
        assertThat(model.bannerProperty().get().keys()).containsExactly("editor.saveNotDone");
        assertThat(dialogs.errors()).hasSize(1);
        assertThat(dialogs.headlines()).containsExactly("Could not save the configuration of web");
        assertThat(model.savingProperty().get()).isFalse();
    }

    @Test
    void invalidInputIsRefusedWithoutARequest() {
        int loads = server.loads();
        edits.editYaml("config:\n  limits.cpu: [\n");
        assertThat(edits.yamlProblems()).isNotEmpty();
        model.save();
        assertThat(model.bannerProperty().get().keys()).containsExactly("editor.invalidNotSent");
        assertThat(model.bannerProperty().get().text(i18n)).startsWith("Nothing was sent.").contains("Line ");

        // An edit on the form cannot go into that text: the YAML is given up for the draft, and said so.
        edits.setConfigValue("limits.memory", "lots");
        assertThat(edits.yamlInvalidProperty().get()).isFalse();
        assertThat(model.bannerProperty().get().keys()).containsExactly("editor.yaml.replaced");
        model.save();
        assertThat(model.bannerProperty().get().text(i18n)).contains("limits.memory");
        assertThat(server.loads()).isEqualTo(loads);
    }

    @Test
    void aNetworksDhcpRangeOutsideItsSubnetOrInvertedIsRefusedWithoutARequest() {
        // Documentation addresses; the rule is DhcpRangesTest's, this is where the editor applies it.
        InMemoryConfigStore network = new InMemoryConfigStore(EditDocument.of(ObjectKind.NETWORK,
                new dev.hako.lxd.api.NetworkPut(Map.of("ipv4.address", "192.0.2.1/24"), "")));
        ConfigEditorViewModel editor = new ConfigEditorViewModel(EditTarget.network("br0"), new ConfigSave(network),
                remote, i18n, new CurrentThreadTaskExecutor(), dialogs, ConfigCatalog.shipped());
        editor.load();
        int loads = network.loads();
        editor.edits().setConfigValue("ipv4.dhcp.ranges", "192.0.2.200-192.0.2.100");
        assertThat(editor.edits().problemOf("ipv4.dhcp.ranges", "192.0.2.200-192.0.2.100").message(i18n))
                .contains("the first address comes after the last");
        editor.save();
        assertThat(editor.bannerProperty().get().keys()).containsExactly("editor.invalidNotSent");
        assertThat(editor.bannerProperty().get().text(i18n)).contains("ipv4.dhcp.ranges");
        // Moving the subnet instead makes a range valid that was outside it.
        editor.edits().setConfigValue("ipv4.dhcp.ranges", "198.51.100.10-198.51.100.20");
        assertThat(editor.edits().problemOf("ipv4.dhcp.ranges", "198.51.100.10-198.51.100.20")).isNotNull();
        editor.edits().setConfigValue("ipv4.address", "198.51.100.1/24");
        assertThat(editor.edits().problemOf("ipv4.dhcp.ranges", "198.51.100.10-198.51.100.20")).isNull();
        assertThat(network.loads()).isEqualTo(loads);
        assertThat(network.document().config()).doesNotContainKey("ipv4.dhcp.ranges");
        assertThat(editor.draft().config()).containsEntry("ipv4.dhcp.ranges", "198.51.100.10-198.51.100.20");
    }

    @Test
    void staleResultsAreDropped() {
        // The object changes and a second load starts while the first one's answer is on its way:
        // only the second one's answer counts.
        EditDocument newer = profile(Map.of("limits.cpu", "5"), "newer");
        server.onNextLoad(() -> {
            server.changeElsewhere(newer);
            model.load();
        });
        model.load();
        assertThat(model.draft()).isEqualTo(newer);
        assertThat(model.loaded().document()).isEqualTo(newer);

        // An edit made while the server is read before the review: the review is of the newer draft.
        edits.setConfigValue("limits.cpu", "6");
        server.onNextLoad(() -> edits.setConfigValue("user.late", "typed meanwhile"));
        model.save();
        assertThat(model.reviewProperty().get().document().config()).containsEntry("limits.cpu", "6")
                .containsEntry("user.late", "typed meanwhile");

        // A disposed editor takes no more answers.
        model.closeOverlay();
        model.dispose();
        server.changeElsewhere(profile(Map.of(), "gone"));
        model.load();
        assertThat(model.draft().description()).isEqualTo("newer");
    }

    @Test
    void aReloadKeepsTheDraftAndTheBannerFollowsTheLanguage() {
        edits.setConfigValue("user.a", "mine");
        server.changeElsewhere(profile(Map.of("limits.cpu", "1", "user.a", "1", "user.b", "2"), "web servers"));
        model.reload();
        assertThat(model.draft().config()).containsEntry("user.a", "mine").doesNotContainKey("user.b");
        assertThat(model.loaded().document().config()).containsEntry("user.b", "2");
        String english = model.bannerProperty().get().text(i18n);
        i18n.setLocale(Locale.JAPANESE);
        assertThat(model.bannerProperty().get().text(i18n)).isNotEqualTo(english).contains("再読み込み");
        model.discard();
        assertThat(model.draft()).isEqualTo(model.loaded().document());
        assertThat(model.isDirty()).isFalse();
    }
}
