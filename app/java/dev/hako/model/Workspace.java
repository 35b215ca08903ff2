package dev.hako.model;

import dev.hako.lxd.Endpoint;
import dev.hako.remote.LocalServers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The remotes open in one window, each with its own live model. */
public final class Workspace implements AutoCloseable {

    private final List<RemoteModel> remotes;

    public Workspace(List<RemoteModel> remotes) {
        this.remotes = Collections.unmodifiableList(new ArrayList<>(remotes));
    }

    /** The local daemons found through the same environment variables and paths as the CLIs. */
    public static Workspace ofLocalServers(Map<String, String> env) {
        List<RemoteModel> remotes = new ArrayList<>();
        for (LocalServers.LocalServer local : LocalServers.discover(env)) {
            remotes.add(new RemoteModel(local.name(), new Endpoint.UnixSocket(local.socket())));
        }
        return new Workspace(remotes);
    }

    public List<RemoteModel> remotes() {
        return remotes;
    }

    public void start() {
        remotes.forEach(RemoteModel::start);
    }

    @Override
    public void close() {
        remotes.forEach(RemoteModel::close);
    }
}
