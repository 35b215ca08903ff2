package dev.hako.ui.editor;

import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every edit the tabs make, each applied to the view model's one current draft, so
 * that an edit on one tab never undoes one made on another. The YAML tab's text is
 * parsed here: a valid text becomes the draft, an invalid one is kept with its problems.
 */
public final class DraftEdits {

    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final ConfigEditorState model;
    private final ConfigCatalog catalog;
    private final ReadOnlyBooleanWrapper yamlInvalid = new ReadOnlyBooleanWrapper(this, "yamlInvalid");
    private final ObservableList<Problem> yamlProblems = FXCollections.observableArrayList();
    // One read-only view: a listener added to a view lives only as long as the view.
    private final ObservableList<Problem> yamlProblemsView = FXCollections.unmodifiableObservableList(yamlProblems);

    DraftEdits(ConfigEditorState model, ConfigCatalog catalog) {
        this.model = model;
        this.catalog = catalog;
    }

    private EditDocument draft() {
        return model.draft();
    }

    private EditTarget.Loaded loaded() {
        return model.loaded();
    }

    /** A whole new draft from the form, the devices or a preset. */
    void replace(EditDocument document) {
        if (document == null || document.equals(draft())) {
            return;
        }
        model.userEdited();
        if (yamlInvalid.get()) {
            // The YAML text with errors cannot take this edit: the YAML tab shows the draft again.
            reset();
            model.say(Banner.info("editor.yaml.replaced"));
        }
        model.setDraft(document);
    }

    /** Forgets the YAML tab's invalid text (after a load, a save or a discard). */
    void reset() {
        yamlProblems.clear();
        yamlInvalid.set(false);
    }

    /** What is wrong with a document, found without the server. */
    List<Problem> problemsOf(EditDocument document) {
        List<Problem> found = new ArrayList<>(ValueValidator.checkConfig(catalog, document.kind(), document.config()));
        document.devices().forEach((name, device) -> found.addAll(DeviceKinds.check(name, device)));
        return List.copyOf(found);
    }

    // ---- properties -------------------------------------------------------------------------------

    public void setDescription(String description) {
        if (draft() != null && !draft().description().equals(description)) {
            replace(draft().with("description", description));
        }
    }

    /** Sets a key; an empty value unsets it. */
    public void setConfigValue(String key, String value) {
        if (draft() != null) {
            model.clearServerError(key);
            replace(draft().withConfigValue(key, value));
        }
    }

    public void removeConfigKey(String key) {
        setConfigValue(key, null);
    }

    /** An inherited value becomes the object's own. */
    public void overrideConfigKey(String key) {
        if (loaded() != null) {
            setConfigValue(key, loaded().inheritedConfig().get(key));
        }
    }

    /** What is wrong with the name of a key to add, or empty. */
    public Optional<Problem> checkNewKey(String key) {
        Optional<Problem> bad = ValueValidator.checkKeyName(key);
        if (bad.isEmpty() && key.endsWith(".")) {
            bad = Optional.of(Problem.of(key, "editor.problem.keyIncomplete", key));
        }
        return bad;
    }

    /**
     * Adds a key with its inherited or default value; true when it now has one (a key
     * exists only with a value: without one the sheet shows an empty row to type into).
     */
    public boolean addConfigKey(String key) {
        if (draft() == null || checkNewKey(key).isPresent()) {
            return false;
        }
        if (!draft().config().containsKey(key)) {
            String initial = loaded() != null && loaded().inheritedConfig().containsKey(key)
                    ? loaded().inheritedConfig().get(key)
                    : catalog.lookup(draft().kind(), key).map(ConfigKey::defaultValue).orElse(null);
            setConfigValue(key, initial);
        }
        return draft().config().containsKey(key);
    }

    /** The problem shown under a key's row: its name, its value, or the server's refusal; null when none. */
    public Problem problemOf(String key, String value) {
        Optional<Problem> problem = ValueValidator.checkKeyName(key);
        if (problem.isEmpty()) {
            problem = ValueValidator.check(catalog.lookup(draft().kind(), key).orElse(null), key, value);
        }
        if (problem.isEmpty()) {
            problem = ValueValidator.checkWithOthers(draft().kind(), key, value, draft().config());
        }
        return problem.orElse(null);
    }

    // ---- devices ----------------------------------------------------------------------------------

    public Optional<Problem> checkNewDevice(String name) {
        if (name == null || !DEVICE_NAME.matcher(name).matches()) {
            return Optional.of(Problem.of(name, "editor.devices.badName"));
        }
        if (draft() != null && draft().devices().containsKey(name)) {
            return Optional.of(Problem.of(name, "editor.devices.exists", name));
        }
        return Optional.empty();
    }

    /** Adds a device of {@code type}; a disk named like an inherited one starts as a copy of it. */
    public void addDevice(String name, String type) {
        if (draft() == null || checkNewDevice(name).isPresent()) {
            return;
        }
        Map<String, String> device = new TreeMap<>();
        device.put("type", type);
        if ("disk".equals(type) && loaded() != null && loaded().inheritedDevices().containsKey(name)) {
            device.putAll(loaded().inheritedDevices().get(name));
        }
        putDevice(name, device);
    }

    public void putDevice(String name, Map<String, String> device) {
        if (draft() != null) {
            Map<String, Map<String, String>> devices = new TreeMap<>(draft().devices());
            devices.put(name, Map.copyOf(device));
            replace(draft().withDevices(devices));
        }
    }

    public void removeDevice(String name) {
        if (draft() != null) {
            Map<String, Map<String, String>> devices = new TreeMap<>(draft().devices());
            devices.remove(name);
            replace(draft().withDevices(devices));
        }
    }

    /** An inherited device becomes the object's own. */
    public void overrideDevice(String name) {
        if (loaded() != null && loaded().inheritedDevices().containsKey(name)) {
            putDevice(name, loaded().inheritedDevices().get(name));
        }
    }

    // ---- YAML -------------------------------------------------------------------------------------

    /** The draft as YAML text. */
    public String yaml() {
        return draft() == null ? "" : YamlCodec.toYaml(draft());
    }

    /** The YAML tab's text changed: a valid text becomes the draft; an invalid one is kept with its problems. */
    public void editYaml(String text) {
        if (draft() == null) {
            return;
        }
        YamlCodec.Result result = YamlCodec.parse(draft().kind(), text, catalog);
        yamlProblems.setAll(result.problems());
        yamlInvalid.set(!result.ok());
        if (result.ok() && !result.document().equals(draft())) {
            model.userEdited();
            model.setDraft(result.document());
        }
    }

    /** True while the YAML tab holds text that is not a valid document (it is then not in the draft). */
    public ReadOnlyBooleanProperty yamlInvalidProperty() {
        return yamlInvalid.getReadOnlyProperty();
    }

    public ObservableList<Problem> yamlProblems() {
        return yamlProblemsView;
    }
}
