package dev.hako.model.list;

import dev.hako.lxd.api.Profile;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A column of the profile table, with the text {@code lxc profile list} prints in it
 * ({@code cmdProfileList} in {@code lxc/profile.go}).
 */
public enum ProfileColumn implements ListColumn<Profile> {

    NAME("name"),
    DESCRIPTION("description"),
    USED_BY("usedBy");

    /** The command's columns, all of them. */
    public static final List<ProfileColumn> DEFAULT = List.of(values());

    private final String headerKey;

    ProfileColumn(String name) {
        this.headerKey = "lists.column." + name;
    }

    @Override
    public String headerKey() {
        return headerKey;
    }

    @Override
    public String text(Profile profile, Locale locale) {
        return switch (this) {
            case NAME -> Cells.orEmpty(profile.name());
            case DESCRIPTION -> Cells.orEmpty(profile.description());
            case USED_BY -> Integer.toString(profile.usedBy() == null ? 0 : profile.usedBy().size());
        };
    }

    @Override
    public Comparator<Profile> comparator(boolean descending) {
        Comparator<Profile> byCell = this == USED_BY
                ? Cells.known(p -> p.usedBy() == null ? 0 : p.usedBy().size(), Comparator.<Integer>naturalOrder(),
                        descending)
                : Cells.byText(this, descending);
        return this == NAME ? byCell : byCell.thenComparing(NAME.comparator(false));
    }
}
