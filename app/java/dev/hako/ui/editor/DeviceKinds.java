package dev.hako.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The typed fields of each device kind the device editor has a form for, and the
 * checks made before a device is sent. Other keys of a device stay editable as text.
 */
public final class DeviceKinds {

    public static final List<String> TYPES = List.of("disk", "nic", "proxy", "unix-char", "unix-block", "gpu", "usb");

    private static final String MAC = "^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$";
    private static final String PROXY_ADDRESS = "^(tcp|udp):[^:]*(:.*)?:\\d+(-\\d+)?(,\\d+(-\\d+)?)*$|^unix:.+$";
    private static final String ID = "^[0-9a-fA-F]{4}$";

    private static final Map<String, List<ConfigKey>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("disk", List.of(
                field("path", ValueType.STRING, null, null),
                field("source", ValueType.STRING, null, null),
                field("pool", ValueType.STRING, null, null),
                field("readonly", ValueType.BOOLEAN, null, null),
                field("size", ValueType.SIZE, null, null)));
        FIELDS.put("nic", List.of(
                field("nictype", ValueType.ENUM,
                        List.of("bridged", "macvlan", "sriov", "physical", "ipvlan", "p2p", "routed"), null),
                field("network", ValueType.STRING, null, null),
                field("parent", ValueType.STRING, null, null),
                field("name", ValueType.STRING, null, null),
                field("hwaddr", ValueType.STRING, null, MAC)));
        FIELDS.put("proxy", List.of(
                field("listen", ValueType.STRING, null, PROXY_ADDRESS),
                field("connect", ValueType.STRING, null, PROXY_ADDRESS),
                field("bind", ValueType.ENUM, List.of("host", "instance"), null),
                field("nat", ValueType.BOOLEAN, null, null)));
        List<ConfigKey> unix = List.of(
                field("source", ValueType.STRING, null, null),
                field("path", ValueType.STRING, null, null),
                field("major", ValueType.INTEGER, null, null),
                field("minor", ValueType.INTEGER, null, null),
                field("uid", ValueType.INTEGER, null, null),
                field("gid", ValueType.INTEGER, null, null),
                field("mode", ValueType.STRING, null, "^0?[0-7]{3,4}$"),
                field("required", ValueType.BOOLEAN, null, null));
        FIELDS.put("unix-char", unix);
        FIELDS.put("unix-block", unix);
        FIELDS.put("gpu", List.of(
                field("gputype", ValueType.ENUM, List.of("physical", "mdev", "mig", "sriov"), null),
                field("id", ValueType.STRING, null, null),
                field("pci", ValueType.STRING, null, null),
                field("vendorid", ValueType.STRING, null, ID),
                field("productid", ValueType.STRING, null, ID),
                field("uid", ValueType.INTEGER, null, null),
                field("gid", ValueType.INTEGER, null, null),
                field("mode", ValueType.STRING, null, "^0?[0-7]{3,4}$")));
        FIELDS.put("usb", List.of(
                field("vendorid", ValueType.STRING, null, ID),
                field("productid", ValueType.STRING, null, ID),
                field("uid", ValueType.INTEGER, null, null),
                field("gid", ValueType.INTEGER, null, null),
                field("mode", ValueType.STRING, null, "^0?[0-7]{3,4}$"),
                field("required", ValueType.BOOLEAN, null, null)));
    }

    private DeviceKinds() {
    }

    private static ConfigKey field(String key, ValueType type, List<String> values, String pattern) {
        return new ConfigKey(key, type, null, Set.of(), null, null, null, null, values, pattern, null, false, false,
                false, "", "", false);
    }

    /** The form fields of a device type; empty for types without a form (edited as text). */
    public static List<ConfigKey> fields(String type) {
        return FIELDS.getOrDefault(type, List.of());
    }

    public static Optional<ConfigKey> field(String type, String key) {
        return fields(type).stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** What is wrong with one device, checked without the server. */
    public static List<Problem> check(String name, Map<String, String> device) {
        List<Problem> problems = new ArrayList<>();
        String path = "devices." + name;
        String type = device.get("type");
        if (type == null || type.isBlank()) {
            problems.add(Problem.of(path, "editor.problem.deviceType", name));
            return problems;
        }
        for (var e : device.entrySet()) {
            field(type, e.getKey()).flatMap(f -> ValueValidator.check(f, name + "." + e.getKey(), e.getValue()))
                    .ifPresent(p -> problems.add(new Problem(path, 0, 0, p.messageKey(), p.arguments())));
        }
        switch (type) {
            case "disk" -> {
                if (blank(device, "path")) {
                    problems.add(Problem.of(path, "editor.problem.deviceNeeds", name, "path"));
                }
                if (blank(device, "source") && blank(device, "pool")) {
                    problems.add(Problem.of(path, "editor.problem.deviceNeeds", name, "source / pool"));
                }
            }
            case "nic" -> {
                if (blank(device, "network") && blank(device, "parent")) {
                    problems.add(Problem.of(path, "editor.problem.deviceNeeds", name, "network / parent"));
                }
            }
            case "proxy" -> {
                if (blank(device, "listen")) {
                    problems.add(Problem.of(path, "editor.problem.deviceNeeds", name, "listen"));
                }
                if (blank(device, "connect")) {
                    problems.add(Problem.of(path, "editor.problem.deviceNeeds", name, "connect"));
                }
            }
            case "unix-char", "unix-block" -> {
                if (blank(device, "source") && blank(device, "path")) {
                    problems.add(Problem.of(path, "editor.problem.deviceNeeds", name, "source / path"));
                }
            }
            default -> {
                // gpu and usb need nothing beyond their type; other types are the server's to judge
            }
        }
        return problems;
    }

    private static boolean blank(Map<String, String> device, String key) {
        String v = device.get(key);
        return v == null || v.isBlank();
    }
}
