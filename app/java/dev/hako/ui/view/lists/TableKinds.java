package dev.hako.ui.view.lists;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hako.lxd.Json;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Profile;
import dev.hako.model.PoolVolume;
import dev.hako.model.list.ColumnFilter;
import dev.hako.model.list.ImageColumn;
import dev.hako.model.list.ListColumn;
import dev.hako.model.list.ListSyntaxException;
import dev.hako.model.list.NetworkColumn;
import dev.hako.model.list.ProfileColumn;
import dev.hako.model.list.TableExport;
import dev.hako.model.list.VolumeColumn;
import dev.hako.ui.common.I18n;
import java.util.List;
import java.util.function.Function;

/** The image, volume, network and profile tables: their columns, filter and export. */
public final class TableKinds {

    private TableKinds() {
    }

    public static ListTableViewModel.Kind<Image> images(I18n i18n) {
        return kind("images", List.of(ImageColumn.values()), ImageColumn.DEFAULT, i18n, row -> row);
    }

    /** Each volume written with its pool, which the server's own volume record leaves out. */
    public static ListTableViewModel.Kind<PoolVolume> volumes(I18n i18n) {
        return kind("volumes", List.of(VolumeColumn.values()), VolumeColumn.DEFAULT, i18n, volume -> {
            ObjectNode node = Json.MAPPER.valueToTree(volume.volume());
            node.put("pool", volume.pool());
            return node;
        });
    }

    public static ListTableViewModel.Kind<Network> networks(I18n i18n) {
        return kind("networks", List.of(NetworkColumn.values()), NetworkColumn.DEFAULT, i18n, row -> row);
    }

    public static ListTableViewModel.Kind<Profile> profiles(I18n i18n) {
        return kind("profiles", List.of(ProfileColumn.values()), ProfileColumn.DEFAULT, i18n, row -> row);
    }

    private static <R> ListTableViewModel.Kind<R> kind(String table, List<? extends ListColumn<R>> columns,
                                                       List<? extends ListColumn<R>> defaults, I18n i18n,
                                                       Function<? super R, ?> document) {
        return new ListTableViewModel.Kind<>(table, columns, defaults, byColumns(columns, i18n),
                new ListTableViewModel.Documents<>() {
                    @Override
                    public String json(List<R> rows) {
                        return TableExport.objectsJson(rows.stream().map(document).toList());
                    }

                    @Override
                    public String yaml(List<R> rows) {
                        return TableExport.objectsYaml(rows.stream().map(document).toList());
                    }
                });
    }

    /** {@link ColumnFilter} over every column; a text it cannot read filters nothing and says why. */
    static <R> Function<String, ListTableViewModel.Filtered<R>> byColumns(List<? extends ListColumn<R>> columns,
                                                                       I18n i18n) {
        return text -> {
            try {
                return ListTableViewModel.Filtered.of(ColumnFilter.parse(text, columns, i18n.locale()));
            } catch (ListSyntaxException unreadable) {
                return new ListTableViewModel.Filtered<>(null, unreadable);
            }
        };
    }
}
