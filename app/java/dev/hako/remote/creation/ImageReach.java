package dev.hako.remote.creation;

import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Server;
import java.util.List;

/**
 * How a server reaches another LXD or Incus server to pull an image from it: that
 * server's first HTTPS address and its certificate (which the puller pins).
 */
public record ImageReach(String address, String certificate) {

    /**
     * Reads where {@code other} listens now ({@code GET /1.0}); refused with a sentence for the
     * user when it does not listen on the network.
     */
    public static ImageReach of(LxdClient other, String otherName) {
        Server info = other.refreshServer();
        List<String> addresses = info.environment() == null || info.environment().addresses() == null
                ? List.of() : info.environment().addresses();
        if (addresses.isEmpty()) {
            throw new ExplainedException(otherName + " has no core.https_address", "newinstance.problem.noAddress",
                    otherName);
        }
        return new ImageReach("https://" + addresses.get(0), info.environment().certificate());
    }
}
