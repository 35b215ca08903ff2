package dev.hako.model;

import dev.hako.lxd.Endpoint;
import dev.hako.remote.LocalServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The remotes open in one window, each with its own live model. Remotes can be
 * added and removed while the window is open; listeners hear of it.
 */
public final class Workspace implements AutoCloseable {

    /** Hears of remotes joining or leaving, on the thread that changed the workspace. */
    public interface Listener {
        void added(RemoteModel remote);

        void removed(RemoteModel remote);

        /** The saved image servers changed (see {@link #setSavedImageServers}). */
        default void imageServersChanged() {
        }
    }

    private final List<RemoteModel> remotes = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile List<dev.hako.remote.RemoteConfig> savedImageServers = List.of();

    public Workspace(List<RemoteModel> initial) {
        remotes.addAll(initial);
    }

    /** The local daemons found through the same environment variables and paths as the CLIs. */
    public static Workspace ofLocalServers(Map<String, String> env) {
        List<RemoteModel> found = new ArrayList<>();
        for (LocalServers.LocalServer local : LocalServers.discover(env)) {
            found.add(new RemoteModel(local.name(), new Endpoint.UnixSocket(local.socket())));
        }
        return new Workspace(found);
    }

    /** A snapshot of the remotes, in the order they were added. */
    public List<RemoteModel> remotes() {
        return List.copyOf(remotes);
    }

    public RemoteModel remote(String name) {
        return remotes.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Adds a remote; it connects at once if the workspace is running. Names are unique. */
    public void add(RemoteModel remote) {
        if (remote(remote.name()) != null) {
            throw new IllegalArgumentException("a remote named " + remote.name() + " is already open");
        }
        remotes.add(remote);
        listeners.forEach(l -> l.added(remote));
        if (started) {
            remote.start();
        }
    }

    /** Closes and removes a remote; the others are not affected. */
    public void remove(String name) {
        RemoteModel remote = remote(name);
        if (remote != null) {
            remotes.remove(remote);
            listeners.forEach(l -> l.removed(remote));
            remote.close();
        }
    }

    /** The simplestreams remotes the user saved (the remotes file's image servers), in saved order. */
    public List<dev.hako.remote.RemoteConfig> savedImageServers() {
        return savedImageServers;
    }

    /** Keeps the image servers among {@code saved} (other remotes are ignored); listeners hear of it. */
    public void setSavedImageServers(List<dev.hako.remote.RemoteConfig> saved) {
        savedImageServers = saved.stream().filter(dev.hako.remote.RemoteConfig::imageOnly).toList();
        listeners.forEach(Listener::imageServersChanged);
    }

    public void start() {
        started = true;
        remotes.forEach(RemoteModel::start);
    }

    @Override
    public void close() {
        started = false;
        remotes.forEach(RemoteModel::close);
    }
}
