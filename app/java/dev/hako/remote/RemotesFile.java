package dev.hako.remote;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hako.lxd.CertificateFingerprint;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The user's remotes, kept in {@code remotes.yml} of the config directory in the
 * order the user chose, with the default remote. It holds public facts only: no
 * password, token or key ever goes in here.
 *
 * <p>Every change is made under a lock ({@code remotes.yml.lock}, held by one Hako process
 * and one thread at a time) to the file as it is on disk then, so that two Hako windows
 * changing remotes at once lose nothing; it is written to a temporary file and moved over
 * the old one, so a crash never leaves half a file. A damaged file is never thrown away:
 * what can be read is kept, the file is kept as {@code remotes.yml.damaged-<time>}, and
 * {@link #findings()} says what was found.
 */
public final class RemotesFile {

    public static final String FILE_NAME = "remotes.yml";

    /** The empty file the changes of every Hako process lock, next to the remotes file. */
    public static final String LOCK_FILE_NAME = FILE_NAME + ".lock";

    private static final Logger LOG = Logger.getLogger(RemotesFile.class.getName());
    /** Beyond this a file is not a remotes list Hako wrote; it is kept aside whole. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    /** How many shorter readings of a file that was cut short are tried, at most. */
    private static final int MAX_TRIES = 1_000;
    private static final java.util.regex.Pattern ENTRY_START = java.util.regex.Pattern.compile("\\s*- ");
    /** One monitor per file within this process (a file lock is held per process, not per thread). */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

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

    /** The remotes and the default, as one value that a change is applied to. */
    private record State(List<RemoteConfig> remotes, String defaultRemote) {
        static final State EMPTY = new State(List.of(), null);
    }

    /** A change to the remotes as they are on disk at the time; returns null when nothing changes. */
    private interface Change {
        State apply(State current);
    }

    private final Path file;
    private final List<Consumer<RemotesFile>> listeners = new CopyOnWriteArrayList<>();
    private final List<FileFinding> findings = new CopyOnWriteArrayList<>();
    private State state = State.EMPTY;

    private RemotesFile(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code remotes.yml} from the config directory; a missing file is an empty list.
     * A damaged file does not stop it: see {@link #findings()}.
     */
    public static RemotesFile load(Path configDirectory) throws IOException {
        RemotesFile remotes = new RemotesFile(configDirectory.resolve(FILE_NAME));
        remotes.locked(() -> {
            State read = remotes.readFromDisk(State.EMPTY);
            synchronized (remotes) {
                remotes.state = read;
            }
            return null;
        });
        return remotes;
    }

    public Path file() {
        return file;
    }

    /** What was wrong with the file when it was read (empty when nothing was). */
    public List<FileFinding> findings() {
        return List.copyOf(findings);
    }

    /** Hears of every change, on the thread that made it. */
    public void addListener(Consumer<RemotesFile> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<RemotesFile> listener) {
        listeners.remove(listener);
    }

    public synchronized List<RemoteConfig> remotes() {
        return state.remotes();
    }

    public synchronized Optional<RemoteConfig> find(String name) {
        return find(state, name);
    }

    /** The default remote's name, or null when none was chosen. */
    public synchronized String defaultRemote() {
        return state.defaultRemote();
    }

    /** Adds a remote at the end; names are unique. */
    public void add(RemoteConfig remote) throws IOException {
        change(current -> {
            if (find(current, remote.name()).isPresent()) {
                throw new ExplainedArgumentException("a remote named " + remote.name() + " already exists",
                        "remotes.add.nameTaken", remote.name());
            }
            List<RemoteConfig> list = new ArrayList<>(current.remotes());
            list.add(remote);
            return new State(list, current.defaultRemote());
        });
    }

    /** Replaces the remote of the same name (a new pinned certificate, for instance), keeping its place. */
    public void replace(RemoteConfig remote) throws IOException {
        change(current -> {
            List<RemoteConfig> list = new ArrayList<>(current.remotes());
            list.set(indexOf(current, remote.name()), remote);
            return new State(list, current.defaultRemote());
        });
    }

    public void rename(String oldName, String newName) throws IOException {
        RemoteConfig.checkName(newName);
        if (oldName.equals(newName)) {
            return;
        }
        change(current -> {
            if (find(current, newName).isPresent()) {
                throw new ExplainedArgumentException("a remote named " + newName + " already exists",
                        "remotes.add.nameTaken", newName);
            }
            List<RemoteConfig> list = new ArrayList<>(current.remotes());
            int at = indexOf(current, oldName);
            list.set(at, list.get(at).withName(newName));
            return new State(list, oldName.equals(current.defaultRemote()) ? newName : current.defaultRemote());
        });
    }

    public void remove(String name) throws IOException {
        change(current -> {
            List<RemoteConfig> list = new ArrayList<>(current.remotes());
            list.remove(indexOf(current, name));
            return new State(list, name.equals(current.defaultRemote()) ? null : current.defaultRemote());
        });
    }

    /** Makes {@code name} the default remote; null clears it. Local remotes not in the file may be named. */
    public void setDefault(String name) throws IOException {
        change(current -> new State(current.remotes(), name));
    }

    /** Moves a remote by {@code delta} places (negative: up), within the list. */
    public void move(String name, int delta) throws IOException {
        change(current -> {
            int from = indexOf(current, name);
            int to = Math.max(0, Math.min(current.remotes().size() - 1, from + delta));
            if (from == to) {
                return null;
            }
            List<RemoteConfig> list = new ArrayList<>(current.remotes());
            list.add(to, list.remove(from));
            return new State(list, current.defaultRemote());
        });
    }

    private static Optional<RemoteConfig> find(State state, String name) {
        return state.remotes().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private static int indexOf(State state, String name) {
        List<RemoteConfig> list = state.remotes();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new ExplainedArgumentException("no remote named " + name, "remotes.problem.noSuchRemote", name);
    }

    /**
     * Applies {@code change} to the file as it is now on disk (another Hako may have changed
     * it) and writes the result; memory follows only once the file is written, so memory and
     * disk always agree. Listeners hear of it afterwards, outside the lock.
     */
    private void change(Change change) throws IOException {
        boolean changed = locked(() -> {
            State known;
            synchronized (this) {
                known = state;
            }
            State current = readFromDisk(known);
            State next = change.apply(current);
            if (next == null) {
                next = current;
            } else {
                write(next);
            }
            synchronized (this) {
                boolean differs = !next.equals(state);
                state = next;
                return differs;
            }
        });
        if (changed) {
            listeners.forEach(l -> l.accept(this));
        }
    }

    private interface LockedWork<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding this file's lock, within this process and across Hako processes. */
    private <T> T locked(LockedWork<T> work) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        synchronized (IN_PROCESS.computeIfAbsent(key, k -> new Object())) {
            FileChannel channel = null;
            FileLock lock = null;
            try {
                try {
                    Files.createDirectories(key.getParent());
                    channel = FileChannel.open(key.resolveSibling(LOCK_FILE_NAME), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    lock = channel.lock();
                } catch (IOException | UnsupportedOperationException | OverlappingFileLockException noLock) {
                    // A read-only config directory: reading still works, and a write will say why it fails.
                    LOG.fine("no lock on " + key + ": " + noLock);
                }
                return work.run();
            } finally {
                if (lock != null) {
                    lock.release();
                }
                if (channel != null) {
                    channel.close();
                }
            }
        }
    }

    // --- reading, and keeping what is damaged ---------------------------------------------------

    /**
     * The remotes on disk. A file that cannot be read at all is moved aside and
     * {@code otherwise} is used (empty at start; what this window knew later on); a file
     * read in part is copied aside and rewritten with what could be read.
     */
    private State readFromDisk(State otherwise) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return otherwise;
        }
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IOException("not a regular file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return keepAsideWhole(DamagedFile.describe(unreadable), otherwise);
        }
        Salvage salvage = parse(text);
        if (salvage.state() == null) {
            return keepAsideWhole(salvage.problems(), otherwise);
        }
        if (!salvage.problems().isEmpty()) {
            Path copy = null;
            String detail = salvage.problems();
            try {
                copy = DamagedFile.copyAside(file);
                write(salvage.state());
            } catch (IOException cannotRewrite) {
                // The damaged file stays where it is (and is not written over): nothing is lost.
                detail = detail + "; not rewritten: " + DamagedFile.describe(cannotRewrite);
            }
            report(new FileFinding(FileFinding.Kind.REMOTES_PARTLY_READ, file, copy, detail));
        }
        return salvage.state();
    }

    private State keepAsideWhole(String why, State otherwise) throws IOException {
        Path copy = DamagedFile.moveAside(file);
        report(new FileFinding(FileFinding.Kind.REMOTES_UNREADABLE, file, copy, why));
        return otherwise;
    }

    private void report(FileFinding finding) {
        findings.add(finding);
        LOG.warning(finding.file() + " was damaged (" + finding.detail() + "); kept as " + finding.keptAs()
                + (finding.kind() == FileFinding.Kind.REMOTES_PARTLY_READ ? "; the readable remotes were kept"
                : "; nothing could be read from it"));
    }

    /** What could be read: {@code state} null when nothing could; {@code problems} empty when the file was whole. */
    private record Salvage(State state, String problems) {
    }

    /** Reads the text; a text cut short is read up to the last entry that still makes sense. */
    static Salvage parse(String text) {
        if (text.isBlank()) {
            return new Salvage(null, "the file is empty");
        }
        String[] lines = text.split("\n", -1);
        String firstError = text.endsWith("\n") ? null : "no line end at the end";
        for (int keep : cuts(lines, text.endsWith("\n"))) {
            String part = keep == lines.length ? text : String.join("\n", java.util.Arrays.copyOf(lines, keep));
            // Lines left out from inside an entry (not at the start of the next one) mean that entry was cut.
            boolean lastEntryCut = keep < lines.length && !lines[keep].isEmpty()
                    && Character.isWhitespace(lines[keep].charAt(0)) && !ENTRY_START.matcher(lines[keep]).lookingAt();
            try {
                Salvage read = fromTree(YAML.readTree(part), lastEntryCut);
                if (keep == lines.length || read.state() == null) {
                    return read;
                }
                String cut = "cut short: read up to line " + keep + " of " + lines.length + " (" + firstError + ")";
                return new Salvage(read.state(), read.problems().isEmpty() ? cut : cut + "; " + read.problems());
            } catch (IOException notYaml) {
                if (firstError == null) {
                    firstError = firstLine(notYaml.getMessage());
                }
            }
        }
        return new Salvage(null, "not YAML: " + firstError);
    }

    /**
     * The numbers of lines to try reading, longest first: all of them (unless the last line has
     * no line end: Hako ends the file with one, so that line was cut), all but the last one or
     * two, then up to the start of each list entry from the end.
     */
    private static List<Integer> cuts(String[] lines, boolean whole) {
        List<Integer> cuts = new ArrayList<>();
        if (whole) {
            cuts.add(lines.length);
        }
        for (int keep = lines.length - 1; keep >= Math.max(1, lines.length - 2); keep--) {
            cuts.add(keep);
        }
        for (int at = lines.length - 1; at > 0 && cuts.size() < MAX_TRIES; at--) {
            if (ENTRY_START.matcher(lines[at]).lookingAt() && !cuts.contains(at)) {
                cuts.add(at);
            }
        }
        return cuts;
    }

    private static Salvage fromTree(JsonNode root, boolean lastEntryCut) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Salvage(null, "the file holds no remotes list");
        }
        if (!root.isObject()) {
            return new Salvage(null, "the file holds a " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a remotes list");
        }
        List<String> problems = new ArrayList<>();
        String defaultRemote = null;
        JsonNode def = root.get("default");
        if (def != null && !def.isNull()) {
            if (def.isTextual()) {
                defaultRemote = def.asText();
            } else {
                problems.add("default is not a name");
            }
        }
        List<RemoteConfig> remotes = new ArrayList<>();
        JsonNode list = root.get("remotes");
        if (list == null || list.isNull()) {
            if (root.size() > 0 && defaultRemote == null && problems.isEmpty()) {
                return new Salvage(null, "the file holds no remotes list");
            }
        } else if (!list.isArray()) {
            problems.add("remotes is not a list");
        } else {
            int index = 0;
            for (JsonNode entry : list) {
                index++;
                try {
                    if (lastEntryCut && index == list.size()) {
                        throw new IOException("cut short");
                    }
                    RemoteConfig remote = YAML.treeToValue(entry, RemoteConfig.class);
                    if (remote == null) {
                        throw new IOException("empty entry");
                    }
                    checkPin(remote);
                    if (remotes.stream().noneMatch(r -> r.name().equals(remote.name()))) {
                        remotes.add(remote);
                    }
                } catch (IOException | RuntimeException bad) {
                    JsonNode name = entry.get("name");
                    problems.add("remote " + (name != null && name.isValueNode() ? name.asText() : "#" + index)
                            + " dropped: " + firstLine(bad.getMessage()));
                }
            }
        }
        return new Salvage(new State(List.copyOf(remotes), defaultRemote), String.join("; ", problems));
    }

    /** A pinned certificate that does not match its fingerprint was cut or changed: the remote is not trusted. */
    private static void checkPin(RemoteConfig remote) {
        if (remote.serverCertificate() == null || remote.imageOnly() || remote.isLocal()) {
            return;
        }
        if (remote.fingerprint() == null) {
            throw new IllegalArgumentException("a pinned certificate without its fingerprint");
        }
        String actual = CertificateFingerprint.sha256(Pem.readCertificate(remote.serverCertificate()));
        if (!actual.equals(remote.fingerprint())) {
            throw new IllegalArgumentException("the pinned certificate does not match its fingerprint");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    // --- writing ------------------------------------------------------------------------------

    private void write(State next) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file; it is left as it is");
        }
        String text = "# Hako remotes: addresses and pinned server certificates (no passwords, tokens or keys)\n"
                + YAML.writeValueAsString(new Document(next.defaultRemote(), next.remotes()));
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME + ".", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public synchronized String toString() {
        return "RemotesFile[" + file + ", " + state.remotes().size() + " remotes, default "
                + Objects.toString(state.defaultRemote()) + "]";
    }
}
