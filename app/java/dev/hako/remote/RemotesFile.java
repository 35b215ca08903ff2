package dev.hako.remote;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The user's remotes, kept in {@code remotes.yml} of the config directory in the
 * order the user chose, with the default remote. Every change is written at once
 * (to a temporary file, then moved over the old one, so a crash never leaves half a
 * file). It holds public facts only: no password, token or key ever goes in here.
 */
public final class RemotesFile {

    public static final String FILE_NAME = "remotes.yml";

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's shape. */
    record Document(@JsonProperty("default") String defaultRemote, List<RemoteConfig> remotes) {
    }

    private final Path file;
    private final List<RemoteConfig> remotes = new ArrayList<>();
    private final List<Consumer<RemotesFile>> listeners = new CopyOnWriteArrayList<>();
    private String defaultRemote;

    private RemotesFile(Path file) {
        this.file = file;
    }

    /** Reads {@code remotes.yml} from the config directory; a missing file is an empty list. */
    public static RemotesFile load(Path configDirectory) throws IOException {
        RemotesFile remotes = new RemotesFile(configDirectory.resolve(FILE_NAME));
        if (Files.isRegularFile(remotes.file)) {
            Document document = YAML.readValue(Files.readString(remotes.file, StandardCharsets.UTF_8),
                    Document.class);
            if (document != null && document.remotes() != null) {
                for (RemoteConfig remote : document.remotes()) {
                    if (remote != null && remotes.find(remote.name()).isEmpty()) {
                        remotes.remotes.add(remote);
                    }
                }
            }
            remotes.defaultRemote = document == null ? null : document.defaultRemote();
        }
        return remotes;
    }

    public Path file() {
        return file;
    }

    /** Hears of every change, on the thread that made it. */
    public void addListener(Consumer<RemotesFile> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<RemotesFile> listener) {
        listeners.remove(listener);
    }

    public synchronized List<RemoteConfig> remotes() {
        return List.copyOf(remotes);
    }

    public synchronized Optional<RemoteConfig> find(String name) {
        return remotes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The default remote's name, or null when none was chosen. */
    public synchronized String defaultRemote() {
        return defaultRemote;
    }

    /** Adds a remote at the end; names are unique. */
    public void add(RemoteConfig remote) throws IOException {
        synchronized (this) {
            if (find(remote.name()).isPresent()) {
                throw new ExplainedArgumentException("a remote named " + remote.name() + " already exists",
                        "remotes.add.nameTaken", remote.name());
            }
            remotes.add(remote);
            saveOrUndo(() -> remotes.remove(remote));
        }
        changed();
    }

    /** Replaces the remote of the same name (a new pinned certificate, for instance), keeping its place. */
    public void replace(RemoteConfig remote) throws IOException {
        synchronized (this) {
            int at = indexOf(remote.name());
            RemoteConfig old = remotes.set(at, remote);
            saveOrUndo(() -> remotes.set(at, old));
        }
        changed();
    }

    public void rename(String oldName, String newName) throws IOException {
        RemoteConfig.checkName(newName);
        synchronized (this) {
            if (oldName.equals(newName)) {
                return;
            }
            if (find(newName).isPresent()) {
                throw new ExplainedArgumentException("a remote named " + newName + " already exists",
                        "remotes.add.nameTaken", newName);
            }
            int at = indexOf(oldName);
            RemoteConfig old = remotes.get(at);
            String oldDefault = defaultRemote;
            remotes.set(at, old.withName(newName));
            if (oldName.equals(defaultRemote)) {
                defaultRemote = newName;
            }
            saveOrUndo(() -> {
                remotes.set(at, old);
                defaultRemote = oldDefault;
            });
        }
        changed();
    }

    public void remove(String name) throws IOException {
        synchronized (this) {
            int at = indexOf(name);
            RemoteConfig old = remotes.remove(at);
            String oldDefault = defaultRemote;
            if (name.equals(defaultRemote)) {
                defaultRemote = null;
            }
            saveOrUndo(() -> {
                remotes.add(at, old);
                defaultRemote = oldDefault;
            });
        }
        changed();
    }

    /** Makes {@code name} the default remote; null clears it. Local remotes not in the file may be named. */
    public void setDefault(String name) throws IOException {
        synchronized (this) {
            String old = defaultRemote;
            defaultRemote = name;
            saveOrUndo(() -> defaultRemote = old);
        }
        changed();
    }

    /** Moves a remote by {@code delta} places (negative: up), within the list. */
    public void move(String name, int delta) throws IOException {
        synchronized (this) {
            int from = indexOf(name);
            int to = Math.max(0, Math.min(remotes.size() - 1, from + delta));
            if (from == to) {
                return;
            }
            RemoteConfig moved = remotes.remove(from);
            remotes.add(to, moved);
            saveOrUndo(() -> {
                remotes.remove(to);
                remotes.add(from, moved);
            });
        }
        changed();
    }

    private int indexOf(String name) {
        for (int i = 0; i < remotes.size(); i++) {
            if (remotes.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new ExplainedArgumentException("no remote named " + name, "remotes.problem.noSuchRemote", name);
    }

    private void changed() {
        listeners.forEach(l -> l.accept(this));
    }

    /** Writes the file; if that fails the change is undone in memory, so memory and disk agree. */
    private void saveOrUndo(Runnable undo) throws IOException {
        try {
            save();
        } catch (IOException | RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    private void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String text = "# Hako remotes: addresses and pinned server certificates (no passwords, tokens or keys)\n"
                + YAML.writeValueAsString(new Document(defaultRemote, List.copyOf(remotes)));
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public synchronized String toString() {
        return "RemotesFile[" + file + ", " + remotes.size() + " remotes, default " + Objects.toString(defaultRemote)
                + "]";
    }
}
