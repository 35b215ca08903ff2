package dev.hako.ui.wizard.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.Image;
import dev.hako.model.RemoteModel;
import dev.hako.remote.RemoteAddress;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.ServerCertificateProbe;
import dev.hako.remote.creation.ImageReach;
import dev.hako.remote.simplestreams.SimplestreamsClient;
import dev.hako.remote.simplestreams.SimplestreamsImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads what an image source offers and the certificate of an image server (blocking; the
 * view model runs it on a worker thread, and a test answers in its place).
 */
interface ImageCatalogue {

    /** A source's images, sorted, and how the target reaches them. */
    record Listing(List<ImageChoice> images, ImageOrigin origin) {
    }

    Listing read(ImageSource source) throws Exception;

    /** The certificate an image server presents, to show the user before pinning it. */
    ServerCertificate probe(RemoteConfig imageServer) throws Exception;

    /**
     * The servers' catalogue for a target of {@code kind}: a remote's images from its live
     * collection (listed only while that has not loaded yet), an image server's products
     * that this kind of daemon can pull.
     */
    static ImageCatalogue of(ServerKind kind) {
        return new ImageCatalogue() {
            @Override
            public Listing read(ImageSource source) {
                if (source instanceof ImageSource.Own own) {
                    return new Listing(imagesOf(own.remote()), ImageOrigin.local());
                }
                if (source instanceof ImageSource.OtherRemote other) {
                    ImageReach reach = ImageReach.of(clientOf(other.remote()), other.remote().name());
                    return new Listing(imagesOf(other.remote()), ImageOrigin.otherRemote(reach.address(),
                            reach.certificate(), other.remote()));
                }
                SimplestreamsClient client = SimplestreamsClient.of(((ImageSource.ImageServer) source).config());
                String daemon = kind == ServerKind.INCUS ? SimplestreamsImage.INCUS : SimplestreamsImage.LXD;
                return new Listing(sorted(client.products(daemon).stream().map(ImageChoice::of).toList()),
                        ImageOrigin.simplestreams(client.address(), client.certificatePem()));
            }

            @Override
            public ServerCertificate probe(RemoteConfig imageServer) {
                return ServerCertificateProbe.probe(RemoteAddress.parse(imageServer.address()));
            }
        };
    }

    private static List<ImageChoice> imagesOf(RemoteModel remote) {
        Collection<Image> images = remote.images().isLoaded() ? remote.images().snapshot().values()
                : clientOf(remote).images().list();
        return sorted(images.stream().map(ImageChoice::of).toList());
    }

    private static LxdClient clientOf(RemoteModel remote) {
        LxdClient client = remote.client();
        if (client == null) {
            throw new UnreachableException(remote.name(), null);
        }
        return client;
    }

    static List<ImageChoice> sorted(List<ImageChoice> choices) {
        List<ImageChoice> list = new ArrayList<>(choices);
        list.sort(Comparator.comparing(ImageChoice::os, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(ImageChoice::release).thenComparing(ImageChoice::name));
        return list;
    }
}
