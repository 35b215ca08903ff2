package dev.hako.model.pool;

import dev.hako.lxd.api.StoragePoolsPost;
import dev.hako.model.NameRules;
import dev.hako.model.SizeRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a new storage pool is asked for, per driver, the checks made before anything
 * is sent, and the requests that are sent (one per cluster member for the keys a
 * cluster keeps per member, then the cluster-wide one).
 */
public final class PoolRequest {

    private static final Pattern NO_SPACE = Pattern.compile("[^\\s/:]+");

    /**
     * Keys a cluster keeps per member (the server refuses them in the final, cluster-wide
     * request): each member is asked for its own value.
     */
    public static final java.util.Set<String> MEMBER_KEYS = java.util.Set.of("source", "size", "zfs.pool_name",
            "lvm.thinpool_name", "lvm.vg_name");

    /** How a driver field is checked. */
    public enum Kind { PATH, SIZE, NAME, SOURCE, FLAG }

    /** One field of a driver: its config key and how its value is checked. */
    public record Field(String key, Kind kind) {
        /** The bundle key of the field's label. */
        public String labelKey() {
            return "pool.field." + key;
        }

        /** A node id for the field's control (dots are not allowed in CSS ids). */
        public String id() {
            return "pool_" + key.replace('.', '_');
        }

        /** The id of this field's control for one cluster member. */
        public String id(String member) {
            return id() + "__" + member.replaceAll("[^A-Za-z0-9_-]", "_");
        }

        public boolean perMember() {
            return MEMBER_KEYS.contains(key);
        }
    }

    /** A pool for a cluster: one request per member with its own keys, then the cluster-wide one. */
    public record ClusterRequest(Map<String, StoragePoolsPost> perMember, StoragePoolsPost global) {
    }

    /** The driver's own fields, in the order the wizard shows them. */
    public static List<Field> fieldsOf(String driver) {
        return switch (driver) {
            case "dir" -> List.of(new Field("source", Kind.PATH));
            case "btrfs" -> List.of(new Field("size", Kind.SIZE), new Field("source", Kind.SOURCE));
            case "lvm" -> List.of(new Field("source", Kind.SOURCE), new Field("size", Kind.SIZE),
                    new Field("lvm.use_thinpool", Kind.FLAG), new Field("lvm.thinpool_name", Kind.NAME));
            case "zfs" -> List.of(new Field("zfs.pool_name", Kind.SOURCE), new Field("size", Kind.SIZE));
            case "ceph" -> List.of(new Field("ceph.cluster_name", Kind.NAME), new Field("ceph.osd.pool_name", Kind.NAME),
                    new Field("ceph.user.name", Kind.NAME));
            default -> List.of(new Field("source", Kind.SOURCE));
        };
    }

    private PoolRequest() {
    }

    /**
     * The problems of a request, as bundle keys with the field they concern; empty when
     * it may be sent. {@code values} holds the driver fields as typed (blank = not set).
     */
    public static List<String> problems(String name, String driver, Map<String, String> values,
                                        java.util.Collection<String> existingPools) {
        List<String> problems = new ArrayList<>();
        NameRules.checkPool(name).ifPresent(p -> problems.add(p.messageKey));
        if (existingPools.contains(name)) {
            problems.add("pool.problem.exists");
        }
        if (driver == null || driver.isEmpty()) {
            problems.add("pool.problem.driver");
            return problems;
        }
        for (Field field : fieldsOf(driver)) {
            String value = values.getOrDefault(field.key(), "").trim();
            if (value.isEmpty()) {
                continue;
            }
            boolean ok = switch (field.kind()) {
                case PATH -> value.startsWith("/") && !value.contains("..");
                case SIZE -> SizeRules.valid(value);
                case NAME -> NO_SPACE.matcher(value).matches();
                case SOURCE -> !value.contains("..") && !value.chars().anyMatch(Character::isWhitespace);
                case FLAG -> "true".equals(value) || "false".equals(value);
            };
            if (!ok) {
                problems.add(field.kind() == Kind.SIZE ? SizeRules.PROBLEM_KEY
                        : "pool.problem." + field.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if ("lvm".equals(driver) && "false".equals(values.get("lvm.use_thinpool"))
                && !values.getOrDefault("lvm.thinpool_name", "").isBlank()) {
            problems.add("pool.problem.thinpoolUnused");
        }
        return problems;
    }

    /**
     * The requests for a cluster: {@code memberValues} holds, per member, the values typed
     * for the per-member fields; {@code values} the rest. Members come in the order given.
     */
    public static ClusterRequest buildForCluster(String name, String driver, String description,
                                                 Map<String, String> values,
                                                 Map<String, Map<String, String>> memberValues) {
        StoragePoolsPost all = build(name, driver, description, values);
        Map<String, String> global = new LinkedHashMap<>(all.config());
        global.keySet().removeAll(MEMBER_KEYS);
        Map<String, StoragePoolsPost> perMember = new LinkedHashMap<>();
        memberValues.forEach((member, own) -> {
            Map<String, String> config = new LinkedHashMap<>(build(name, driver, "", own).config());
            config.keySet().retainAll(MEMBER_KEYS);
            perMember.put(member, new StoragePoolsPost(name, driver, "", config));
        });
        return new ClusterRequest(perMember, new StoragePoolsPost(name, driver, all.description(), global));
    }

    /** The request as it will be sent: only the fields that were filled in. */
    public static StoragePoolsPost build(String name, String driver, String description, Map<String, String> values) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Field field : fieldsOf(driver)) {
            String value = values.getOrDefault(field.key(), "").trim();
            if (value.isEmpty() || (field.kind() == Kind.FLAG && "true".equals(value) && "lvm".equals(driver))) {
                // lvm uses a thin pool unless told otherwise: only "false" needs saying.
                continue;
            }
            config.put(field.key(), field.kind() == Kind.SIZE ? value.replace(" ", "") : value);
        }
        return new StoragePoolsPost(name, driver, description == null ? "" : description.trim(), config);
    }
}
