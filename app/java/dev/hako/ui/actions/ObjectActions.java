package dev.hako.ui.actions;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.model.PoolVolume;
import dev.hako.model.RemoteModel;
import dev.hako.model.SizeRules;
import dev.hako.ui.common.NameDialog;
import dev.hako.ui.common.I18n;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Actions on images, storage volumes, networks and profiles. */
public final class ObjectActions {

    private final ActionContext context;
    private final I18n i18n;

    public ObjectActions(ActionContext context) {
        this.context = context;
        this.i18n = context.i18n();
    }

    public void deleteImages(RemoteModel remote, List<Image> images) {
        LxdClient client = context.clientOf(remote);
        if (client == null || images.isEmpty()) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        images.forEach(image -> labels.put(image.fingerprint(), dev.hako.ui.tree.TreeEntry.ImageEntry.labelOf(image)));
        if (context.dialogs().confirm(i18n.format("action.image.delete.confirm", images.size()),
                String.join(", ", labels.values()), ActionContext.commands(remote, client)
                        .deleteImages(List.copyOf(labels.keySet())))) {
            context.performEach(new ActionContext.BulkHeadlines(
                            fp -> i18n.format("action.image.delete.failedOne", labels.get(fp)),
                            (failed, total) -> i18n.format("action.image.delete.failedMany", failed, total)),
                    List.copyOf(labels.keySet()),
                    fp -> client.images().delete(fp).awaitSuccess(InstanceActions.OPERATION_TIMEOUT), () -> { });
        }
    }

    public void createAlias(RemoteModel remote, Image image) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        String shortFp = image.shortFingerprint();
        context.dialogs().askName(i18n.get("action.alias.create"), i18n.format("action.alias.create.prompt", shortFp),
                "", this::aliasProblem, alias -> ActionContext.commands(remote, client)
                        .createAlias(alias, image.fingerprint())).ifPresent(alias -> context.perform(
                        i18n.format("action.alias.create.failed", alias, shortFp),
                        () -> client.images().createAlias(alias, image.fingerprint(), "")));
    }

    public void renameAlias(RemoteModel remote, String alias) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        context.dialogs().askName(i18n.get("action.alias.rename"),
                i18n.format("action.alias.rename.prompt", alias), alias, this::aliasProblem,
                name -> ActionContext.commands(remote, client).renameAlias(alias, name))
                .filter(n -> !n.equals(alias)).ifPresent(newName -> context.perform(
                        i18n.format("action.alias.rename.failed", alias, newName),
                        () -> client.images().renameAlias(alias, newName)));
    }

    public void deleteAlias(RemoteModel remote, String alias) {
        LxdClient client = context.clientOf(remote);
        if (client != null && context.dialogs().confirm(i18n.get("action.alias.delete"),
                i18n.format("action.alias.delete.confirm", alias),
                ActionContext.commands(remote, client).deleteAlias(alias))) {
            context.perform(i18n.format("action.alias.delete.failed", alias), () -> client.images().deleteAlias(alias));
        }
    }

    /** Aliases may contain slashes (debian/12) but no white space or colons, and must not be empty. */
    private String aliasProblem(String alias) {
        if (alias.isEmpty()) {
            return i18n.get("name.problem.empty");
        }
        return alias.matches(".*[\\s:].*") ? i18n.get("action.alias.badCharacter") : null;
    }

    public void createVolume(RemoteModel remote, String pool) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        ChoiceBox<String> contentType = new ChoiceBox<>();
        contentType.getItems().setAll("filesystem", "block");
        contentType.setValue("filesystem");
        TextField size = new TextField();
        size.setId("volumeSize");
        size.setPromptText(i18n.get("action.volume.sizePrompt"));
        GridPane extra = new GridPane();
        extra.setHgap(8);
        extra.setVgap(8);
        extra.addRow(0, new Label(i18n.get("action.volume.contentType")), contentType);
        extra.addRow(1, new Label(i18n.get("action.volume.size")), size);
        context.dialogs().askName(i18n.get("action.volume.create"),
                i18n.format("action.volume.create.prompt", pool), "", text -> {
                    String problem = NameDialog.objectNames(i18n, false).apply(text);
                    if (problem == null && !size.getText().isBlank()) {
                        return SizeRules.check(size.getText()).map(i18n::get).orElse(null);
                    }
                    return problem;
                }, extra).ifPresent(name -> {
                    Map<String, String> config = new LinkedHashMap<>();
                    if (!size.getText().isBlank()) {
                        config.put("size", size.getText().trim().replace(" ", ""));
                    }
                    context.perform(i18n.format("action.volume.create.failed", name, pool),
                            () -> client.storage().createVolume(pool,
                                    StorageVolumesPost.custom(name, contentType.getValue(), config)));
                });
    }

    public void deleteVolume(RemoteModel remote, PoolVolume volume) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        List<String> usedBy = volume.volume().usedBy() == null ? List.of() : volume.volume().usedBy();
        String details = usedBy.isEmpty() ? "" : i18n.format("action.usedBy", String.join(", ", usedBy));
        if (context.dialogs().confirmByName(
                i18n.format("action.volume.delete.confirm", volume.volume().name(), volume.pool()), details,
                volume.volume().name())) {
            context.perform(i18n.format("action.volume.delete.failed", volume.volume().name(), volume.pool()),
                    () -> client.storage().deleteVolume(volume.pool(), volume.volume().type(), volume.volume().name()));
        }
    }

    /** The create-network dialog (bridge, or macvlan/physical where the server has them). */
    public void createNetwork(RemoteModel remote) {
        dev.hako.ui.network.NetworkCreateDialog.open(context.tasks(), context.dialogs(), remote);
    }

    public void renameNetwork(RemoteModel remote, String network) {
        dev.hako.ui.network.NetworkRenameDialog.open(context.tasks(), context.dialogs(), remote, network);
    }

    public void deleteNetwork(RemoteModel remote, String network, List<String> usedBy) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        String details = usedBy == null || usedBy.isEmpty() ? ""
                : i18n.format("action.usedBy", String.join(", ", usedBy));
        if (context.dialogs().confirmByName(i18n.format("action.network.delete.confirm", network),
                details, network, ActionContext.commands(remote, client).deleteNetwork(network))) {
            context.perform(i18n.format("action.network.delete.failed", network),
                    () -> client.networks().delete(network));
        }
    }

    public void createProfile(RemoteModel remote) {
        LxdClient client = context.clientOf(remote);
        if (client != null) {
            context.dialogs().askName(i18n.get("action.profile.create"),
                    i18n.get("action.profile.create.prompt"), "", NameDialog.objectNames(i18n, false),
                    name -> ActionContext.commands(remote, client).createProfile(name))
                    .ifPresent(name -> context.perform(i18n.format("action.profile.create.failed", name),
                            () -> client.profiles().create(new ProfilesPost(name, "", Map.of(), Map.of()))));
        }
    }

    public void copyProfile(RemoteModel remote, Profile profile) {
        LxdClient client = context.clientOf(remote);
        if (client != null) {
            context.dialogs().askName(i18n.get("action.profile.copy"),
                    i18n.format("action.profile.copy.prompt", profile.name()), profile.name() + "-copy",
                    NameDialog.objectNames(i18n, false),
                    name -> ActionContext.commands(remote, client).copyProfile(profile.name(), name))
                    .ifPresent(name -> context.perform(
                            i18n.format("action.profile.copy.failed", profile.name(), name), () -> {
                        Profile fresh = client.profiles().get(profile.name()).value();
                        client.profiles().create(new ProfilesPost(name, fresh.description(), fresh.config(),
                                fresh.devices()));
                    }));
        }
    }

    /** "Rename profile…": a form with the name rules and the equivalent command ({@code default} is never renamed). */
    public void renameProfile(RemoteModel remote, Profile profile) {
        if (dev.hako.ui.profiles.ProfileRenameViewModel.renamable(profile.name())) {
            dev.hako.ui.profiles.ProfileRenameDialog.open(context.tasks(), context.dialogs(), remote, profile.name());
        }
    }

    public void deleteProfile(RemoteModel remote, Profile profile) {
        LxdClient client = context.clientOf(remote);
        if (client == null) {
            return;
        }
        List<String> usedBy = profile.usedBy() == null ? List.of() : profile.usedBy();
        String details = usedBy.isEmpty() ? "" : i18n.format("action.usedBy", String.join(", ", usedBy));
        if (context.dialogs().confirmByName(i18n.format("action.profile.delete.confirm", profile.name()), details,
                profile.name(), ActionContext.commands(remote, client).deleteProfile(profile.name()))) {
            context.perform(i18n.format("action.profile.delete.failed", profile.name()),
                    () -> client.profiles().delete(profile.name()));
        }
    }
}
