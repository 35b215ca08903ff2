package dev.hako.remote;

import java.util.Locale;

/**
 * A server's HTTPS address as people type it: {@code host}, {@code host:port},
 * {@code https://host:port}, {@code [::1]:8443} or a bare IPv6 address. The port is
 * 8443 unless given, as with {@code lxc remote add}.
 */
public record RemoteAddress(String host, int port) {

    public static final int DEFAULT_PORT = 8443;

    public RemoteAddress {
        if (host == null || host.isBlank()) {
            throw new ExplainedArgumentException("no host name or address", "remotes.problem.noHost");
        }
        if (port < 1 || port > 65535) {
            throw new ExplainedArgumentException("port " + port + " is not between 1 and 65535",
                    "remotes.problem.portRange", String.valueOf(port));
        }
    }

    /** Parses what the user typed; throws an {@link ExplainedArgumentException} with a plain reason. */
    public static RemoteAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExplainedArgumentException("no host name or address", "remotes.problem.noHost");
        }
        String rest = text.strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            rest = rest.substring("https://".length());
        } else if (lower.contains("://")) {
            throw new ExplainedArgumentException("only https:// addresses can be added (" + text.strip() + ")",
                    "remotes.problem.notHttps", text.strip());
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            if (!rest.substring(slash).matches("/*")) {
                throw new ExplainedArgumentException("an address has no path (" + text.strip() + ")",
                        "remotes.problem.addressPath", text.strip());
            }
            rest = rest.substring(0, slash);
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new ExplainedArgumentException("unclosed [ in " + text.strip(), "remotes.problem.bracket",
                        text.strip());
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new ExplainedArgumentException("unexpected text after ] in " + text.strip(),
                            "remotes.problem.bracket", text.strip());
                }
                portText = after.substring(1);
            }
        } else if (rest.indexOf(':') != rest.lastIndexOf(':')) {
            host = rest; // a bare IPv6 address
        } else if (rest.contains(":")) {
            host = rest.substring(0, rest.indexOf(':'));
            portText = rest.substring(rest.indexOf(':') + 1);
        } else {
            host = rest;
        }
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new ExplainedArgumentException("not a host name or address: " + text.strip(),
                    "remotes.problem.badHost", text.strip());
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new ExplainedArgumentException("not a port number: " + portText, "remotes.problem.badPort",
                        portText);
            }
        }
        return new RemoteAddress(host, port);
    }

    /** {@code https://host:port}, with brackets around an IPv6 address, as the CLI saves it. */
    public String url() {
        return "https://" + hostAndPort();
    }

    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return url();
    }
}
