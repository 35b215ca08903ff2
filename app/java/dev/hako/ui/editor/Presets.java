package dev.hako.ui.editor;

import dev.hako.model.config.EditDocument;
import dev.hako.model.config.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** What the preset forms (Docker inside, limits) do to a draft. Pure. */
final class Presets {

    /** The kernel modules Docker inside a container needs the host to load. */
    static final String DOCKER_MODULES = "overlay,br_netfilter,ip_tables,ip6_tables,nf_nat,xt_conntrack";

    /** The Docker form's choices; interception is only offered when the server has the extension. */
    record DockerChoice(boolean nesting, boolean mknod, boolean setxattr, boolean modules, String moduleList) {
    }

    /** A preset's outcome: the new draft, or the problems that keep it from being applied. */
    record Outcome(EditDocument document, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private Presets() {
    }

    static Outcome docker(ConfigCatalog catalog, ObjectKind kind, EditDocument draft, DockerChoice choice,
                          boolean interceptAvailable) {
        EditDocument d = draft;
        if (choice.nesting()) {
            d = d.withConfigValue("security.nesting", "true");
        }
        if (choice.mknod() && interceptAvailable) {
            d = d.withConfigValue("security.syscalls.intercept.mknod", "true");
        }
        if (choice.setxattr() && interceptAvailable) {
            d = d.withConfigValue("security.syscalls.intercept.setxattr", "true");
        }
        if (choice.modules()) {
            String list = choice.moduleList() == null ? "" : choice.moduleList().trim();
            Optional<Problem> bad = ValueValidator.check(catalog.lookup(kind, "linux.kernel_modules").orElse(null),
                    "linux.kernel_modules", list);
            if (bad.isPresent()) {
                return new Outcome(null, List.of(bad.get()));
            }
            d = d.withConfigValue("linux.kernel_modules", list);
        }
        return new Outcome(d, List.of());
    }

    /**
     * CPU, memory and root disk limits; an empty field removes the limit. The root disk is
     * the draft's own, or else the inherited one, which is then overridden with the new size.
     */
    static Outcome limits(ConfigCatalog catalog, ObjectKind kind, EditDocument draft,
                          Map<String, String> inheritedRoot, String cpu, String memory, String disk) {
        List<Problem> problems = new ArrayList<>();
        catalog.lookup(kind, "limits.cpu").flatMap(k -> ValueValidator.check(k, "limits.cpu", cpu))
                .ifPresent(problems::add);
        catalog.lookup(kind, "limits.memory").flatMap(k -> ValueValidator.check(k, "limits.memory", memory))
                .ifPresent(problems::add);
        DeviceKinds.field("disk", "size").flatMap(k -> ValueValidator.check(k, "root.size", disk))
                .ifPresent(problems::add);
        Map<String, String> ownRoot = draft.devices().get("root");
        Map<String, String> root = ownRoot != null ? ownRoot : inheritedRoot;
        String size = disk == null ? "" : disk.trim();
        if (!size.isEmpty() && root == null) {
            problems.add(Problem.of("root", "editor.limits.noRoot"));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        EditDocument d = draft.withConfigValue("limits.cpu", cpu == null ? "" : cpu.trim())
                .withConfigValue("limits.memory", memory == null ? "" : memory.trim());
        if (root != null && !Objects.equals(root.get("size"), size.isEmpty() ? null : size)) {
            Map<String, String> newRoot = new TreeMap<>(root);
            if (size.isEmpty()) {
                newRoot.remove("size");
            } else {
                newRoot.put("size", size);
            }
            Map<String, Map<String, String>> devices = new TreeMap<>(d.devices());
            devices.put("root", newRoot);
            d = d.withDevices(devices);
        }
        return new Outcome(d, List.of());
    }
}
