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
        // Untrusted callers see no environment; Incus dropped the trust password and LXD has no trust_token.
        if (server.hasExtension("explicit_trust_token") && !server.hasExtension("candid_authentication")) {
            return ServerKind.INCUS;
        }
        return ServerKind.LXD;
    }
}
