package dev.hako.ui.remotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.model.Workspace;
import dev.hako.remote.ClientIdentities;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manage remotes without a window: the saved list, its order and default, renaming and removing. */
class ManageRemotesViewModelTest {

    private final I18n ja = new I18n(Locale.JAPANESE);
    private final List<String> reopened = new ArrayList<>();
    private Path config;
    private RemotesFile file;
    private Workspace workspace;
    private ManageRemotesViewModel model;

    private static RemoteConfig server(String name) {
        return new RemoteConfig(name, "https://" + name + ":8443", RemoteConfig.Protocol.LXD, null, null, "ab", null);
    }

    @BeforeEach
    void setUp() throws Exception {
        config = Files.createTempDirectory("hako-manage");
        file = RemotesFile.load(config);
        file.add(server("a"));
        file.add(server("b"));
        file.add(new RemoteConfig("images", "https://images.example.org", RemoteConfig.Protocol.SIMPLESTREAMS, null,
                null, null, null));
        workspace = new Workspace(List.of());
        model = new ManageRemotesViewModel(new CurrentThreadTaskExecutor(), ja, file, workspace,
                new ClientIdentities(config), (old, renamed) -> reopened.add(old + "->" + renamed.name()));
        model.open();
    }

    @AfterEach
    void tearDown() {
        model.close();
        workspace.close();
    }

    private List<String> names() {
        return model.remotes().stream().map(RemoteConfig::name).toList();
    }

    @Test
    void reordersAndSetsTheDefaultKeepingTheSelection() throws Exception {
        // ★ is explained only once a row carries it.
        assertThat(model.fileText()).startsWith("一覧のどのリモートもデフォルトではありません");
        model.selectedProperty().set(model.remotes().get(0));
        model.setDefault();
        assertThat(model.fileText()).startsWith("★ はデフォルトのリモートです");
        model.move(1);
        assertThat(names()).containsExactly("b", "a", "images");
        assertThat(model.selectedProperty().get().name()).isEqualTo("a");
        assertThat(model.nameText(model.remotes().get(1))).isEqualTo("★ a");
        assertThat(RemotesFile.load(config).defaultRemote()).isEqualTo("a");
        assertThat(model.stateText(model.remotes().get(2))).isEqualTo("イメージのみ");
        assertThat(model.stateText(model.remotes().get(0))).isEqualTo("開いていません");
        assertThat(model.errorText().get()).isEmpty();
    }

    @Test
    void renamingIsCheckedInJapaneseAndSaved() throws Exception {
        assertThat(model.renameProblem("a", "b")).isEqualTo("「b」という名前のリモートはすでにあります。別の名前を選んでください。");
        assertThat(model.renameProblem("a", "x/y")).startsWith("「x/y」は名前に使えません。");
        assertThat(model.renameProblem("a", "")).isEqualTo("リモートの名前を入力してください。");
        assertThat(model.renameProblem("a", "a")).isNull();
        model.rename(model.remotes().get(0), "lab");
        assertThat(RemotesFile.load(config).find("lab")).isPresent();
        assertThat(reopened).as("only an open remote is reopened").isEmpty();
    }

    @Test
    void aRefusedChangeIsShownInTheUsersLanguage() {
        // A remote that is gone from the file (removed elsewhere meanwhile).
        RemoteConfig stale = server("gone");
        model.rename(stale, "other");
        assertThat(model.errorText().get()).isEqualTo(
                "リモートを保存できません: 「gone」という名前のリモートはありません。");
        ja.setLocale(Locale.ENGLISH);
        assertThat(model.errorText().get()).as("relabelled in place")
                .isEqualTo("Cannot save the remotes: There is no remote named \"gone\".");
        // The next change that goes through clears it.
        model.selectedProperty().set(model.remotes().get(0));
        model.setDefault();
        assertThat(model.errorText().get()).isEmpty();
    }

    @Test
    void removingForgetsTheRemote() throws Exception {
        RemoteConfig b = model.remotes().get(1);
        assertThat(model.canUntrust(b)).as("not open, so the server cannot be asked").isFalse();
        assertThat(model.untrustNote(b)).isEqualTo("サーバーに接続していないため、今は信頼ストアを変更できません。");
        model.remove(b, true);
        assertThat(names()).containsExactly("a", "images");
        assertThat(RemotesFile.load(config).find("b")).isEmpty();
    }

    @Test
    void onlyServersReachedOverHttpsHaveACertificateToReview() {
        assertThat(ManageRemotesViewModel.reviewable(server("a"))).isTrue();
        assertThat(ManageRemotesViewModel.reviewable(model.remotes().get(2))).isFalse();
        assertThat(ManageRemotesViewModel.reviewable(new RemoteConfig("local", "unix://", RemoteConfig.Protocol.LXD,
                null, null, null, null))).isFalse();
    }
}
