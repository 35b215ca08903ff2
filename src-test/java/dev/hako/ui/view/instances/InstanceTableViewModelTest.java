package dev.hako.ui.view.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.model.RemoteModel;
import dev.hako.model.list.InstanceColumn;
import dev.hako.model.list.InstanceRow;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import dev.hako.ui.common.UiSettings;
import dev.hako.ui.view.lists.ExportFormat;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance table's filtering, column choice and export, on a listing given by hand (no server). */
class InstanceTableViewModelTest {

    @TempDir
    Path config;

    private final RemoteModel remote = new RemoteModel("lab", new Endpoint.UnixSocket(Path.of("/nonexistent.socket")));
    private final I18n i18n = new I18n(Locale.ENGLISH);

    @AfterEach
    void close() {
        remote.close();
    }

    private InstanceTableViewModel model() {
        return new InstanceTableViewModel(remote, i18n, new CurrentThreadTaskExecutor(), new ScriptedDialogService(i18n),
                new UiSettings(config));
    }

    private static Instance instance(String name, int status, String type, Map<String, String> config) {
        String word = status == InstanceStatus.RUNNING ? "Running" : "Stopped";
        return new Instance(name, "", "x86_64", type, word, status, config, Map.of(), false, List.of("default"), false,
                config, Map.of(), null, null, "none", "default");
    }

    private static Map<String, Instance> listing() {
        Map<String, Instance> listing = new LinkedHashMap<>();
        listing.put("web1", instance("web1", InstanceStatus.RUNNING, "container", Map.of("security.nesting", "true")));
        listing.put("web2", instance("web2", InstanceStatus.STOPPED, "container", Map.of()));
        listing.put("db", instance("db", InstanceStatus.RUNNING, "virtual-machine", Map.of("user.role", "database")));
        return listing;
    }

    private static List<String> names(List<InstanceRow> rows) {
        return rows.stream().map(r -> r.instance().name()).toList();
    }

    @Test
    void theFilterBoxFiltersAsFreeTextAndAsAnLxcListFilter() {
        InstanceTableViewModel model = model();
        model.instancesChanged(listing());
        assertThat(names(model.shown())).containsExactly("web1", "web2", "db");

        model.filterTextProperty().set("WEB");
        assertThat(names(model.shown())).containsExactly("web1", "web2");
        model.filterTextProperty().set("status=running");
        assertThat(names(model.shown())).containsExactly("web1", "db");
        model.filterTextProperty().set("type=container status=running");
        assertThat(names(model.shown())).containsExactly("web1");
        model.filterTextProperty().set("s.nesting=true");
        assertThat(names(model.shown())).containsExactly("web1");
        model.filterTextProperty().set("database");
        assertThat(names(model.shown())).containsExactly("db");
        assertThat(model.filterProblemProperty().get()).isEmpty();

        // An lxc filter that does not parse says why, and lets nothing through on it.
        model.filterTextProperty().set("status=sleeping");
        assertThat(model.filterProblemProperty().get()).isNotEmpty().contains("sleeping");
        assertThat(model.shown()).isEmpty();
        model.filterTextProperty().set("");
        assertThat(model.filterProblemProperty().get()).isEmpty();
        assertThat(model.shown()).hasSize(3);
    }

    @Test
    void rowsFollowTheListingAndKeepTheFilter() {
        InstanceTableViewModel model = model();
        model.instancesChanged(listing());
        model.filterTextProperty().set("status=running");
        Map<String, Instance> changed = new LinkedHashMap<>(listing());
        changed.put("web2", instance("web2", InstanceStatus.RUNNING, "container", Map.of()));
        changed.remove("db");

        model.instancesChanged(changed);

        assertThat(names(model.shown())).containsExactly("web1", "web2");
        assertThat(model.rows()).hasSize(2);
    }

    @Test
    void theColumnsChosenAreRememberedForTheNextStart() {
        InstanceTableViewModel first = model();
        assertThat(first.columns()).isEqualTo(InstanceColumn.DEFAULT);
        first.chooseColumns(List.of(InstanceColumn.STATE, InstanceColumn.NAME, InstanceColumn.PROFILES));

        InstanceTableViewModel again = model();
        assertThat(again.columns()).containsExactly(InstanceColumn.STATE, InstanceColumn.NAME, InstanceColumn.PROFILES);
        again.chooseColumns(List.of());
        assertThat(again.columns()).as("a table keeps at least one column").hasSize(3);
    }

    @Test
    void theExportHoldsTheRowsShownInTheOrderShown() {
        InstanceTableViewModel model = model();
        model.instancesChanged(listing());
        model.chooseColumns(List.of(InstanceColumn.NAME, InstanceColumn.STATE));
        model.filterTextProperty().set("status=running");
        model.shown().setComparator(Comparator.comparing(r -> r.instance().name()));

        assertThat(model.export(ExportFormat.CSV)).isEqualTo("db,RUNNING\nweb1,RUNNING\n");
        assertThat(model.export(ExportFormat.JSON)).contains("\"db\"").contains("\"web1\"").doesNotContain("web2");
        assertThat(model.export(ExportFormat.YAML)).contains("name: db").doesNotContain("web2");
    }
}
