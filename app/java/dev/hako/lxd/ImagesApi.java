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

    /**
     * What {@code lxc image copy <server>:<image> <target>:} asks the target for: download an image
     * from an image server into its own store.
     *
     * @param server      the image server's address ({@code https://images.linuxcontainers.org})
     * @param protocol    {@code simplestreams} (or the daemon's own protocol for another server)
     * @param certificate the image server's certificate (PEM) to check, or null for the system's authorities
     * @param alias       the image's alias on that server (followed by auto-update), or null
     * @param fingerprint the image's fingerprint, used when there is no alias
     * @param imageType   {@code container} or {@code virtual-machine}: which of the alias's images
     * @param aliases     aliases to give the copy on the target
     * @param autoUpdate  whether the target keeps the copy current from the server
     */
    public record Pull(String server, String protocol, String certificate, String alias, String fingerprint,
                       String imageType, List<String> aliases, boolean autoUpdate) {
        public Pull {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        /** The request body of {@code POST /1.0/images}. */
        public Map<String, Object> body() {
            Map<String, Object> source = new java.util.LinkedHashMap<>();
            source.put("type", "image");
            source.put("mode", "pull");
            source.put("server", server);
            source.put("protocol", protocol);
            if (certificate != null) {
                source.put("certificate", certificate);
            }
            if (alias != null) {
                source.put("alias", alias);
            } else {
                source.put("fingerprint", fingerprint);
            }
            if (imageType != null) {
                source.put("image_type", imageType);
            }
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("source", source);
            body.put("auto_update", autoUpdate);
            body.put("aliases", aliases.stream().map(a -> Map.of("name", a)).toList());
            return body;
        }
    }

    /** Has the server download an image from an image server ({@code POST /1.0/images}, source mode pull). */
    public RunningOperation pull(Pull request) {
        return async("POST", "/1.0/images", request.body(), null);
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
