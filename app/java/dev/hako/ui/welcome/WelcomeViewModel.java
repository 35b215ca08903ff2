package dev.hako.ui.welcome;

import dev.hako.lxd.ServerKind;
import dev.hako.remote.LocalServers.LocalServer;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the first-run page says: for LXD and for Incus whether this user may use the
 * local server, and if not, the steps that grant access; and each way to get a server,
 * as an action or as command-line steps. Texts are made on request, so a language
 * switch simply asks again.
 */
public final class WelcomeViewModel {

    /** How a local server's box looks. */
    public enum Look { USABLE, ABSENT, DENIED }

    /** One line of guidance: a sentence, or a command the user can copy. */
    public record Step(String text, boolean command) {
        static Step say(String text) {
            return new Step(text, false);
        }

        static Step run(String command) {
            return new Step(command, true);
        }
    }

    /** The state of one kind of local server and what to do about it. */
    public record LocalStatus(ServerKind kind, Look look, String headline, List<Step> steps) {
    }

    /** One way to get a server: a button when {@code action} is there, else its command-line steps. */
    public record Way(String id, String title, Optional<Runnable> action, List<Step> steps) {
    }

    private final I18n i18n;
    private final UserAccount user;
    private final List<SocketAccess> sockets;
    private final WelcomePage.Actions actions;

    /**
     * @param found the local sockets found (see {@code LocalServers.discover}); each is checked for {@code user}
     */
    public WelcomeViewModel(I18n i18n, List<LocalServer> found, UserAccount user, WelcomePage.Actions actions) {
        this.i18n = i18n;
        this.user = user;
        this.actions = actions;
        this.sockets = found.stream().map(server -> SocketAccess.check(server, user)).toList();
    }

    public I18n i18n() {
        return i18n;
    }

    public List<SocketAccess> sockets() {
        return sockets;
    }

    /** LXD's and Incus's state on this computer, in that order. */
    public List<LocalStatus> local() {
        List<LocalStatus> local = new ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            local.add(sockets.stream().filter(s -> s.server().expectedKind() == kind).findFirst()
                    .map(this::statusOf).orElseGet(() -> absent(kind)));
        }
        return local;
    }

    private LocalStatus absent(ServerKind kind) {
        return new LocalStatus(kind, Look.ABSENT, i18n.format("welcome.local.absent", kind.displayName(),
                kind == ServerKind.LXD ? "LXD_SOCKET, LXD_DIR, /var/lib/lxd, /var/snap/lxd/common/lxd"
                        : "INCUS_SOCKET, INCUS_DIR, /var/lib/incus"), List.of());
    }

    private LocalStatus statusOf(SocketAccess access) {
        ServerKind kind = access.server().expectedKind();
        String name = kind.displayName();
        String socket = access.server().socket().toString();
        return switch (access.verdict()) {
            case USABLE -> new LocalStatus(kind, Look.USABLE, i18n.format("welcome.local.usable", name, socket),
                    List.of());
            case GONE -> new LocalStatus(kind, Look.ABSENT, i18n.format("welcome.local.gone", name, socket),
                    List.of());
            case NO_PERMISSION -> denied(access, kind, name, socket);
        };
    }

    private LocalStatus denied(SocketAccess access, ServerKind kind, String name, String socket) {
        String group = access.groupToJoin();
        String account = user.name().isEmpty() ? "$USER" : user.name();
        String headline = access.group() == null ? i18n.format("welcome.local.deniedPath", name, socket)
                : i18n.format("welcome.local.denied", name, socket, account, group);
        List<Step> steps = new ArrayList<>();
        if (access.joinedButNotActive()) {
            steps.add(Step.say(i18n.format("welcome.local.joinedNotActive", account, group)));
            steps.add(Step.run("newgrp " + group));
        } else {
            steps.add(Step.say(i18n.format("welcome.local.join", group)));
            steps.add(Step.run("sudo gpasswd -a " + account + " " + group));
            steps.add(Step.say(i18n.get("welcome.local.thenNewgrp")));
            steps.add(Step.run("newgrp " + group));
        }
        if (kind == ServerKind.INCUS && "incus-admin".equals(group)) {
            steps.add(Step.say(i18n.get("welcome.local.incusGroups")));
        } else if (kind == ServerKind.LXD) {
            steps.add(Step.say(i18n.get("welcome.local.lxdGroupNote")));
        }
        steps.add(Step.say(i18n.get("welcome.local.restart")));
        return new LocalStatus(kind, Look.DENIED, headline, List.copyOf(steps));
    }

    /** The ways to get a server, in the order the page offers them. */
    public List<Way> ways() {
        return List.of(
                way("welcomeImport", "welcome.import.title", actions.importCliRemotes(), "welcome.import.how",
                        List.of("lxc remote list", "incus remote list")),
                way("welcomeAddRemote", "welcome.add.title", actions.addRemote(), "welcome.add.how",
                        List.of("lxc config set core.https_address :8443", "lxc config trust add --name hako",
                                "incus config set core.https_address :8443", "incus config trust add hako")),
                way("welcomeInit", "welcome.init.title", actions.initialiseLocalServer(), "welcome.init.how",
                        List.of("sudo apt install lxd", "sudo lxd init --minimal",
                                "sudo apt install incus", "sudo incus admin init --minimal")));
    }

    private Way way(String id, String titleKey, Optional<Runnable> action, String howKey, List<String> commands) {
        if (action.isPresent()) {
            return new Way(id, i18n.get(titleKey), action, List.of());
        }
        List<Step> steps = new ArrayList<>();
        steps.add(Step.say(i18n.get(howKey)));
        commands.forEach(c -> steps.add(Step.run(c)));
        return new Way(id, i18n.get(titleKey), action, List.copyOf(steps));
    }
}
