package dev.hako.model.list;

import dev.hako.lxd.api.Image;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A column of the image table, with the text {@code lxc image list} prints in it
 * ({@code cmdImageList} in {@code lxc/image.go}); cached and auto-update are the image's
 * own flags, which the command shows only in {@code lxc image info}.
 */
public enum ImageColumn implements ListColumn<Image> {

    /** The shortest alias, and how many more there are. */
    ALIAS("alias"),
    /** Every alias, sorted, one per line. */
    ALIASES("aliases"),
    FINGERPRINT("fingerprint"),
    FULL_FINGERPRINT("fullFingerprint"),
    PUBLIC("public"),
    DESCRIPTION("description"),
    ARCHITECTURE("architecture"),
    TYPE("type"),
    SIZE("size"),
    UPLOAD_DATE("uploaded"),
    CACHED("cached"),
    AUTO_UPDATE("autoUpdate");

    /** lxc's default {@code lfpdatsu}, then the two flags the issue of caches turns on. */
    public static final List<ImageColumn> DEFAULT =
            List.of(ALIAS, FINGERPRINT, PUBLIC, DESCRIPTION, ARCHITECTURE, TYPE, SIZE, UPLOAD_DATE, CACHED, AUTO_UPDATE);

    private static final DateTimeFormatter UPLOADED =
            DateTimeFormatter.ofPattern("MMM d, uuuu 'at' h:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HALF_DAY = DateTimeFormatter.ofPattern("a", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String headerKey;

    ImageColumn(String name) {
        this.headerKey = "lists.column." + name;
    }

    @Override
    public String headerKey() {
        return headerKey;
    }

    @Override
    public String text(Image image, Locale locale) {
        return switch (this) {
            case ALIAS -> alias(image);
            case ALIASES -> String.join("\n", aliasNames(image));
            case FINGERPRINT -> image.fingerprint() == null ? ""
                    : image.shortFingerprint();
            case FULL_FINGERPRINT -> Cells.orEmpty(image.fingerprint());
            case PUBLIC -> yesNo(image.isPublic());
            case DESCRIPTION -> Cells.configValue(image.properties(), "description");
            case ARCHITECTURE -> Cells.orEmpty(image.architecture());
            case TYPE -> image.type() == null || image.type().isEmpty() ? "CONTAINER"
                    : image.type().toUpperCase(Locale.ROOT);
            case SIZE -> Cells.twoDecimals(image.size() / 1024.0 / 1024.0, locale) + "MiB";
            case UPLOAD_DATE -> uploaded(image.uploadedAt());
            case CACHED -> yesNo(image.cached());
            case AUTO_UPDATE -> yesNo(image.autoUpdate());
        };
    }

    @Override
    public Comparator<Image> comparator(boolean descending) {
        Comparator<Image> byCell = switch (this) {
            case SIZE -> Cells.known(Image::size, Comparator.<Long>naturalOrder(), descending);
            case UPLOAD_DATE -> Cells.known(i -> Cells.never(i.uploadedAt()), OffsetDateTime.timeLineOrder(),
                    descending);
            default -> Cells.byText(this, descending);
        };
        return this == FULL_FINGERPRINT ? byCell : byCell.thenComparing(FULL_FINGERPRINT.comparator(false));
    }

    /** lxc's "shortest alias (n more)"; of equal lengths the first the server lists. */
    private static String alias(Image image) {
        List<String> names = image.aliases() == null ? List.of()
                : image.aliases().stream().map(Image.ImageAlias::name).toList();
        String shortest = "";
        for (String name : names) {
            if (shortest.isEmpty() || !name.isEmpty() && name.length() < shortest.length()) {
                shortest = name;
            }
        }
        return names.size() > 1 ? shortest + " (" + (names.size() - 1) + " more)" : shortest;
    }

    private static List<String> aliasNames(Image image) {
        List<String> names = new ArrayList<>();
        if (image.aliases() != null) {
            image.aliases().forEach(alias -> names.add(alias.name()));
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** Go's {@code Jan 2, 2006 at 3:04pm (MST)} in UTC. */
    private static String uploaded(OffsetDateTime time) {
        if (Cells.never(time) == null) {
            return "";
        }
        return UPLOADED.format(time) + HALF_DAY.format(time).toLowerCase(Locale.ROOT) + " (UTC)";
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
