package dev.hako.model.list;

import dev.hako.model.PoolVolume;
import dev.hako.model.SizeRules;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A column of the storage volume table, with the text {@code lxc storage volume list} prints
 * in it ({@code cmdStorageVolumeList} in {@code lxc/storage_volume.go}); the size is the
 * volume's {@code size} setting, its quota, as the server keeps it.
 */
public enum VolumeColumn implements ListColumn<PoolVolume> {

    POOL("pool"),
    TYPE("type"),
    NAME("name"),
    DESCRIPTION("description"),
    CONTENT_TYPE("contentType"),
    USED_BY("usedBy"),
    LOCATION("location"),
    SIZE("quota"),
    CREATED("created");

    /** lxc's {@code ptndcuL} for every pool, then the size. */
    public static final List<VolumeColumn> DEFAULT =
            List.of(POOL, TYPE, NAME, DESCRIPTION, CONTENT_TYPE, USED_BY, LOCATION, SIZE);

    private final String headerKey;

    VolumeColumn(String name) {
        this.headerKey = "lists.column." + name;
    }

    @Override
    public String headerKey() {
        return headerKey;
    }

    @Override
    public String text(PoolVolume row, Locale locale) {
        var volume = row.volume();
        return switch (this) {
            case POOL -> row.pool();
            case TYPE -> Cells.orEmpty(volume.type()) + (snapshot(row) ? " (snapshot)" : "");
            case NAME -> Cells.orEmpty(volume.name());
            case DESCRIPTION -> Cells.orEmpty(volume.description());
            case CONTENT_TYPE -> volume.contentType() == null || volume.contentType().isEmpty() ? "filesystem"
                    : volume.contentType();
            case USED_BY -> Integer.toString(volume.usedBy() == null ? 0 : volume.usedBy().size());
            case LOCATION -> Cells.location(volume.location());
            case SIZE -> Cells.configValue(volume.config(), "size");
            case CREATED -> Cells.time(volume.createdAt());
        };
    }

    @Override
    public Comparator<PoolVolume> comparator(boolean descending) {
        Comparator<PoolVolume> byCell = switch (this) {
            case USED_BY -> Cells.known(v -> v.volume().usedBy() == null ? 0 : v.volume().usedBy().size(),
                    Comparator.<Integer>naturalOrder(), descending);
            case SIZE -> Cells.known(VolumeColumn::quotaBytes, Comparator.<Long>naturalOrder(), descending);
            case CREATED -> Cells.known(v -> Cells.never(v.volume().createdAt()), OffsetDateTime.timeLineOrder(),
                    descending);
            default -> Cells.byText(this, descending);
        };
        return byCell.thenComparing(Comparator.comparing(PoolVolume::key, NaturalOrder.INSTANCE));
    }

    private static boolean snapshot(PoolVolume row) {
        return row.volume().name() != null && row.volume().name().contains("/");
    }

    private static Long quotaBytes(PoolVolume row) {
        String size = Cells.configValue(row.volume().config(), "size");
        return SizeRules.bytes(size).orElse(null);
    }
}
