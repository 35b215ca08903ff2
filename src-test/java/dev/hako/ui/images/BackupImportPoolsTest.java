package dev.hako.ui.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pools a backup import offers and which one it chooses first. */
class BackupImportPoolsTest {

    @Test
    void anInstanceBackupGoesToDefaultUnlessToldOtherwise() {
        BackupImportPools pools = new BackupImportPools(false, "As in the backup");
        pools.offer(List.of("zeta", "default", "alpha"), null);
        assertThat(pools.choices()).containsExactly("As in the backup", "alpha", "default", "zeta");
        assertThat(pools.preselected()).isEqualTo(2);
        assertThat(pools.poolOf(2)).isEqualTo("default");
        assertThat(pools.poolOf(0)).isNull();
        pools.offer(List.of("zeta", "alpha"), null);
        // No default: the first real pool, not the backup's own (whose root disk may not exist there).
        assertThat(pools.preselected()).isEqualTo(1);
        pools.offer(List.of("zeta", "default"), "zeta");
        assertThat(pools.choices().get(pools.preselected())).isEqualTo("zeta");
    }

    @Test
    void aVolumeAlwaysGoesToAPool() {
        BackupImportPools pools = new BackupImportPools(true, "unused");
        pools.offer(List.of("fast", "default"), "fast");
        assertThat(pools.choices()).containsExactly("default", "fast");
        assertThat(pools.preselected()).isEqualTo(1);
        assertThat(pools.poolOf(0)).isEqualTo("default");
        pools.offer(List.of(), null);
        assertThat(pools.preselected()).isEqualTo(-1);
        assertThat(pools.poolOf(-1)).isNull();
    }
}
