package dev.hako.model.config;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstancePut;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.NetworkPut;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.Project;
import dev.hako.lxd.api.ProjectPut;
import dev.hako.lxd.api.Server;
import dev.hako.lxd.api.ServerPut;
import dev.hako.lxd.api.StoragePool;
import dev.hako.lxd.api.StoragePoolPut;
import dev.hako.lxd.api.StorageVolume;
import dev.hako.lxd.api.StorageVolumePut;
import dev.hako.lxd.api.Tagged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One object the editors work on: how to read its editable part with its ETag,
 * how to write it back with that ETag, and the {@code lxc}/{@code incus} commands
 * that make the same change. Loading and saving block: call them off the FX thread.
 */
public abstract class EditTarget {

    /** What a load brings: the editable part, its ETag (null when the server sends none) and context. */
    public record Loaded(
            EditDocument document,
            String etag,
            Map<String, String> inheritedConfig,
            Map<String, String> inheritedConfigFrom,
            Map<String, Map<String, String>> inheritedDevices,
            Map<String, String> inheritedDevicesFrom,
            String driverOrType,
            Set<String> hiddenKeys) {

        static Loaded plain(EditDocument document, String etag, String driverOrType) {
            return new Loaded(document, etag, Map.of(), Map.of(), Map.of(), Map.of(), driverOrType, Set.of());
        }
    }

    private final ObjectKind kind;
    private final String name;
    private final List<String> cliNoun;
    private final List<String> cliObject;

    /**
     * {@code cliNoun} and {@code cliObject} are the words before and after the verb in the
     * CLI's commands: {@code lxc profile set NAME} is {@code [profile]}, {@code set}, {@code [NAME]}.
     */
    EditTarget(ObjectKind kind, String name, List<String> cliNoun, List<String> cliObject) {
        this.kind = kind;
        this.name = name;
        this.cliNoun = cliNoun;
        this.cliObject = cliObject.stream().map(EditTarget::quote).toList();
    }

    public ObjectKind kind() {
        return kind;
    }

    /** The object's name as the user knows it ({@code pool/custom/vol} for a volume, empty for the server). */
    public String name() {
        return name;
    }

    public abstract Loaded load(LxdClient client);

    public abstract void save(LxdClient client, EditDocument document, String etag, Loaded loaded);

    /** The CLI's words for {@code verb} on this object, e.g. {@code profile set NAME}. */
    private List<String> command(String... verb) {
        List<String> words = new ArrayList<>(cliNoun);
        words.addAll(List.of(verb));
        words.addAll(cliObject);
        return words;
    }

    /** The commands that turn {@code base} into {@code draft}, for the CLI of {@code kind}. */
    public List<String> cliCommands(ServerKind serverKind, EditDocument base, EditDocument draft) {
        String cli = serverKind.cli();
        List<String> out = new ArrayList<>();
        Map<String, String> before = base.config();
        Map<String, String> after = draft.config();
        for (var e : after.entrySet()) {
            if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                out.add(join(cli, command("set"), quote(e.getKey() + "=" + e.getValue())));
            }
        }
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                out.add(join(cli, command("unset"), quote(key)));
            }
        }
        if (kind.hasDevices()) {
            Map<String, Map<String, String>> was = base.devices();
            Map<String, Map<String, String>> now = draft.devices();
            for (String device : was.keySet()) {
                Map<String, String> after0 = now.get(device);
                if (after0 == null || !Objects.equals(after0.get("type"), was.get(device).get("type"))) {
                    out.add(join(cli, command("device", "remove"), quote(device)));
                } else if (!after0.equals(was.get(device))) {
                    // Same device, other keys: set and unset in place (a device in use cannot be removed).
                    Map<String, String> before0 = was.get(device);
                    after0.forEach((k, v) -> {
                        if (!v.equals(before0.get(k))) {
                            out.add(join(cli, command("device", "set"), quote(device), quote(k + "=" + v)));
                        }
                    });
                    before0.keySet().stream().filter(k -> !after0.containsKey(k))
                            .forEach(k -> out.add(join(cli, command("device", "unset"), quote(device), quote(k))));
                }
            }
            for (var e : now.entrySet()) {
                Map<String, String> before0 = was.get(e.getKey());
                if (before0 == null || !Objects.equals(before0.get("type"), e.getValue().get("type"))) {
                    StringBuilder add = new StringBuilder(join(cli, command("device", "add"), quote(e.getKey())));
                    add.append(' ').append(quote(e.getValue().getOrDefault("type", "none")));
                    e.getValue().forEach((k, v) -> {
                        if (!k.equals("type")) {
                            add.append(' ').append(quote(k + "=" + v));
                        }
                    });
                    out.add(add.toString());
                }
            }
        }
        if (!base.description().equals(draft.description()) || !base.fields().entrySet().stream()
                .filter(f -> !f.getKey().equals("config") && !f.getKey().equals("devices")
                        && !f.getKey().equals("description"))
                .allMatch(f -> Objects.equals(f.getValue(), draft.fields().get(f.getKey())))) {
            out.add("# " + join(cli, command("edit")) + "   (description, profiles and other fields)");
        }
        return out;
    }

    private static String join(String cli, List<String> words, String... more) {
        StringBuilder b = new StringBuilder(cli);
        words.forEach(w -> b.append(' ').append(w));
        for (String m : more) {
            b.append(' ').append(m);
        }
        return b.toString();
    }

    static String quote(String word) {
        return dev.hako.model.CommandLine.quote(word);
    }

    // ---- the seven kinds -------------------------------------------------------------------------

    public static EditTarget instance(String name) {
        return new EditTarget(ObjectKind.INSTANCE, name, List.of("config"), List.of(name)) {
            @Override
            public Loaded load(LxdClient client) {
                Tagged<Instance> tagged = client.instances().get(name);
                Instance instance = tagged.value();
                EditDocument document = EditDocument.of(ObjectKind.INSTANCE, instance.toPut());
                Map<String, String> own = document.config();
                Map<String, String> inherited = new TreeMap<>();
                if (instance.expandedConfig() != null) {
                    instance.expandedConfig().forEach((k, v) -> {
                        if (!own.containsKey(k)) {
                            inherited.put(k, v);
                        }
                    });
                }
                Map<String, Map<String, String>> inheritedDevices = new TreeMap<>();
                if (instance.expandedDevices() != null) {
                    instance.expandedDevices().forEach((k, v) -> {
                        if (!document.devices().containsKey(k)) {
                            inheritedDevices.put(k, v);
                        }
                    });
                }
                // Which profile gives each inherited value: the last profile that sets it wins, as on the server.
                Map<String, String> from = new TreeMap<>();
                Map<String, String> devicesFrom = new TreeMap<>();
                if (!inherited.isEmpty() || !inheritedDevices.isEmpty()) {
                    for (String profileName : instance.profiles() == null ? List.<String>of() : instance.profiles()) {
                        Profile profile = client.profiles().get(profileName).value();
                        if (profile.config() != null) {
                            profile.config().keySet().stream().filter(inherited::containsKey)
                                    .forEach(k -> from.put(k, profileName));
                        }
                        if (profile.devices() != null) {
                            profile.devices().keySet().stream().filter(inheritedDevices::containsKey)
                                    .forEach(k -> devicesFrom.put(k, profileName));
                        }
                    }
                }
                return new Loaded(document, tagged.etag(), inherited, from, inheritedDevices, devicesFrom,
                        instance.type(), Set.of());
            }

            @Override
            public void save(LxdClient client, EditDocument document, String etag, Loaded loaded) {
                client.instances().update(name, document.toPut(InstancePut.class), etag)
                        .awaitSuccess(Duration.ofMinutes(2));
            }



        };
    }

    public static EditTarget profile(String name) {
        return new EditTarget(ObjectKind.PROFILE, name, List.of("profile"), List.of(name)) {
            @Override
            public Loaded load(LxdClient client) {
                Tagged<Profile> tagged = client.profiles().get(name);
                return Loaded.plain(EditDocument.of(ObjectKind.PROFILE, tagged.value().toPut()), tagged.etag(), null);
            }

            @Override
            public void save(LxdClient client, EditDocument document, String etag, Loaded loaded) {
                client.profiles().update(name, document.toPut(ProfilePut.class), etag);
            }



        };
    }

    public static EditTarget network(String name) {
        return new EditTarget(ObjectKind.NETWORK, name, List.of("network"), List.of(name)) {
            @Override
            public Loaded load(LxdClient client) {
                Tagged<Network> tagged = client.networks().get(name);
                return Loaded.plain(EditDocument.of(ObjectKind.NETWORK, tagged.value().toPut()), tagged.etag(),
                        tagged.value().type());
            }

            @Override
            public void save(LxdClient client, EditDocument document, String etag, Loaded loaded) {
                client.networks().update(name, document.toPut(NetworkPut.class), etag);
            }


        };
    }

    public static EditTarget storagePool(String name) {
        return new EditTarget(ObjectKind.STORAGE_POOL, name, List.of("storage"), List.of(name)) {
            @Override
            public Loaded load(LxdClient client) {
                Tagged<StoragePool> tagged = client.storage().pool(name);
                return Loaded.plain(EditDocument.of(ObjectKind.STORAGE_POOL, tagged.value().toPut()),
                        blankToNull(tagged.etag()), tagged.value().driver());
            }

            @Override
            public void save(LxdClient client, EditDocument document, String etag, Loaded loaded) {
                client.storage().updatePool(name, document.toPut(StoragePoolPut.class), etag);
            }


        };
    }

    public static EditTarget storageVolume(String pool, String type, String volume) {
        return new EditTarget(ObjectKind.STORAGE_VOLUME, pool + "/" + type + "/" + volume, List.of("storage", "volume"),
                List.of(pool, type + "/" + volume)) {
            @Override
            public Loaded load(LxdClient client) {
                Tagged<StorageVolume> tagged = client.storage().volume(pool, type, volume);
                return Loaded.plain(EditDocument.of(ObjectKind.STORAGE_VOLUME, tagged.value().toPut()),
                        blankToNull(tagged.etag()), null);
            }

            @Override
            public void save(LxdClient client, EditDocument document, String etag, Loaded loaded) {
                client.storage().updateVolume(pool, type, volume, document.toPut(StorageVolumePut.class), etag);
            }


        };
    }

    public static EditTarget project(String name) {
        return new EditTarget(ObjectKind.PROJECT, name, List.of("project"), List.of(name)) {
            @Override
            public Loaded load(LxdClient client) {
                Tagged<Project> tagged = client.projects().get(name);
                return Loaded.plain(EditDocument.of(ObjectKind.PROJECT, tagged.value().toPut()), tagged.etag(), null);
            }

            @Override
            public void save(LxdClient client, EditDocument document, String etag, Loaded loaded) {
                client.projects().update(name, document.toPut(ProjectPut.class), etag);
            }


        };
    }

    public static EditTarget server() {
        return new EditTarget(ObjectKind.SERVER, "", List.of("config"), List.of()) {
            @Override
            public Loaded load(LxdClient client) {
                Tagged<Server> tagged = client.server().get();
                Map<String, Object> raw = tagged.value().config() == null ? Map.of() : tagged.value().config();
                Map<String, String> config = new TreeMap<>();
                Set<String> hidden = new HashSet<>();
                // Hidden keys (core.trust_password) come back as true: shown as "true", sent back as true.
                raw.forEach((k, v) -> {
                    if (!(v instanceof String)) {
                        hidden.add(k);
                    }
                    config.put(k, String.valueOf(v));
                });
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("config", config);
                return new Loaded(EditDocument.of(ObjectKind.SERVER, fields), tagged.etag(), Map.of(), Map.of(),
                        Map.of(), Map.of(), null, Set.copyOf(hidden));
            }

            @Override
            public void save(LxdClient client, EditDocument document, String etag, Loaded loaded) {
                Map<String, Object> config = new TreeMap<>();
                document.config().forEach((k, v) -> config.put(k,
                        loaded.hiddenKeys().contains(k) && "true".equals(v) ? Boolean.TRUE : v));
                client.server().put(new ServerPut(config), etag);
            }


        };
    }

    private static String blankToNull(String etag) {
        return etag == null || etag.isBlank() ? null : etag;
    }
}
