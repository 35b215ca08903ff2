package dev.hako.model.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.model.PoolVolume;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The filter of the image, volume, network and profile tables. */
class ColumnFilterTest {

    private static final List<VolumeColumn> COLUMNS = List.of(VolumeColumn.values());
    private static final PoolVolume DATA = ResourceColumnsTest.volume("default", "custom", "data", Map.of(), 1);
    private static final PoolVolume WEB = ResourceColumnsTest.volume("fast", "container", "web1", Map.of(), 1);
    private static final PoolVolume ISO = new PoolVolume("default", new dev.hako.lxd.api.StorageVolume("installer",
            "custom", "Debian netinst", "iso", Map.of(), List.of(), "none", null, "default"));

    private static List<String> matching(String text) {
        Predicate<PoolVolume> filter = ColumnFilter.parse(text, COLUMNS, Locale.ROOT);
        return List.of(DATA, WEB, ISO).stream().filter(filter).map(v -> v.volume().name()).toList();
    }

    @Test
    void aWordMatchesAnyCellIgnoringCase() {
        assertThat(matching("WEB")).containsExactly("web1");
        // A column not shown counts too: the description.
        assertThat(matching("netinst")).containsExactly("installer");
        assertThat(matching("")).containsExactly("data", "web1", "installer");
    }

    @Test
    void aColumnEqualsItsValueOrMatchesItAsARegularExpression() {
        assertThat(matching("type=custom")).containsExactly("data", "installer");
        assertThat(matching("pool=DEFAULT")).containsExactly("data", "installer");
        assertThat(matching("content-type=iso")).containsExactly("installer");
        assertThat(matching("name=web.*")).containsExactly("web1");
        // Every word must match.
        assertThat(matching("type=custom pool=fast")).isEmpty();
        // Not a regular expression: the value matches only itself.
        assertThat(matching("name=data[")).isEmpty();
    }

    @Test
    void anUnknownColumnIsExplainedWithTheWordAndTheKeysThereAre() {
        assertThatThrownBy(() -> ColumnFilter.parse("data  colour=red", COLUMNS, Locale.ROOT))
                .isInstanceOfSatisfying(ListSyntaxException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lists.filter.unknownColumn");
                    assertThat(e.part()).isEqualTo("colour=red");
                    assertThat(e.offset()).isEqualTo(6);
                    assertThat(e.messageArguments()).contains("colour").anySatisfy(arg -> assertThat(arg.toString())
                            .contains("pool").contains("content-type"));
                });
    }
}
