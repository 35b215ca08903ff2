package dev.hako.remote.simplestreams;

import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.ImagesApi;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.RunningOperation;
import dev.hako.lxd.Subscription;
import dev.hako.lxd.api.ImageAliasesEntry;
import dev.hako.lxd.api.Operation;
import dev.hako.remote.creation.OperationProgress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies an image from an image server into a server's store, as {@code lxc image copy
 * images:alpine/3.19 local: --alias a1 --auto-update} does: the server downloads it itself
 * (its progress is a server operation, so the operations drawer shows it too). Blocking.
 */
public final class ImageCopy {

    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    private ImageCopy() {
    }

    /** The request for {@code image} of {@code server}, with {@code aliases} and auto-update as asked. */
    public static ImagesApi.Pull request(ImageServer server, SimplestreamsImage image, List<String> aliases,
                                         boolean autoUpdate) {
        SimplestreamsClient client = server.client();
        String alias = image.aliases().isEmpty() ? null : image.aliases().get(0);
        return new ImagesApi.Pull(client.address(), ImageServer.PROTOCOL, client.certificatePem(), alias,
                image.fingerprint(), image.type(), aliases, autoUpdate);
    }

    /**
     * Sends the request and waits until the server has the image; returns its fingerprint. An
     * alias the target already has is refused before anything is downloaded.
     */
    public static String run(LxdClient target, String targetName, ImagesApi.Pull request,
                             Consumer<OperationProgress> progress) {
        List<String> taken = target.images().aliases().stream().map(ImageAliasesEntry::name)
                .filter(request.aliases()::contains).toList();
        if (!taken.isEmpty()) {
            throw new ExplainedException("alias " + taken.get(0) + " exists on " + targetName,
                    "imageservers.problem.aliasTaken", taken.get(0), targetName);
        }
        RunningOperation operation = target.images().pull(request);
        Operation done;
        try (Subscription watch = operation.onUpdate(update -> OperationProgress.of(update).ifPresent(progress))) {
            done = operation.awaitSuccess(TIMEOUT);
        }
        String fingerprint = done.metadata() == null ? null : done.metadata().path("fingerprint").asText(null);
        return fingerprint == null || fingerprint.isBlank() ? request.fingerprint() : fingerprint;
    }
}
