package dev.hako.ui.wizard.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.ConfigDirectory;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.WizardDialog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Creates an instance: the image from the server's own images, another connected
 * remote's images (the server pulls from it) or a simplestreams image server browsed
 * by OS, release, architecture and variant; then name, type, profiles, limits, root
 * pool, cluster member, network, cloud-init user-data and start; then the request as
 * YAML. The download progress is shown while the server works. A failed create leaves
 * nothing behind; a failed start keeps the instance and says so.
 * <p>
 * This class opens the wizard: {@link NewInstanceViewModel} holds its state, the pages
 * ({@link ImagePage}, {@link SettingsPage}, {@link SummaryPage}) show it.
 */
public final class NewInstanceWizard {

    /** The application's remotes file, when it has one: image servers come from it and pins go to it. */
    private static volatile RemotesFile sessionFile;

    private NewInstanceWizard() {
    }

    public static void useRemotesFile(RemotesFile file) {
        sessionFile = file;
    }

    /**
     * Opens the wizard with the image servers saved in the remotes file. Without the
     * application's own copy (see {@link #useRemotesFile}) the file is only read, and a
     * certificate pinned in the wizard is kept for this wizard only: writing from a second
     * copy could undo the application's later changes.
     */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel target,
                            Consumer<String> onCreated) {
        RemotesFile shared = sessionFile;
        if (shared != null) {
            open(owner, i18n, workspace, target, imageServers(shared), shared, onCreated);
            return;
        }
        FxTaskExecutor.get().execute(BackgroundTask.of(progress -> {
            try {
                return imageServers(RemotesFile.load(ConfigDirectory.resolve(System.getenv())));
            } catch (IOException | RuntimeException unreadable) {
                // Without a readable file the wizard still offers the servers' own images.
                return List.<RemoteConfig>of();
            }
        }).onSuccess(servers -> open(owner, i18n, workspace, target, servers, null, onCreated)));
    }

    private static List<RemoteConfig> imageServers(RemotesFile file) {
        return file.remotes().stream().filter(RemoteConfig::imageOnly).toList();
    }

    /**
     * Opens the wizard on {@code target} with these image servers; {@code remotesFile}, when
     * given, keeps a certificate the user pins for a self-signed image server.
     */
    public static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel target,
                            List<RemoteConfig> imageServers, RemotesFile remotesFile, Consumer<String> onCreated) {
        open(owner, i18n, workspace, target, imageServers, remotesFile, onCreated, null, null);
    }

    /**
     * Opens the wizard on {@code target} with {@code imageServer}'s image {@code fingerprint} chosen
     * (the image server browser's "Launch…"); the saved image servers are offered too.
     */
    public static void openOn(Window owner, I18n i18n, Workspace workspace, RemoteModel target,
                              RemoteConfig imageServer, String fingerprint, Consumer<String> onCreated) {
        RemotesFile shared = sessionFile;
        List<RemoteConfig> servers = new ArrayList<>(shared == null ? List.of() : imageServers(shared));
        String address = imageServer.address().replaceAll("/+$", "");
        RemoteConfig chosen = servers.stream().filter(s -> s.address().replaceAll("/+$", "").equals(address))
                .findFirst().orElse(null);
        if (chosen == null) {
            chosen = imageServer;
            servers.add(chosen);
        }
        open(owner, i18n, workspace, target, servers, shared, onCreated, chosen, fingerprint);
    }

    private static void open(Window owner, I18n i18n, Workspace workspace, RemoteModel target,
                             List<RemoteConfig> imageServers, RemotesFile remotesFile, Consumer<String> onCreated,
                             RemoteConfig preselectedServer, String preselectedImage) {
        TaskExecutor tasks = FxTaskExecutor.get();
        WizardDialog[] shown = new WizardDialog[1];
        Supplier<Window> dialogOwner = () -> shown[0] != null && shown[0].window() != null
                && shown[0].window().isShowing() ? shown[0].window() : owner;
        DialogService dialogs = new FxDialogService(dialogOwner, i18n);
        LxdClient client = target.client();
        if (client == null) {
            dialogs.showError(i18n.format("newinstance.failedOn", target.name()),
                    new UnreachableException(target.name(), null));
            return;
        }
        List<ImageSource> sources = new ArrayList<>();
        sources.add(new ImageSource.Own(target));
        if (workspace != null) {
            workspace.remotes().stream().filter(r -> r != target && r.client() != null)
                    .forEach(r -> sources.add(new ImageSource.OtherRemote(r)));
        }
        imageServers.forEach(server -> sources.add(new ImageSource.ImageServer(server)));
        TargetServer server = TargetServer.following(target, client, tasks);
        NewInstanceViewModel model = new NewInstanceViewModel(tasks, dialogs, i18n, server, sources,
                ImageCatalogue.of(client.kind()), remotesFile, InstanceCreator.on(client));
        if (preselectedServer != null) {
            model.image().preselect(new ImageSource.ImageServer(preselectedServer), preselectedImage);
        }
        shown[0] = show(owner, i18n, model, server, onCreated);
    }

    private static WizardDialog show(Window owner, I18n i18n, NewInstanceViewModel model, TargetServer server,
                                     Consumer<String> onCreated) {
        ImagePage imagePage = new ImagePage(i18n, model.image());
        SettingsPage settingsPage = new SettingsPage(i18n, model.settings());
        SummaryPage summaryPage = new SummaryPage(i18n, model);
        WizardDialog wizard = new WizardDialog(owner, i18n, model.titleProperty().get());
        wizard.size(940, 640)
                .page(i18n.get("newinstance.page.image"), imagePage.content(),
                        () -> model.problem(NewInstanceViewModel.Page.IMAGE),
                        () -> model.enter(NewInstanceViewModel.Page.IMAGE))
                .page(i18n.get("newinstance.page.settings"), settingsPage.content(),
                        () -> model.problem(NewInstanceViewModel.Page.SETTINGS),
                        () -> model.enter(NewInstanceViewModel.Page.SETTINGS))
                .page(i18n.get("newinstance.page.summary"), summaryPage.content(),
                        () -> model.problem(NewInstanceViewModel.Page.SUMMARY),
                        () -> model.enter(NewInstanceViewModel.Page.SUMMARY))
                .onFinish(w -> model.finish())
                .onCancelWhileWorking(model::cancelCreation);
        // The buttons follow the model's checks, which change with the form, the listing and the language.
        model.image().problemProperty().addListener((o, a, b) -> wizard.revalidate());
        model.settings().problemProperty().addListener((o, a, b) -> wizard.revalidate());
        model.phaseProperty().addListener((o, before, phase) -> {
            if (phase == NewInstanceViewModel.Phase.CREATED) {
                wizard.close();
                onCreated.accept(model.createdName());
            } else if (phase == NewInstanceViewModel.Phase.FAILED) {
                wizard.failed();
            }
        });
        ChangeListener<Locale> relabel = (o, before, now) -> {
            imagePage.relabel();
            settingsPage.relabel();
        };
        i18n.localeProperty().addListener(relabel);
        wizard.show();
        if (wizard.window() instanceof javafx.stage.Stage stage) {
            stage.titleProperty().bind(model.titleProperty());
        }
        model.start();
        wizard.window().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            i18n.localeProperty().removeListener(relabel);
            server.close();
        });
        return wizard;
    }
}
