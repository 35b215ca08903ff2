package dev.hako.ui.wizard.instance;

import dev.hako.lxd.api.InstanceSource;
import dev.hako.model.RemoteModel;

/**
 * How the target server gets an image of a listing: it has it ({@code server} null), or it
 * pulls it from {@code server} over {@code protocol}, checking that server's {@code certificate}.
 *
 * @param owner for another remote's listing, that remote: it gives a one-time secret for a private image
 */
record ImageOrigin(String server, String protocol, String certificate, RemoteModel owner) {

    static ImageOrigin local() {
        return new ImageOrigin(null, null, null, null);
    }

    static ImageOrigin otherRemote(String address, String certificate, RemoteModel owner) {
        return new ImageOrigin(address, "lxd", certificate, owner);
    }

    static ImageOrigin simplestreams(String address, String certificate) {
        return new ImageOrigin(address, "simplestreams", certificate, null);
    }

    /** Whether {@code image} can only be pulled with a secret from its owner. */
    boolean needsSecret(ImageChoice image) {
        return owner != null && !image.isPublic();
    }

    /** The request's source for the image with {@code fingerprint}; {@code secret} opens a private one. */
    InstanceSource source(String fingerprint, String secret) {
        return server == null ? InstanceSource.imageFingerprint(fingerprint)
                : InstanceSource.remoteImage(server, protocol, null, fingerprint, certificate, secret);
    }
}
