package dev.hako.lxd;

import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.ImageAliasesEntry;
import dev.hako.lxd.api.ImagePut;
import dev.hako.lxd.api.Tagged;
import java.util.List;
import java.util.Map;

/** {@code /1.0/images}: local images and their aliases. */
public final class ImagesApi extends ResourceApi {

    ImagesApi(LxdClient client) {
        super(client);
    }

    private static String path(String fingerprint) {
        return "/1.0/images/" + seg(fingerprint);
    }

    public List<Image> list() {
        return list("/1.0/images", Image.class);
    }

    public Tagged<Image> get(String fingerprint) {
        return getTagged(path(fingerprint), Image.class);
    }

    public void update(String fingerprint, ImagePut put, String etag) {
        sync("PUT", path(fingerprint), put, etag);
    }

    /**
     * Asks the server to look for a newer version at the image's source now ({@code lxc image
     * refresh}); only an image with an update source has one to ask.
     */
    public RunningOperation refresh(String fingerprint) {
        return async("POST", path(fingerprint) + "/refresh", null, null);
    }

    public RunningOperation delete(String fingerprint) {
        return async("DELETE", path(fingerprint), null, null);
    }

    public List<ImageAliasesEntry> aliases() {
        return list("/1.0/images/aliases", ImageAliasesEntry.class);
    }

    public Tagged<ImageAliasesEntry> alias(String name) {
        return getTagged("/1.0/images/aliases/" + seg(name), ImageAliasesEntry.class);
    }

    public void createAlias(String name, String fingerprint, String description) {
        sync("POST", "/1.0/images/aliases", new ImageAliasesEntry(name, description, fingerprint, null), null);
    }

    public void renameAlias(String name, String newName) {
        sync("POST", "/1.0/images/aliases/" + seg(name), Map.of("name", newName), null);
    }

    public void deleteAlias(String name) {
        sync("DELETE", "/1.0/images/aliases/" + seg(name), null, null);
    }

    /**
     * Asks for a one-time secret that lets another server download this (private)
     * image: {@code POST /1.0/images/<fp>/secret}; the secret is in the operation's
     * {@code metadata.secret}, valid while the operation runs.
     */
    public RunningOperation secret(String fingerprint) {
        return async("POST", path(fingerprint) + "/secret", java.util.Map.of(), null);
    }
}
