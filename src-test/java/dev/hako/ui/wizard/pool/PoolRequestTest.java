package dev.hako.ui.wizard.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.model.SizeRules;
import dev.hako.model.pool.PoolRequest;
import dev.hako.model.pool.PoolUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wizard's checks and the request it builds, without a window or a server. */
class PoolRequestTest {

    @Test
    void eachDriverHasItsOwnFields() {
        assertThat(PoolRequest.fieldsOf("dir")).extracting(PoolRequest.Field::key).containsExactly("source");
        assertThat(PoolRequest.fieldsOf("btrfs")).extracting(PoolRequest.Field::key).containsExactly("size", "source");
        assertThat(PoolRequest.fieldsOf("lvm")).extracting(PoolRequest.Field::key)
                .containsExactly("source", "size", "lvm.use_thinpool", "lvm.thinpool_name");
        assertThat(PoolRequest.fieldsOf("zfs")).extracting(PoolRequest.Field::key).containsExactly("zfs.pool_name", "size");
        assertThat(PoolRequest.fieldsOf("ceph")).extracting(PoolRequest.Field::key)
                .containsExactly("ceph.cluster_name", "ceph.osd.pool_name", "ceph.user.name");
        assertThat(PoolRequest.fieldsOf("cephfs")).extracting(PoolRequest.Field::key).containsExactly("source");
        assertThat(PoolRequest.fieldsOf("lvm").get(2).id()).isEqualTo("pool_lvm_use_thinpool");
    }

    @Test
    void problemsAreFoundBeforeSending() {
        List<String> pools = List.of("default");
        assertThat(PoolRequest.problems("p1", "dir", Map.of("source", "/srv/p1"), pools)).isEmpty();
        assertThat(PoolRequest.problems("default", "dir", Map.of(), pools)).contains("pool.problem.exists");
        assertThat(PoolRequest.problems("", "dir", Map.of(), pools)).isNotEmpty();
        assertThat(PoolRequest.problems("p1", null, Map.of(), pools)).containsExactly("pool.problem.driver");
        assertThat(PoolRequest.problems("p1", "dir", Map.of("source", "srv/p1"), pools))
                .containsExactly("pool.problem.path");
        // Sizes are checked as everywhere else: by SizeRules, with its one problem text.
        assertThat(PoolRequest.problems("p1", "btrfs", Map.of("size", "ten gigs"), pools))
                .containsExactly(SizeRules.PROBLEM_KEY);
        assertThat(PoolRequest.problems("p1", "zfs", Map.of("size", "1.5GiB"), pools))
                .containsExactly(SizeRules.PROBLEM_KEY);
        assertThat(PoolRequest.problems("p1", "btrfs", Map.of("size", "10GiB"), pools)).isEmpty();
        assertThat(PoolRequest.problems("p1", "ceph", Map.of("ceph.user.name", "a b"), pools))
                .containsExactly("pool.problem.name");
        assertThat(PoolRequest.problems("p1", "lvm", Map.of("lvm.use_thinpool", "false",
                "lvm.thinpool_name", "tp"), pools)).containsExactly("pool.problem.thinpoolUnused");
        assertThat(PoolRequest.problems("p1", "lvm", Map.of("source", "/dev/sdb", "lvm.use_thinpool", "true",
                "lvm.thinpool_name", "tp"), pools)).isEmpty();
    }

    @Test
    void onlyFilledFieldsAreSent() {
        StoragePoolsPost dir = PoolRequest.build("p1", "dir", " web ", Map.of("source", " /srv/p1 "));
        assertThat(dir).isEqualTo(new StoragePoolsPost("p1", "dir", "web", Map.of("source", "/srv/p1")));
        StoragePoolsPost btrfs = PoolRequest.build("p2", "btrfs", "", Map.of("size", "10 GiB", "source", ""));
        assertThat(btrfs.config()).containsExactly(Map.entry("size", "10GiB"));
        StoragePoolsPost thick = PoolRequest.build("p3", "lvm", "", Map.of("lvm.use_thinpool", "false"));
        assertThat(thick.config()).containsExactly(Map.entry("lvm.use_thinpool", "false"));
        StoragePoolsPost thin = PoolRequest.build("p4", "lvm", "", Map.of("lvm.use_thinpool", "true",
                "lvm.thinpool_name", "tp"));
        assertThat(thin.config()).containsExactly(Map.entry("lvm.thinpool_name", "tp"));
    }

    @Test
    void aClusterPoolAsksEachMemberForItsOwnKeysAndKeepsThemOutOfTheClusterWideRequest() {
        Map<String, Map<String, String>> members = new java.util.LinkedHashMap<>();
        members.put("node1", Map.of("size", "5 GiB", "source", ""));
        members.put("node2", Map.of("size", "", "source", "/dev/vdb"));
        PoolRequest.ClusterRequest request = PoolRequest.buildForCluster("pc", "lvm", " shared ",
                Map.of("lvm.use_thinpool", "false"), members);
        assertThat(request.perMember().keySet()).containsExactly("node1", "node2");
        assertThat(request.perMember().get("node1")).isEqualTo(
                new StoragePoolsPost("pc", "lvm", "", Map.of("size", "5GiB")));
        assertThat(request.perMember().get("node2").config()).containsExactly(Map.entry("source", "/dev/vdb"));
        assertThat(request.global()).isEqualTo(
                new StoragePoolsPost("pc", "lvm", "shared", Map.of("lvm.use_thinpool", "false")));
        // A per-member key typed for the whole cluster is not sent cluster-wide: the server refuses it there.
        PoolRequest.ClusterRequest stray = PoolRequest.buildForCluster("pd", "dir", "", Map.of("source", "/srv/x"),
                Map.of("node1", Map.of()));
        assertThat(stray.global().config()).isEmpty();
        assertThat(stray.perMember().get("node1").config()).isEmpty();
        assertThat(new PoolRequest.Field("zfs.pool_name", PoolRequest.Kind.SOURCE).id("db-1.example"))
                .isEqualTo("pool_zfs_pool_name__db-1_example");
    }

    @Test
    void usedByIsSortedByKind() {
        PoolUsage usage = PoolUsage.of("p1", List.of("/1.0/profiles/web", "/1.0/profiles/db?project=x",
                "/1.0/instances/c1", "/1.0/images/abc123", "/1.0/storage-pools/p1/volumes/custom/data%20set",
                "/1.0/storage-pools/p1/volumes/container/c2", "/1.0/storage-pools/p1/volumes/image/def",
                "/1.0/storage-pools/p1/volumes/custom/v1/snapshots/s0", "/1.0/networks/x"));
        assertThat(usage.profiles()).containsExactly("web", "db");
        assertThat(usage.instances()).containsExactly("c1", "c2");
        assertThat(usage.images()).containsExactly("abc123", "def");
        assertThat(usage.volumes()).containsExactly("data set");
        assertThat(usage.other()).containsExactly("/1.0/storage-pools/p1/volumes/custom/v1/snapshots/s0",
                "/1.0/networks/x");
        assertThat(usage.blocked()).isTrue();
        PoolUsage clearable = PoolUsage.of("p1", List.of("/1.0/profiles/web", "/1.0/storage-pools/p1/volumes/custom/v"));
        assertThat(clearable.blocked()).isFalse();
        assertThat(clearable.unused()).isFalse();
        assertThat(PoolUsage.of("p1", null).unused()).isTrue();
    }
}
