package dev.hako.ui.projects;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.ProjectsPost;
import dev.hako.model.CommandLine;
import dev.hako.model.NameRules;
import dev.hako.model.SizeRules;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A new project: its name and description, which kinds of object it keeps apart from the
 * default project (features), and its limits. Checked before sending; the equivalent
 * {@code lxc project create} line is kept current.
 */
public final class NewProjectViewModel {

    /** A feature a project can keep to itself, and whether the CLI turns it on by default. */
    public enum Feature {
        IMAGES("features.images", true),
        PROFILES("features.profiles", true),
        STORAGE_VOLUMES("features.storage.volumes", true),
        NETWORKS("features.networks", false);

        public final String key;
        final boolean byDefault;

        Feature(String key, boolean byDefault) {
            this.key = key;
            this.byDefault = byDefault;
        }

        /** The bundle key of its label: the config key under {@code project.}. */
        public String labelKey() {
            return "project." + key;
        }
    }

    /** A limit: a count, or a size such as {@code 4GiB}. */
    public enum Limit {
        INSTANCES("limits.instances", false),
        CONTAINERS("limits.containers", false),
        VIRTUAL_MACHINES("limits.virtual-machines", false),
        CPU("limits.cpu", false),
        MEMORY("limits.memory", true),
        DISK("limits.disk", true);

        public final String key;
        final boolean size;

        Limit(String key, boolean size) {
            this.key = key;
            this.size = size;
        }

        /** The bundle key of its label: the config key under {@code project.}. */
        public String labelKey() {
            return "project." + key;
        }
    }

    /** Creates the project (blocking): {@code ProjectsApi.create} in the app. */
    @FunctionalInterface
    public interface Creator {
        void create(ProjectsPost request) throws Exception;
    }

    private final I18n i18n;
    private final ServerKind kind;
    private final String remote;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final Map<Feature, BooleanProperty> features = new LinkedHashMap<>();
    private final Map<Limit, StringProperty> limits = new LinkedHashMap<>();
    private final StringBinding problem;
    private final BooleanBinding invalid;
    private final StringBinding command;

    /** {@code remote}: the remote's name, for the command line ({@code remote:project}). */
    public NewProjectViewModel(I18n i18n, ServerKind kind, String remote) {
        this.i18n = i18n;
        this.kind = kind;
        this.remote = remote;
        List<Observable> inputs = new ArrayList<>(List.of(name, description));
        for (Feature feature : Feature.values()) {
            BooleanProperty on = new SimpleBooleanProperty(this, feature.key, feature.byDefault);
            features.put(feature, on);
            inputs.add(on);
        }
        for (Limit limit : Limit.values()) {
            StringProperty value = new SimpleStringProperty(this, limit.key, "");
            limits.put(limit, value);
            inputs.add(value);
        }
        Observable[] all = inputs.toArray(Observable[]::new);
        problem = Bindings.createStringBinding(this::firstProblem, all);
        invalid = Bindings.createBooleanBinding(() -> problem.get() != null, all);
        command = Bindings.createStringBinding(() -> problem.get() != null ? "" : commandLine(), all);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty featureProperty(Feature feature) {
        return features.get(feature);
    }

    public StringProperty limitProperty(Limit limit) {
        return limits.get(limit);
    }

    /** The first rule broken, in the window's language; null when none. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding invalidProperty() {
        return invalid;
    }

    /** {@code lxc project create NAME -c key=value …} for what is filled in. */
    public StringBinding commandProperty() {
        return command;
    }

    /** What is sent: every feature (explicitly, so both servers agree), and the limits filled in. */
    public ProjectsPost request() {
        Map<String, String> config = new LinkedHashMap<>();
        features.forEach((feature, on) -> config.put(feature.key, Boolean.toString(on.get())));
        limits.forEach((limit, value) -> {
            if (!value.get().isBlank()) {
                config.put(limit.key, value.get().strip());
            }
        });
        return new ProjectsPost(name.get().strip(), description.get().strip(), config);
    }

    /** Creates it in the background; a refusal is shown and the form comes back as it was. */
    public void create(dev.hako.ui.common.TaskExecutor tasks, DialogService dialogs, Creator creator,
                       Runnable showAgain) {
        ProjectsPost request = request();
        tasks.execute(BackgroundTask.ofRunnable(() -> creator.create(request))
                .onFailure(failure -> {
                    dialogs.showError(i18n.format("project.create.failed", request.name()), failure);
                    showAgain.run();
                }));
    }

    private String commandLine() {
        ProjectsPost request = request();
        CommandLine line = CommandLine.of(kind).add("project", "create", remote + ":" + request.name());
        request.config().forEach((key, value) -> line.add("-c", key + "=" + value));
        String create = line.toString();
        // The create command has no flag for the description; the editor sets it.
        return request.description().isEmpty() ? create : create + "\n# "
                + CommandLine.of(kind).add("project", "edit", remote + ":" + request.name()) + "   (description)";
    }

    private String firstProblem() {
        var naming = NameRules.checkProject(name.get().strip());
        if (naming.isPresent()) {
            return i18n.get(naming.get().messageKey);
        }
        for (Map.Entry<Limit, StringProperty> entry : limits.entrySet()) {
            String value = entry.getValue().get().strip();
            if (value.isEmpty()) {
                continue;
            }
            if (entry.getKey().size) {
                var wrong = SizeRules.check(value);
                if (wrong.isPresent()) {
                    return i18n.format("project.limit.badSize", entry.getKey().key, value);
                }
            } else if (!value.matches("\\d{1,9}")) {
                return i18n.format("project.limit.badCount", entry.getKey().key, value);
            }
        }
        return null;
    }
}
