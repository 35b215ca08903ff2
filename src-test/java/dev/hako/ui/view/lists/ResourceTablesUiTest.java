package dev.hako.ui.view.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.list.ImageColumn;
import dev.hako.model.list.InstanceRow;
import dev.hako.model.list.VolumeColumn;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.UiDriver;
import dev.hako.ui.tree.TreeEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The image, volume, network and profile tables and the all-remotes instance table against
 * the test-bed daemons: each shows what the matching {@code lxc … list -f csv} prints for
 * the same objects; the columns chosen survive a restart; a volume is deleted from its
 * table's context menu.
 */
class ResourceTablesUiTest {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void tablesShowWhatTheListCommandsPrint(Daemon daemon) throws Exception {
        String d = daemon.name().toLowerCase(Locale.ROOT);
        String prefix = TestBed.uniqueName("lst");
        String profile = prefix + "-p";
        String volume = prefix + "-v";
        String bridge = TestBed.env(daemon == Daemon.LXD ? "HAKO_TB_LXD_BRIDGE" : "HAKO_TB_INCUS_BRIDGE");
        try (LxdClient client = TestBed.connect(daemon)) {
            client.profiles().create(new ProfilesPost(profile, "tables, checked", Map.of(), Map.of()));
            TestBed.cli(daemon, "storage", "volume", "create", "default", volume);
            String fingerprint = client.images().alias(TestBed.imageAlias()).value().target();
            try (UiDriver ui = new UiDriver(daemon).open(false, Locale.ENGLISH)) {
                // Networks: the test bed's bridge as `lxc network list` prints it.
                ui.click("NETWORKS");
                ui.waitUntil(10, () -> ui.robot.lookup("#networkTable").tryQuery().isPresent());
                ui.robot.clickOn("#treeFilter").write("name=" + bridge);
                var networks = table(ui, bridge, TreeEntry.Group.NETWORKS, 1);
                assertThat(UiDriver.onFx(() -> networks.export(ExportFormat.CSV)))
                        .isEqualTo(line(TestBed.cli(daemon, "network", "list", "--format", "csv"), bridge + ","));
                ui.screenshot("network-table-" + d + "-light-en");

                // Profiles: a description with a comma is quoted as lxc quotes it.
                clearFilter(ui);
                ui.click("PROFILES");
                ui.robot.clickOn("#treeFilter").write(prefix);
                var profiles = table(ui, profile, TreeEntry.Group.PROFILES, 1);
                assertThat(UiDriver.onFx(() -> profiles.export(ExportFormat.CSV)))
                        .isEqualTo(line(TestBed.cli(daemon, "profile", "list", "--format", "csv"), profile + ","));

                // Images: the test bed's image, in lxc's letters f p a t s.
                clearFilter(ui);
                ui.click("IMAGES");
                ui.robot.clickOn("#treeFilter").write("full-fingerprint=" + fingerprint);
                var images = table(ui, fingerprint, TreeEntry.Group.IMAGES, 1);
                ui.robot.interact(() -> images.chooseColumns(castColumns(List.of(ImageColumn.FINGERPRINT,
                        ImageColumn.PUBLIC, ImageColumn.ARCHITECTURE, ImageColumn.TYPE, ImageColumn.SIZE))));
                String cli = TestBed.cli(daemon, "image", "list", fingerprint.substring(0, 12), "--format", "csv",
                        "--columns", "fpats");
                // LXD 5.0's lxc labels the same figure (bytes / 1024²) MB; later lxc and incus say MiB.
                assertThat(UiDriver.onFx(() -> images.export(ExportFormat.CSV)))
                        .isEqualTo(cli.replaceAll("(\\d)MB\n", "$1MiB\n"));
                ui.screenshot("image-table-" + d + "-light-en");

                // Volumes of every pool; the Columns menu takes the pool away, as a one-pool list has none.
                clearFilter(ui);
                ui.click("STORAGE_POOLS");
                ui.robot.clickOn("#treeFilter").write("name=" + volume);
                var volumes = table(ui, volume, TreeEntry.Group.STORAGE_POOLS, 1);
                ui.robot.clickOn("#volumeColumns");
                ui.robot.clickOn("#volumeColumnChoice-POOL");
                ui.robot.clickOn("#volumeColumns");
                ui.robot.clickOn("#volumeColumnChoice-LOCATION");
                ui.robot.clickOn("#volumeColumns");
                ui.robot.clickOn("#volumeColumnChoice-SIZE");
                ui.waitUntil(5, () -> volumes.columns().equals(List.of(VolumeColumn.TYPE, VolumeColumn.NAME,
                        VolumeColumn.DESCRIPTION, VolumeColumn.CONTENT_TYPE, VolumeColumn.USED_BY)));
                assertThat(UiDriver.onFx(() -> volumes.export(ExportFormat.CSV))).isEqualTo(line(TestBed.cli(daemon,
                        "storage", "volume", "list", "default", "--format", "csv", "--columns", "tndcu"),
                        "custom," + volume + ","));
                ui.screenshot("volume-table-" + d + "-light-en");

                // The choice of columns is the user's after a restart too.
                ui.restart();
                clearFilter(ui);
                ui.click("STORAGE_POOLS");
                var again = table(ui, volume, TreeEntry.Group.STORAGE_POOLS, -1);
                assertThat(UiDriver.onFx(() -> List.copyOf(again.columns()))).isEqualTo(List.of(VolumeColumn.TYPE,
                        VolumeColumn.NAME, VolumeColumn.DESCRIPTION, VolumeColumn.CONTENT_TYPE, VolumeColumn.USED_BY));

                // The custom volume's context menu is the tree's: delete it from the table.
                ui.tableContextMenu(item -> item instanceof PoolVolume v && v.volume().name().equals(volume),
                        "menuDeleteVolume");
                ui.waitUntil(5, () -> ui.robot.lookup("#confirmField").tryQuery().isPresent());
                ui.robot.clickOn("#confirmField").write(volume);
                ui.ok();
                ui.waitUntil(20, () -> client.storage().volumes("default").stream()
                        .noneMatch(v -> v.name().equals(volume)));
                ui.waitUntil(20, () -> again.rows().stream().noneMatch(v -> ((PoolVolume) v).volume().name()
                        .equals(volume)));

                ui.robot.clickOn("#themeToggle");
                ui.robot.clickOn("#languageChoice");
                ui.robot.clickOn("日本語");
                for (String group : List.of("NETWORKS", "IMAGES", "STORAGE_POOLS", "PROFILES")) {
                    ui.click(group);
                    ui.settle();
                    ui.screenshot(group.toLowerCase(Locale.ROOT).replace('_', '-') + "-table-" + d + "-dark-ja");
                }
            } finally {
                TestBed.cli(daemon, "profile", "delete", profile);
                if (client.storage().volumes("default").stream().anyMatch(v -> v.name().equals(volume))) {
                    TestBed.cli(daemon, "storage", "volume", "delete", "default", volume);
                }
            }
        }
    }

    /** The all-remotes table holds both servers' instances, each marked with its remote. */
    @Test
    void theAllRemotesTableHoldsEveryRemotesInstances() throws Exception {
        String prefix = TestBed.uniqueName("all");
        TestBed.cli(Daemon.LXD, "init", TestBed.imageAlias(), prefix + "-l");
        TestBed.cli(Daemon.INCUS, "init", TestBed.imageAlias(), prefix + "-i");
        try (UiDriver ui = new UiDriver(Daemon.LXD).open(true, Locale.JAPANESE)) {
            RemoteModel incus = new RemoteModel("incus", new Endpoint.UnixSocket(TestBed.socket(Daemon.INCUS)));
            ui.robot.interact(() -> ui.workspace().add(incus));
            ui.waitUntil(20, () -> incus.state().online());
            ui.robot.interact(() -> ui.window().showAllInstances());
            ui.waitUntil(10, () -> ui.robot.lookup("#allRemotesView").tryQuery().isPresent());
            ui.robot.clickOn("#treeFilter").write(prefix);
            var model = ui.window().allInstancesTable().model();
            ui.waitUntil(20, () -> model.shown().size() == 2);
            assertThat(UiDriver.onFx(() -> model.shown().stream().map(r -> r.remote() + ":" + r.instance().name())
                    .collect(Collectors.toSet()))).containsExactlyInAnyOrder("local:" + prefix + "-l",
                    "incus:" + prefix + "-i");
            ui.screenshot("all-remotes-instances-dark-ja");
            // A double-click opens the instance in its own remote's branch.
            @SuppressWarnings("unchecked")
            TableView<InstanceRow> table = (TableView<InstanceRow>) ui.window().allInstancesTable().table();
            Node row = ui.robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                    && r.getItem() instanceof InstanceRow i && i.remote().equals("incus")).query();
            ui.robot.doubleClickOn(row);
            ui.waitUntil(10, () -> ui.window().tree().selectedEntries().stream().anyMatch(e ->
                    e instanceof TreeEntry.InstanceEntry i && i.remote().equals("incus")
                            && i.instance().name().equals(prefix + "-i")));
            assertThat(table.getColumns()).isNotEmpty();
        } finally {
            TestBed.cli(Daemon.LXD, "delete", "--force", prefix + "-l");
            TestBed.cli(Daemon.INCUS, "delete", "--force", prefix + "-i");
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> List<dev.hako.model.list.ListColumn<R>> castColumns(List<?> columns) {
        return (List<dev.hako.model.list.ListColumn<R>>) columns;
    }

    /** The table of a group once it holds {@code rows} rows (any number for -1) with {@code text} among its cells. */
    @SuppressWarnings("unchecked")
    private static <R> ListTableViewModel<R> table(UiDriver ui, String text, TreeEntry.Group group, int rows)
            throws Exception {
        ui.waitUntil(20, () -> {
            ListTableViewModel<?> model = ui.window().groupTable("local", group);
            return model != null && (rows < 0 || model.shown().size() == rows) && UiDriver.onFx(() -> model
                    .export(ExportFormat.CSV).contains(text) || model.export(ExportFormat.JSON).contains(text));
        });
        return (ListTableViewModel<R>) ui.window().groupTable("local", group);
    }

    private static void clearFilter(UiDriver ui) {
        ui.robot.interact(() -> ((javafx.scene.control.TextField) ui.robot.lookup("#treeFilter").query()).clear());
    }

    /** The lines of a command's CSV that start with {@code start}, each ending in a line feed. */
    private static String line(String csv, String start) {
        return Arrays.stream(csv.split("\n")).filter(l -> l.startsWith(start)).map(l -> l + "\n")
                .collect(Collectors.joining());
    }
}
