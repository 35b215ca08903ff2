package dev.hako.remote;

import dev.hako.lxd.Endpoint;
import java.io.IOException;
import java.nio.file.Path;

/** How a saved remote is reached: its socket, or HTTPS pinned to its saved certificate with its client certificate. */
public final class RemoteEndpoints {

    private RemoteEndpoints() {
    }

    public static Endpoint of(RemoteConfig remote, ClientIdentities identities) throws IOException {
        if (remote.imageOnly()) {
            throw new ExplainedArgumentException(remote.name() + " is an image server: it has no API endpoint",
                    "remotes.problem.imageServerNoApi", remote.name());
        }
        if (remote.isLocal()) {
            String path = remote.address().substring("unix:".length()).replaceFirst("^//", "");
            if (path.isBlank()) {
                throw new ExplainedArgumentException(remote.name() + " names no socket", "remotes.problem.noSocket",
                        remote.name());
            }
            return new Endpoint.UnixSocket(Path.of(path));
        }
        if (remote.fingerprint() == null || remote.fingerprint().isBlank()) {
            throw new ExplainedArgumentException(remote.name() + " has no pinned server certificate; add it again "
                    + "to review the server's certificate", "remotes.problem.noPin", remote.name());
        }
        RemoteAddress address = remote.httpsAddress();
        return new Endpoint.Https(address.host(), address.port(), identities.of(remote), remote.fingerprint());
    }
}
