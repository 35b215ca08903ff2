package dev.hako.ui.welcome;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.ServerKind;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.LocalServers;
import dev.hako.remote.LocalServers.LocalServer;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The first-run page in the details area, shown while no server is usable: what was
 * found on this computer (an LXD or Incus socket, and whether this user may use it,
 * with the commands that grant access), and how to get a server. Each way to get one
 * is a button when {@link Actions} provides it, and otherwise the equivalent
 * command-line steps, so nothing on the page is a button that does nothing.
 */
public final class WelcomePage {

    /**
     * The first-run actions the rest of the application offers. Each is optional: an
     * absent one is explained with its command-line equivalent instead of a button.
     */
    public interface Actions {
        /** Imports the remotes of the lxc and incus command-line tools. */
        default Optional<Runnable> importCliRemotes() {
            return Optional.empty();
        }

        /** Adds a remote server (address, trust token or password). */
        default Optional<Runnable> addRemote() {
            return Optional.empty();
        }

        /** Initialises a fresh local server. */
        default Optional<Runnable> initialiseLocalServer() {
            return Optional.empty();
        }

        Actions NONE = new Actions() {
        };
    }

    private final I18n i18n;
    private final UserAccount user;
    private final List<SocketAccess> sockets;
    private final Actions actions;
    private final ScrollPane node;

    /**
     * @param found the local sockets found (see {@link LocalServers#discover}); each is checked for {@code user}
     */
    public WelcomePage(I18n i18n, List<LocalServer> found, UserAccount user, Actions actions) {
        this.i18n = i18n;
        this.user = user;
        this.actions = actions;
        this.sockets = found.stream().map(server -> SocketAccess.check(server, user)).toList();
        VBox content = new VBox(18, header(), thisComputer(), getStarted());
        content.setPadding(new Insets(28, 32, 28, 32));
        content.setMaxWidth(760);
        content.getStyleClass().add("welcome-page");
        VBox centred = new VBox(content);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.getStyleClass().add("welcome-background");
        node = new ScrollPane(centred);
        node.setFitToWidth(true);
        node.setId("welcomePage");
        node.getStyleClass().add("edge-to-edge");
    }

    /** The page for the local sockets the environment points to (same search as the CLIs). */
    public static WelcomePage forEnvironment(I18n i18n, Map<String, String> env, Actions actions) {
        return new WelcomePage(i18n, LocalServers.discover(env), UserAccount.current(), actions);
    }

    public Node node() {
        return node;
    }

    public List<SocketAccess> sockets() {
        return sockets;
    }

    /**
     * Whether the window should greet the user with this page: no remote at all, or only
     * local sockets this user may not use. Reads local file metadata only.
     */
    public static boolean needed(Workspace workspace, UserAccount user) {
        List<RemoteModel> remotes = workspace.remotes();
        for (RemoteModel remote : remotes) {
            if (!(remote.endpoint() instanceof Endpoint.UnixSocket socket)) {
                return false;
            }
            LocalServer local = new LocalServer(remote.name(), ServerKind.LXD, socket.socket());
            if (SocketAccess.check(local, user).verdict() == SocketAccess.Verdict.USABLE) {
                return false;
            }
        }
        return true;
    }

    private Node header() {
        ImageView mark = new ImageView(new Image(WelcomePage.class.getResource("/dev/hako/icons/hako-64.png")
                .toExternalForm()));
        Label title = new Label(i18n.get("welcome.title"));
        title.getStyleClass().add("title-2");
        title.setId("welcomeTitle");
        Label intro = wrapped(i18n.get("welcome.intro"));
        VBox text = new VBox(4, title, intro);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox header = new HBox(16, mark, text);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node thisComputer() {
        VBox section = section("welcome.local.title");
        section.setId("welcomeLocal");
        for (ServerKind kind : ServerKind.values()) {
            Optional<SocketAccess> access = sockets.stream()
                    .filter(s -> s.server().expectedKind() == kind).findFirst();
            section.getChildren().add(access.map(this::socketStatus).orElseGet(() -> notFound(kind)));
        }
        return section;
    }

    private Node notFound(ServerKind kind) {
        VBox box = new VBox(6);
        box.getStyleClass().addAll("welcome-item", "welcome-absent");
        box.setId(kind == ServerKind.LXD ? "welcomeLxd" : "welcomeIncus");
        box.getChildren().add(status(Icons.of(Material2AL.CLOUD_OFF, "welcome-muted"),
                i18n.format("welcome.local.absent", kind.displayName(), kind == ServerKind.LXD
                        ? "LXD_SOCKET, LXD_DIR, /var/lib/lxd, /var/snap/lxd/common/lxd"
                        : "INCUS_SOCKET, INCUS_DIR, /var/lib/incus")));
        return box;
    }

    private Node socketStatus(SocketAccess access) {
        ServerKind kind = access.server().expectedKind();
        String name = kind.displayName();
        String socket = access.server().socket().toString();
        VBox box = new VBox(6);
        box.getStyleClass().add("welcome-item");
        box.setId(kind == ServerKind.LXD ? "welcomeLxd" : "welcomeIncus");
        switch (access.verdict()) {
            case USABLE -> {
                box.getStyleClass().add("welcome-usable");
                box.getChildren().add(status(Icons.of(Material2MZ.PLAY_CIRCLE_FILLED, "status-running"),
                        i18n.format("welcome.local.usable", name, socket)));
            }
            case GONE -> {
                box.getStyleClass().add("welcome-absent");
                box.getChildren().add(status(Icons.of(Material2AL.CLOUD_OFF, "welcome-muted"),
                        i18n.format("welcome.local.gone", name, socket)));
            }
            case NO_PERMISSION -> {
                box.getStyleClass().add("welcome-denied");
                String group = access.groupToJoin();
                String account = user.name().isEmpty() ? "$USER" : user.name();
                box.getChildren().add(status(Icons.of(Material2AL.LOCK, "status-error"),
                        access.group() == null
                                ? i18n.format("welcome.local.deniedPath", name, socket)
                                : i18n.format("welcome.local.denied", name, socket, account, group)));
                if (access.joinedButNotActive()) {
                    box.getChildren().add(wrapped(i18n.format("welcome.local.joinedNotActive", account, group)));
                    box.getChildren().add(command("newgrp " + group));
                } else {
                    box.getChildren().add(wrapped(i18n.format("welcome.local.join", group)));
                    box.getChildren().add(command("sudo gpasswd -a " + account + " " + group));
                    box.getChildren().add(wrapped(i18n.get("welcome.local.thenNewgrp")));
                    box.getChildren().add(command("newgrp " + group));
                }
                if (kind == ServerKind.INCUS && "incus-admin".equals(group)) {
                    box.getChildren().add(wrapped(i18n.get("welcome.local.incusGroups")));
                } else if (kind == ServerKind.LXD) {
                    box.getChildren().add(wrapped(i18n.get("welcome.local.lxdGroupNote")));
                }
                box.getChildren().add(wrapped(i18n.get("welcome.local.restart")));
            }
            default -> throw new IllegalStateException();
        }
        return box;
    }

    private Node getStarted() {
        VBox section = section("welcome.start.title");
        section.setId("welcomeStart");
        section.getChildren().add(way("welcomeImport", Material2AL.IMPORT_EXPORT, "welcome.import.title",
                actions.importCliRemotes(), "welcome.import.how",
                List.of("lxc remote list", "incus remote list")));
        section.getChildren().add(way("welcomeAddRemote", Material2AL.LINK, "welcome.add.title",
                actions.addRemote(), "welcome.add.how",
                List.of("lxc config set core.https_address :8443", "lxc config trust add --name hako",
                        "incus config set core.https_address :8443", "incus config trust add hako")));
        section.getChildren().add(way("welcomeInit", Material2MZ.SETTINGS, "welcome.init.title",
                actions.initialiseLocalServer(), "welcome.init.how",
                List.of("sudo apt install lxd", "sudo lxd init --minimal",
                        "sudo apt install incus", "sudo incus admin init --minimal")));
        return section;
    }

    /** One way to get a server: a button when the action exists, else how to do it on the command line. */
    private Node way(String id, org.kordamp.ikonli.Ikon ikon, String titleKey, Optional<Runnable> action,
                     String howKey, List<String> commands) {
        VBox box = new VBox(6);
        box.setId(id);
        box.getStyleClass().add("welcome-item");
        if (action.isPresent()) {
            Button button = new Button(i18n.get(titleKey), Icons.of(ikon, "welcome-action"));
            button.setId(id + "Button");
            button.getStyleClass().add("accent");
            button.setOnAction(e -> action.get().run());
            box.getChildren().add(button);
        } else {
            Label title = new Label(i18n.get(titleKey), Icons.of(ikon, "welcome-muted"));
            title.getStyleClass().add("welcome-way-title");
            box.getChildren().addAll(title, wrapped(i18n.get(howKey)));
            commands.forEach(c -> box.getChildren().add(command(c)));
        }
        return box;
    }

    private VBox section(String titleKey) {
        Label title = new Label(i18n.get(titleKey));
        title.getStyleClass().add("title-4");
        VBox section = new VBox(10, title);
        section.getStyleClass().add("welcome-section");
        return section;
    }

    private static HBox status(Node icon, String text) {
        Label label = wrapped(text);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox row = new HBox(8, icon, label);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** A command in monospace with a button that copies it. */
    private Node command(String text) {
        Label line = new Label(text);
        line.getStyleClass().add("welcome-command");
        line.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(line, Priority.ALWAYS);
        Button copy = new Button(null, Icons.of(Material2AL.CONTENT_COPY, "welcome-muted"));
        copy.getStyleClass().addAll("flat", "welcome-copy");
        copy.setTooltip(new Tooltip(i18n.get("welcome.copy")));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox row = new HBox(4, line, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("welcome-command-row");
        return row;
    }

    static List<String> commandsOf(Node root) {
        List<String> found = new ArrayList<>();
        root.lookupAll(".welcome-command").forEach(n -> found.add(((Label) n).getText()));
        return found;
    }
}
