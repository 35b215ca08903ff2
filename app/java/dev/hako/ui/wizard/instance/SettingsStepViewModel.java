package dev.hako.ui.wizard.instance;

import dev.hako.model.NameRules;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The settings page: name, type, profiles, limits, root pool, cluster member, network,
 * cloud-init user-data and whether to start. The choices of pools, networks, members and
 * profiles follow the target's live lists; "" means "what the profiles (or the cluster) say".
 */
final class SettingsStepViewModel {

    private final I18n i18n;
    private final TargetServer target;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final StringProperty type = new SimpleStringProperty(this, "type");
    private final ObservableSet<String> chosenProfiles = FXCollections.observableSet("default");
    private final ObjectProperty<InstanceRequest.Preset> preset =
            new SimpleObjectProperty<>(this, "preset", InstanceRequest.Preset.NONE);
    private final StringProperty cpu = new SimpleStringProperty(this, "cpu", "");
    private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ObservableList<String> networks = FXCollections.observableArrayList();
    private final StringProperty pool = new SimpleStringProperty(this, "pool", "");
    private final StringProperty member = new SimpleStringProperty(this, "member", "");
    private final StringProperty network = new SimpleStringProperty(this, "network", "");
    private final StringProperty userData = new SimpleStringProperty(this, "userData", "");
    private final BooleanProperty start = new SimpleBooleanProperty(this, "start", true);
    /** Names the server refused as taken since the page was filled (the live list may lag behind). */
    private final ObservableSet<String> refusedNames = FXCollections.observableSet();
    private final BooleanBinding customLimits = preset.isEqualTo(InstanceRequest.Preset.CUSTOM);
    private final BooleanBinding typeFixed = Bindings.size(types).lessThan(2);
    private final BooleanBinding clustered;
    private final StringBinding problem;

    SettingsStepViewModel(I18n i18n, TargetServer target) {
        this.i18n = i18n;
        this.target = target;
        withEmptyFirst(target.pools(), pools);
        withEmptyFirst(target.members(), members);
        withEmptyFirst(target.networks(), networks);
        clustered = Bindings.isNotEmpty(target.members());
        preset.addListener((o, before, chosen) -> {
            if (chosen != null && chosen != InstanceRequest.Preset.CUSTOM) {
                cpu.set(chosen.cpu == null ? "" : chosen.cpu);
                memory.set(chosen.memory == null ? "" : chosen.memory);
            }
        });
        problem = Bindings.createStringBinding(this::problemText, name, type, preset, cpu, memory, userData,
                target.instances(), refusedNames, i18n.localeProperty());
    }

    /** {@code choices} is "" then the target's {@code live} names, kept so. */
    private static void withEmptyFirst(ObservableList<String> live, ObservableList<String> choices) {
        Runnable fill = () -> {
            List<String> all = new ArrayList<>();
            all.add("");
            all.addAll(live);
            choices.setAll(all);
        };
        fill.run();
        live.addListener((ListChangeListener<String>) change -> fill.run());
    }

    /** The types the chosen image offers; the choice is kept when still offered. */
    void offerTypes(List<String> offered) {
        if (offered.isEmpty()) {
            return;
        }
        String before = type.get();
        types.setAll(offered);
        type.set(before != null && offered.contains(before) ? before : offered.get(0));
    }

    /** The server said the name is taken (it was made after the page was checked). */
    void refuseName(String taken) {
        refusedNames.add(taken);
    }

    private String problemText() {
        String wanted = name.get().trim();
        // Left blank, the server chooses a name, as lxc launch does without one.
        Optional<NameRules.Problem> rule = wanted.isEmpty() ? Optional.empty() : NameRules.check(wanted);
        if (rule.isPresent()) {
            return i18n.get(rule.get().messageKey);
        }
        if (target.instances().contains(wanted) || refusedNames.contains(wanted)) {
            return i18n.format("newinstance.problem.taken", wanted, target.name());
        }
        if ("virtual-machine".equals(type.get()) && !target.supportsVms()) {
            return i18n.format("newinstance.problem.noVms", target.name());
        }
        if (preset.get() == InstanceRequest.Preset.CUSTOM) {
            if (!cpu.get().isBlank() && !InstanceRequest.validCpu(cpu.get())) {
                return i18n.get("newinstance.problem.cpu");
            }
            if (!memory.get().isBlank() && !InstanceRequest.validMemory(memory.get())) {
                return i18n.get("newinstance.problem.memory");
            }
        }
        return InstanceRequest.userDataProblem(userData.get()).map(p -> p.missingHeader()
                ? i18n.get("newinstance.problem.userDataHeader")
                : i18n.format("newinstance.problem.userData", p.line(), p.parserText())).orElse(null);
    }

    /** What keeps the page from going on, in the user's language; null when nothing. */
    StringBinding problemProperty() {
        return problem;
    }

    /** The profiles to apply, in the target's order. */
    List<String> profiles() {
        return target.profiles().stream().filter(chosenProfiles::contains).toList();
    }

    /** The limits to set, or null to leave them to the profiles. */
    String limitCpu() {
        return preset.get() == InstanceRequest.Preset.NONE ? null : cpu.get();
    }

    String limitMemory() {
        return preset.get() == InstanceRequest.Preset.NONE ? null : memory.get();
    }

    static String chosenOrNull(StringProperty choice) {
        return choice.get() == null || choice.get().isEmpty() ? null : choice.get();
    }

    StringProperty nameProperty() {
        return name;
    }

    ObservableList<String> types() {
        return types;
    }

    StringProperty typeProperty() {
        return type;
    }

    /** True while the image offers one type only. */
    BooleanBinding typeFixedProperty() {
        return typeFixed;
    }

    /** The target's profiles, in order. */
    ObservableList<String> profileChoices() {
        return target.profiles();
    }

    ObservableSet<String> chosenProfiles() {
        return chosenProfiles;
    }

    ObjectProperty<InstanceRequest.Preset> presetProperty() {
        return preset;
    }

    StringProperty cpuProperty() {
        return cpu;
    }

    StringProperty memoryProperty() {
        return memory;
    }

    /** True when the user types the limits; otherwise the preset fills them. */
    BooleanBinding customLimitsProperty() {
        return customLimits;
    }

    ObservableList<String> poolChoices() {
        return pools;
    }

    ObservableList<String> memberChoices() {
        return members;
    }

    ObservableList<String> networkChoices() {
        return networks;
    }

    StringProperty poolProperty() {
        return pool;
    }

    StringProperty memberProperty() {
        return member;
    }

    StringProperty networkProperty() {
        return network;
    }

    StringProperty userDataProperty() {
        return userData;
    }

    BooleanProperty startProperty() {
        return start;
    }

    /** Whether the target is a cluster (the member choice shows). */
    BooleanBinding clusteredProperty() {
        return clustered;
    }

    String cloudInitKey() {
        return target.cloudInitKey();
    }
}
