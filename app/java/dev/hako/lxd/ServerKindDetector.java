package dev.hako.lxd;

import dev.hako.lxd.api.Server;

/** Tells LXD from Incus using what {@code GET /1.0} reveals to this caller. */
final class ServerKindDetector {

    private ServerKindDetector() {
    }

    static ServerKind detect(Server server) {
        if (server.environment() != null && server.environment().server() != null
                && !server.environment().server().isBlank()) {
            return ServerKind.fromEnvironment(server.environment().server());
        }
        // Untrusted callers see no environment. API extensions are never removed from LXD's list, while
        // Incus dropped the Candid ones when it forked, so their absence marks Incus.
        return server.apiExtensions() != null && !server.apiExtensions().isEmpty()
                && !server.hasExtension("candid_authentication") ? ServerKind.INCUS : ServerKind.LXD;
    }
}
