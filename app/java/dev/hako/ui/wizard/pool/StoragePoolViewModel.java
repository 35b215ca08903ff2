package dev.hako.ui.wizard.pool;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.ServerEnvironment;
import dev.hako.lxd.api.StorageDriverInfo;
import dev.hako.model.NameRules;
import dev.hako.model.RemoteModel;
import dev.hako.model.pool.PoolCreation;
import dev.hako.model.pool.PoolPreview;
import dev.hako.model.pool.PoolRequest;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The storage pool wizard's state: name, driver and description; the driver's own
 * settings (on a cluster, the per-member keys once for each member); the profile whose
 * root disk the pool becomes; what each page still lacks; and the creation, with its
 * rollback reported as the use case decided it.
 */
public final class StoragePoolViewModel {

    /** What happens to a profile. */
    public enum ProfileChoice { NONE, EXISTING, NEW }

    /** Runs a plan on the server (blocking); {@link PoolCreation} in the application. */
    @FunctionalInterface
    public interface Creator {
        void create(PoolCreation.Plan plan) throws Exception;
    }

    private static final List<String> DRIVERS_WITH_HELP = List.of("dir", "btrfs", "lvm", "zfs", "ceph");

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final String remote;
    private final List<String> drivers;
    private final Supplier<Set<String>> existingPools;
    private final Supplier<List<String>> profiles;
    private final List<String> members;
    private final Creator creator;
    /** Pools this wizard made that could not be deleted again: their names are taken now. */
    private final Set<String> leftBehind = new HashSet<>();

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty driver = new SimpleStringProperty(this, "driver");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> flags = new LinkedHashMap<>();
    private final Map<String, Map<String, StringProperty>> memberValues = new LinkedHashMap<>();
    private final ObjectProperty<ProfileChoice> profileChoice = new SimpleObjectProperty<>(this, "profileChoice",
            ProfileChoice.NONE);
    private final StringProperty profile = new SimpleStringProperty(this, "profile");
    private final StringProperty newProfileName = new SimpleStringProperty(this, "newProfileName", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");

    /**
     * {@code existingPools} and {@code profiles} are read each time they are needed (the
     * remote's live collections); {@code members} is empty for a standalone server.
     */
    public StoragePoolViewModel(I18n i18n, TaskExecutor tasks, DialogService dialogs, String remote,
                                List<String> drivers, Supplier<Set<String>> existingPools,
                                Supplier<List<String>> profiles, List<String> members, Creator creator) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.remote = remote;
        this.drivers = List.copyOf(new TreeSet<>(drivers));
        this.existingPools = existingPools;
        this.profiles = profiles;
        this.members = List.copyOf(members);
        this.creator = creator;
        driver.set(this.drivers.contains("dir") ? "dir" : this.drivers.isEmpty() ? null : this.drivers.get(0));
        List<String> known = profiles.get();
        profile.set(known.isEmpty() ? null : known.get(0));
        profileChoice.addListener((o, a, b) -> refreshPreview());
        profile.addListener((o, a, b) -> refreshPreview());
        newProfileName.addListener((o, a, b) -> refreshPreview());
    }

    /** For a connected remote: drivers as the server reported them, the rest from the remote's collections. */
    public static StoragePoolViewModel of(RemoteModel remote, LxdClient client, TaskExecutor tasks,
                                          DialogService dialogs) {
        ServerEnvironment env = client.serverInfo().environment();
        List<String> drivers = env == null || env.storageSupportedDrivers() == null ? List.of()
                : env.storageSupportedDrivers().stream().map(StorageDriverInfo::name).toList();
        List<String> members = env != null && env.serverClustered()
                ? new ArrayList<>(new TreeSet<>(remote.clusterMembers().snapshot().keySet())) : List.of();
        return new StoragePoolViewModel(dialogs.i18n(), tasks, dialogs, remote.name(), drivers,
                () -> remote.storagePools().snapshot().keySet(),
                () -> remote.profiles().snapshot().keySet().stream().sorted().toList(), members,
                plan -> PoolCreation.run(client, plan));
    }

    // ---- state ----

    public String remote() {
        return remote;
    }

    public List<String> drivers() {
        return drivers;
    }

    public List<String> profiles() {
        return profiles.get();
    }

    /** The cluster's members in order; empty for a standalone server. */
    public List<String> members() {
        return members;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty driverProperty() {
        return driver;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The typed value of a driver field (kept when the driver changes and back). */
    public StringProperty value(String key) {
        return values.computeIfAbsent(key, k -> new SimpleStringProperty(this, k, ""));
    }

    /** A yes/no driver field; yes unless changed. */
    public BooleanProperty flag(String key) {
        return flags.computeIfAbsent(key, k -> new SimpleBooleanProperty(this, k, true));
    }

    /** The value typed for one member of a key the cluster keeps per member. */
    public StringProperty memberValue(String member, String key) {
        return memberValues.computeIfAbsent(member, m -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new SimpleStringProperty(this, member + "/" + k, ""));
    }

    public ObjectProperty<ProfileChoice> profileChoiceProperty() {
        return profileChoice;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty newProfileNameProperty() {
        return newProfileName;
    }

    /** The requests as they will be sent; refreshed with {@link #refreshPreview()} and on profile changes. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The chosen driver's fields, in order. */
    public List<PoolRequest.Field> fields() {
        return driver.get() == null ? List.of() : PoolRequest.fieldsOf(driver.get());
    }

    /** Whether this field is asked once per member (on a cluster) rather than once. */
    public boolean askedPerMember(PoolRequest.Field field) {
        return field.perMember() && !members.isEmpty();
    }

    /** What the chosen driver's settings mean, in the user's language. */
    public String help() {
        String key = "pool.help." + (DRIVERS_WITH_HELP.contains(driver.get()) ? driver.get() : "other");
        return i18n.get(key) + (members.isEmpty() ? "" : "\n" + i18n.get("pool.help.cluster"));
    }

    // ---- checks, page by page ----

    private Set<String> takenNames() {
        Set<String> taken = new HashSet<>(existingPools.get());
        taken.addAll(leftBehind);
        return taken;
    }

    private String first(List<String> problems) {
        return problems.isEmpty() ? null : i18n.get(problems.get(0));
    }

    /** The first page: name and driver. */
    public String driverProblem() {
        return first(PoolRequest.problems(name.get().trim(), driver.get(), Map.of(), takenNames()));
    }

    /** The second page: the driver's settings, each member's too. */
    public String settingsProblem() {
        List<String> problems = new ArrayList<>(PoolRequest.problems(name.get().trim(), driver.get(),
                globalValues(), takenNames()));
        for (Map<String, String> own : perMemberValues().values()) {
            problems.addAll(PoolRequest.problems(name.get().trim(), driver.get(), own, takenNames()));
        }
        return first(problems);
    }

    /** The last page: the profile, and everything before. */
    public String profileProblem() {
        if (profileChoice.get() == ProfileChoice.EXISTING && profile.get() == null) {
            return i18n.get("pool.problem.profile");
        }
        if (profileChoice.get() == ProfileChoice.NEW) {
            String wanted = newProfileName.get().trim();
            var rule = NameRules.check(wanted);
            if (rule.isPresent()) {
                return i18n.get(rule.get().messageKey);
            }
            if (profiles.get().contains(wanted)) {
                return i18n.get("pool.problem.profileExists");
            }
        }
        return settingsProblem();
    }

    // ---- the plan ----

    /** Values of the fields asked once, as typed ("true"/"false" for yes/no fields). */
    Map<String, String> globalValues() {
        Map<String, String> typed = new LinkedHashMap<>();
        for (PoolRequest.Field field : fields()) {
            if (askedPerMember(field)) {
                continue;
            }
            typed.put(field.key(), field.kind() == PoolRequest.Kind.FLAG ? String.valueOf(flag(field.key()).get())
                    : value(field.key()).get());
        }
        return typed;
    }

    /** Per member, the values typed for its own fields. */
    Map<String, Map<String, String>> perMemberValues() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String member : members) {
            Map<String, String> own = new LinkedHashMap<>();
            for (PoolRequest.Field field : fields()) {
                if (askedPerMember(field)) {
                    own.put(field.key(), memberValue(member, field.key()).get());
                }
            }
            all.put(member, own);
        }
        return all;
    }

    /** The profile whose root disk the pool becomes, or null. */
    String chosenProfile() {
        return switch (profileChoice.get()) {
            case EXISTING -> profile.get();
            case NEW -> newProfileName.get().trim();
            case NONE -> null;
        };
    }

    /** What Finish sends. */
    public PoolCreation.Plan plan() {
        String poolName = name.get().trim();
        boolean create = profileChoice.get() == ProfileChoice.NEW;
        if (members.isEmpty()) {
            return new PoolCreation.Plan(PoolRequest.build(poolName, driver.get(), description.get(), globalValues()),
                    null, chosenProfile(), create);
        }
        return new PoolCreation.Plan(null, PoolRequest.buildForCluster(poolName, driver.get(), description.get(),
                globalValues(), perMemberValues()), chosenProfile(), create);
    }

    public void refreshPreview() {
        preview.set(driver.get() == null ? "" : PoolPreview.of(plan()));
    }

    // ---- finish ----

    /**
     * Creates the pool in the background. {@code onCreated} runs once it exists;
     * {@code onFailed} when it does not, after the failure is shown — with what the
     * rollback did when the profile step was refused.
     */
    public void finish(Runnable onCreated, Runnable onFailed) {
        PoolCreation.Plan plan = plan();
        working.set(true);
        tasks.execute(BackgroundTask.ofRunnable(() -> creator.create(plan))
                .onSuccess(done -> {
                    working.set(false);
                    onCreated.run();
                })
                .onFailure(failure -> {
                    working.set(false);
                    onFailed.run();
                    report(plan, failure);
                }));
    }

    private void report(PoolCreation.Plan plan, Exception failure) {
        if (FailureText.unwrap(failure) instanceof PoolCreation.AttachFailedException attach) {
            if (attach.rolledBack()) {
                dialogs.showError(i18n.format("pool.attachFailed.rolledBack", plan.profile(), plan.poolName()),
                        attach.failure());
            } else {
                leftBehind.add(plan.poolName());
                dialogs.showError(i18n.format("pool.attachFailed.left", plan.profile(), plan.poolName(),
                        FailureText.of(i18n, attach.rollbackFailure())), attach.failure());
            }
        } else {
            dialogs.showError(i18n.format("pool.createFailed", plan.poolName()), failure);
        }
    }
}
