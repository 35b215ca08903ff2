package dev.hako.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.model.RemoteModel;
import dev.hako.ui.Screenshots;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The cluster view relabels itself in place when the language changes: selection and status stay. */
class ClusterViewUiTest {

    private final FxRobot robot = new FxRobot();
    private final RemoteModel remote = new RemoteModel("lab", new Endpoint.UnixSocket(Path.of("/nonexistent")));

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        remote.close();
    }

    private static ClusterMember member(String name, String status, String... roles) {
        return new ClusterMember(name, "https://" + name + ":8443", true, status, "fully operational", "x86_64",
                "default", "", Map.of(), List.of(roles), List.of());
    }

    @ParameterizedTest
    @CsvSource({"true,en,ja", "false,ja,en"})
    void aLanguageSwitchRelabelsTheViewAndKeepsItsState(boolean dark, String from, String to) throws Exception {
        I18n i18n = new I18n(Locale.forLanguageTag(from));
        FxDialogService dialogs = new FxDialogService(() -> null, i18n);
        ClusterViewModel model = new ClusterViewModel(remote, () -> true, i18n, FxTaskExecutor.get(),
                new ClusterActions(FxTaskExecutor.get(), dialogs, remote), "node2");
        AtomicReference<Stage> window = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.apply(dark);
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(ClusterView.of(i18n, model)), 1100, 420));
            Theme.decorate(stage.getScene(), dark);
            stage.show();
            window.set(stage);
        });
        robot.interact(() -> {
            model.show(List.of(member("node1", "Online", "database-leader"), member("node2", "Evacuated")));
            model.started(() -> i18n.format("cluster.running", i18n.format("cluster.restore.action", "node2")));
        });
        @SuppressWarnings("unchecked")
        TableView<ClusterMember> table = robot.lookup("#clusterMembers").queryAs(TableView.class);
        assertThat(table.getSelectionModel().getSelectedItem().serverName()).isEqualTo("node2");
        assertThat(robot.lookup("#clusterRestore").queryAs(Button.class).isDisabled()).isFalse();

        robot.interact(() -> i18n.setLocale(Locale.forLanguageTag(to)));
        I18n target = new I18n(Locale.forLanguageTag(to));
        assertThat(table.getColumns().get(0).getText()).isEqualTo(target.get("cluster.col.name"));
        assertThat(robot.lookup("#clusterEvacuate").queryAs(Button.class).getText())
                .isEqualTo(target.get("cluster.evacuate"));
        assertThat(robot.lookup("#clusterStatus").queryAs(Label.class).getText()).isEqualTo(
                target.format("cluster.running", target.format("cluster.restore.action", "node2")));
        // The rows, the selection and what it allows are as they were.
        assertThat(table.getItems()).extracting(ClusterMember::serverName).containsExactly("node1", "node2");
        assertThat(table.getSelectionModel().getSelectedItem().serverName()).isEqualTo("node2");
        assertThat(robot.lookup("#clusterRestore").queryAs(Button.class).isDisabled()).isFalse();
        Screenshots.save(window.get().getScene(), "cluster-view-relabelled-" + (dark ? "dark-" : "light-") + to);
    }
}
