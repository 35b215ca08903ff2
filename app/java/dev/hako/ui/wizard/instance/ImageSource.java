package dev.hako.ui.wizard.instance;

import dev.hako.model.RemoteModel;
import dev.hako.remote.RemoteConfig;

/** Where the wizard lists images from. */
sealed interface ImageSource permits ImageSource.Own, ImageSource.OtherRemote, ImageSource.ImageServer {

    /** The target server's own images. */
    record Own(RemoteModel remote) implements ImageSource {
    }

    /** Another connected remote's images; the target pulls from it. */
    record OtherRemote(RemoteModel remote) implements ImageSource {
    }

    /** A simplestreams image server saved in the remotes file. */
    record ImageServer(RemoteConfig config) implements ImageSource {
    }
}
