package dev.hako.model.network;

import dev.hako.lxd.ServerKind;
import dev.hako.model.CommandLine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A port of the host forwarded into an instance: a {@code proxy} device. {@code connectAddress}
 * is {@code 127.0.0.1} inside the instance, or in NAT mode the instance's static address.
 */
public record PortForward(String device, String protocol, String listenAddress, int listenPort,
                          String connectAddress, int connectPort, boolean nat) {

    /** The device's keys, as the server takes them. */
    public Map<String, String> deviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("type", "proxy");
        config.put("listen", listen());
        config.put("connect", ProxyAddress.format(protocol, connectAddress, connectPort));
        if (nat) {
            config.put("nat", "true");
        }
        return config;
    }

    public String listen() {
        return ProxyAddress.format(protocol, listenAddress, listenPort);
    }

    /** {@code lxc config device add remote:web proxy-tcp-8080 proxy listen=… connect=…}; {@code instance} as the CLI names it. */
    public String addCommand(ServerKind kind, String instance) {
        CommandLine line = CommandLine.of(kind).add("config", "device", "add", instance, device, "proxy");
        deviceConfig().forEach((key, value) -> {
            if (!key.equals("type")) {
                line.add(key + "=" + value);
            }
        });
        return line.toString();
    }

    /** {@code lxc config device remove remote:web proxy-tcp-8080}; {@code instance} as the CLI names it. */
    public static String removeCommand(ServerKind kind, String instance, String device) {
        return CommandLine.of(kind).add("config", "device", "remove", instance, device).toString();
    }

    /** The name Hako offers for a new forward ({@code proxy-tcp-8080}). */
    public static String suggestedName(String protocol, int listenPort) {
        return "proxy-" + protocol + "-" + listenPort;
    }
}
