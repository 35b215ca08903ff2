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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
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
    private final WelcomeViewModel model;
    private final ScrollPane node;
    /** Held by the page, which its node holds: it lives as long as the page is shown somewhere. */
    private final ChangeListener<Locale> relabel = (language, was, now) -> draw();

    /**
     * @param found the local sockets found (see {@link LocalServers#discover}); each is checked for {@code user}
     */
    public WelcomePage(I18n i18n, List<LocalServer> found, UserAccount user, Actions actions) {
        this.i18n = i18n;
        this.model = new WelcomeViewModel(i18n, found, user, actions);
        node = new ScrollPane(page());
        node.setFitToWidth(true);
        node.setId("welcomePage");
        node.getStyleClass().add("edge-to-edge");
        node.getProperties().put(WelcomePage.class, this);
        i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
    }

    /** The page for the local sockets the environment points to (same search as the CLIs). */
    public static WelcomePage forEnvironment(I18n i18n, Map<String, String> env, Actions actions) {
        return new WelcomePage(i18n, LocalServers.discover(env), UserAccount.current(), actions);
    }

    public Node node() {
        return node;
    }

    public List<SocketAccess> sockets() {
        return model.sockets();
    }

    /** Draws the page again in the window's language, at the same scroll position. UI thread. */
    private void draw() {
        double position = node.getVvalue();
        node.setContent(page());
        node.setVvalue(position);
    }

    /** The page's content in the window's language. */
    private Node page() {
        VBox content = new VBox(18, header(), thisComputer(), getStarted());
        content.setPadding(new Insets(28, 32, 28, 32));
        content.setMaxWidth(760);
        content.getStyleClass().add("welcome-page");
        VBox centred = new VBox(content);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.getStyleClass().add("welcome-background");
        return centred;
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
        for (WelcomeViewModel.LocalStatus status : model.local()) {
            section.getChildren().add(localBox(status));
        }
        return section;
    }

    private Node localBox(WelcomeViewModel.LocalStatus status) {
        VBox box = new VBox(6);
        box.getStyleClass().add("welcome-item");
        box.setId(status.kind() == ServerKind.LXD ? "welcomeLxd" : "welcomeIncus");
        Node icon = switch (status.look()) {
            case USABLE -> Icons.of(Material2MZ.PLAY_CIRCLE_FILLED, "status-running");
            case ABSENT -> Icons.of(Material2AL.CLOUD_OFF, "welcome-muted");
            case DENIED -> Icons.of(Material2AL.LOCK, "status-error");
        };
        box.getStyleClass().add(switch (status.look()) {
            case USABLE -> "welcome-usable";
            case ABSENT -> "welcome-absent";
            case DENIED -> "welcome-denied";
        });
        box.getChildren().add(status(icon, status.headline()));
        status.steps().forEach(step -> box.getChildren().add(stepNode(step)));
        return box;
    }

    private Node stepNode(WelcomeViewModel.Step step) {
        return step.command() ? command(step.text()) : wrapped(step.text());
    }

    private Node getStarted() {
        VBox section = section("welcome.start.title");
        section.setId("welcomeStart");
        List<org.kordamp.ikonli.Ikon> icons = List.of(Material2AL.IMPORT_EXPORT, Material2AL.LINK,
                Material2MZ.SETTINGS);
        List<WelcomeViewModel.Way> ways = model.ways();
        for (int i = 0; i < ways.size(); i++) {
            section.getChildren().add(way(ways.get(i), icons.get(i)));
        }
        return section;
    }

    /** One way to get a server: a button when the action exists, else how to do it on the command line. */
    private Node way(WelcomeViewModel.Way way, org.kordamp.ikonli.Ikon ikon) {
        VBox box = new VBox(6);
        box.setId(way.id());
        box.getStyleClass().add("welcome-item");
        if (way.action().isPresent()) {
            Button button = new Button(way.title(), Icons.of(ikon, "welcome-action"));
            button.setId(way.id() + "Button");
            button.getStyleClass().add("accent");
            button.setOnAction(e -> way.action().get().run());
            box.getChildren().add(button);
        } else {
            Label title = new Label(way.title(), Icons.of(ikon, "welcome-muted"));
            title.getStyleClass().add("welcome-way-title");
            box.getChildren().add(title);
            way.steps().forEach(step -> box.getChildren().add(stepNode(step)));
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
