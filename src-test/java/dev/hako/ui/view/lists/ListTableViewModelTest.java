package dev.hako.ui.view.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.model.PoolVolume;
import dev.hako.model.list.NetworkColumn;
import dev.hako.model.list.ProfileColumn;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import dev.hako.ui.common.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's rows, filter, remembered columns and export, on rows given by hand (no server). */
class ListTableViewModelTest {

    @TempDir
    Path config;

    private final I18n i18n = new I18n(Locale.ENGLISH);

    private <R> ListTableViewModel<R> model(ListTableViewModel.Kind<R> kind) {
        return new ListTableViewModel<>(kind, i18n, new CurrentThreadTaskExecutor(), new ScriptedDialogService(i18n),
                new UiSettings(config));
    }

    private static Network network(String name, String type, boolean managed) {
        return new Network(name, "", type, managed, managed ? "Created" : "", Map.of(), List.of(), List.of());
    }

    private static List<Network> networks() {
        return List.of(network("hakobr0", "bridge", true), network("lo", "loopback", false),
                network("eth0", "physical", false));
    }

    @Test
    void aColumnFilterNarrowsAndABadOneSaysWhyAndHidesNothing() {
        ListTableViewModel<Network> model = model(TableKinds.networks(i18n));
        model.setRows(networks());
        model.filterTextProperty().set("managed=yes");
        assertThat(model.shown()).extracting(Network::name).containsExactly("hakobr0");
        assertThat(model.filterProblemProperty().get()).isEmpty();

        model.filterTextProperty().set("colour=red");
        assertThat(model.filterProblemProperty().get()).contains("colour").contains("managed");
        assertThat(model.shown()).hasSize(3);

        // The problem is worded in the window's language, and follows a switch.
        i18n.setLocale(Locale.JAPANESE);
        assertThat(model.filterProblemProperty().get()).contains("列はありません");
    }

    @Test
    void eachTableRemembersItsOwnColumnsAcrossARestart() {
        ListTableViewModel<Network> networks = model(TableKinds.networks(i18n));
        assertThat(networks.columns()).isEqualTo(NetworkColumn.DEFAULT);
        networks.chooseColumns(List.of(NetworkColumn.STATE, NetworkColumn.NAME));
        // None chosen changes nothing.
        networks.chooseColumns(List.of());

        assertThat(model(TableKinds.networks(i18n)).columns()).containsExactly(NetworkColumn.STATE, NetworkColumn.NAME);
        assertThat(model(TableKinds.profiles(i18n)).columns()).isEqualTo(ProfileColumn.DEFAULT);
    }

    @Test
    void columnsSavedByAnotherVersionFallBackToWhatIsKnown() throws Exception {
        Files.createDirectories(config);
        new UiSettings(config).setColumns("networks", "NAME,SPEED,STATE");
        assertThat(model(TableKinds.networks(i18n)).columns()).containsExactly(NetworkColumn.NAME, NetworkColumn.STATE);
        new UiSettings(config).setColumns("networks", "SPEED");
        assertThat(model(TableKinds.networks(i18n)).columns()).isEqualTo(NetworkColumn.DEFAULT);
    }

    @Test
    void exportsTheRowsShownInTheirOrder() {
        ListTableViewModel<Profile> model = model(TableKinds.profiles(i18n));
        model.setRows(List.of(new Profile("default", "Default LXD profile", Map.of(), Map.of(), List.of("/1.0/instances/a"),
                "default"), new Profile("web, public", "", Map.of(), Map.of(), List.of(), "default")));
        model.shown().setComparator(ProfileColumn.NAME.comparator(true));
        assertThat(model.export(ExportFormat.CSV)).isEqualTo("\"web, public\",,0\ndefault,Default LXD profile,1\n");
        assertThat(model.export(ExportFormat.JSON)).startsWith("[{\"name\":\"web, public\"")
                .contains("\"used_by\":[\"/1.0/instances/a\"]").endsWith("]\n");
        assertThat(model.export(ExportFormat.YAML)).startsWith("- name: \"web, public\"\n")
                .contains("description: Default LXD profile");
    }

    @Test
    void volumesAreWrittenWithTheirPool() {
        var model = model(TableKinds.volumes(i18n));
        model.setRows(List.of(new PoolVolume("fast", new StorageVolume("data", "custom", "", "filesystem", Map.of(),
                List.of(), "none", null, "default"))));
        assertThat(model.export(ExportFormat.JSON)).contains("\"name\":\"data\"").contains("\"pool\":\"fast\"");
    }
}
