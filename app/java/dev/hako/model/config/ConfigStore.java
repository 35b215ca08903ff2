package dev.hako.model.config;

import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.LxdClient;
import dev.hako.model.RemoteModel;
import java.util.function.Supplier;

/**
 * Where the object an editor works on lives: its editable part read with its ETag,
 * and written back with one (a stale ETag fails with
 * {@link dev.hako.lxd.PreconditionFailedException}). Blocking: call off the UI thread.
 */
public interface ConfigStore {

    /** The object as the server has it now. */
    EditTarget.Loaded load();

    /** Writes {@code document}; {@code etag} null skips the server's check. {@code against} is the version it came from. */
    void store(EditDocument document, String etag, EditTarget.Loaded against);

    /** The object {@code target} on {@code remote}, through the remote's client of the moment. */
    static ConfigStore of(EditTarget target, RemoteModel remote) {
        return of(target, () -> {
            LxdClient client = remote.client();
            if (client == null) {
                throw new ExplainedException("remote " + remote.name() + " is not connected", "editor.offline",
                        remote.name());
            }
            return client;
        });
    }

    /** The object {@code target} through {@code client}. */
    static ConfigStore of(EditTarget target, LxdClient client) {
        return of(target, () -> client);
    }

    private static ConfigStore of(EditTarget target, Supplier<LxdClient> client) {
        return new ConfigStore() {
            @Override
            public EditTarget.Loaded load() {
                return target.load(client.get());
            }

            @Override
            public void store(EditDocument document, String etag, EditTarget.Loaded against) {
                target.save(client.get(), document, etag, against);
            }
        };
    }
}
