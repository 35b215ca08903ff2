package dev.hako.lxd;

import static dev.hako.ui.common.FailureTextTest.assertJapanese;
import static dev.hako.ui.common.FailureTextTest.assertServerWords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.StorageVolumesPost;
import dev.hako.remote.ClientCertificates;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the user reads of real refusals and failures of both daemons: the server's words
 * verbatim and nothing else when it gave some, else a Japanese sentence that names no
 * request and holds no English of ours.
 */
class FailureTextIT {

    /** The refusal as the client threw it: of the expected class and status, with the server's words. */
    private static LxdException refusal(Class<? extends LxdException> type, int status, Runnable call) {
        Throwable failure = catchThrowable(call::run);
        assertThat(failure).isInstanceOf(type);
        LxdException refused = (LxdException) failure;
        assertThat(refused.status()).isEqualTo(status);
        // The log text names the request; the server's words never do.
        assertThat(refused.getMessage()).containsPattern("(GET|POST|PUT|PATCH|DELETE) /1\\.0");
        assertServerWords(refused, refused.serverMessage());
        return refused;
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void refusalsAreTheServersWordsVerbatim(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            // Not on the server's own config: Incus forgets core.https_address on such a refusal.
            assertThat(refusal(BadRequestException.class, 400, () -> client.profiles().create(new ProfilesPost(
                    TestBed.uniqueName("bad"), "", Map.of("no.such.key", "1"), Map.of()))).serverMessage())
                    .contains("no.such.key");
            assertThat(refusal(NotFoundException.class, 404, () -> client.instances().get("no-such-instance"))
                    .serverMessage()).contains("not found");

            String volume = TestBed.uniqueName("taken");
            client.storage().createVolume("default", StorageVolumesPost.custom(volume, "filesystem", Map.of()));
            try {
                refusal(ConflictException.class, 409, () -> client.storage().createVolume("default",
                        StorageVolumesPost.custom(volume, "filesystem", Map.of())));
            } finally {
                client.storage().deleteVolume("default", "custom", volume);
            }

            String profile = TestBed.uniqueName("stale");
            client.profiles().create(new ProfilesPost(profile, "", Map.of(), Map.of()));
            try {
                String etag = client.profiles().get(profile).etag();
                client.profiles().update(profile, new ProfilePut(Map.of(), "first", Map.of()), etag);
                refusal(PreconditionFailedException.class, 412, () -> client.profiles().update(profile,
                        new ProfilePut(Map.of(), "second", Map.of()), etag));
                // Both daemons answer a duplicate profile with 500.
                refusal(LxdException.class, 500, () -> client.profiles().create(
                        new ProfilesPost(profile, "", Map.of(), Map.of())));
            } finally {
                client.profiles().delete(profile);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void anUntrustedClientAndAStrangeCertificate(Daemon daemon) {
        String pin;
        try (LxdClient local = TestBed.connect(daemon)) {
            pin = local.serverInfo().environment().certificateFingerprint();
        }
        ClientIdentity stranger = ClientCertificates.generate("hako-test@stranger");
        try (LxdClient remote = LxdClient.connect(new Endpoint.Https(TestBed.host(daemon), TestBed.port(daemon),
                stranger, pin))) {
            refusal(ForbiddenException.class, 403, () -> remote.instances().list());
        }

        String otherPin = "ab".repeat(32);
        Throwable mismatch = catchThrowable(() -> LxdClient.connect(new Endpoint.Https(TestBed.host(daemon),
                TestBed.port(daemon), stranger, otherPin)));
        assertThat(mismatch).isInstanceOf(UntrustedCertificateException.class);
        assertJapanese(mismatch);
        assertThat(((LxdException) mismatch).serverMessage()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aCancelledOperationATransferAndAMissingLocalFile(Daemon daemon, @TempDir Path dir) {
        try (LxdClient client = TestBed.connect(daemon)) {
            RunningOperation token = client.certificates().requestToken(TestBed.uniqueName("tok"));
            token.cancel();
            Throwable operation = catchThrowable(() -> token.awaitSuccess(java.time.Duration.ofSeconds(10)));
            assertThat(operation).isInstanceOfSatisfying(OperationFailedException.class,
                    e -> assertThat(e.cancelled()).isTrue());
            assertThat(assertJapanese(operation)).isEqualTo(new dev.hako.ui.common.I18n(java.util.Locale.JAPANESE)
                    .get("error.cancelled"));

            String fingerprint = client.images().alias(TestBed.imageAlias()).value().target();
            Transfer transfer = Transfer.silent();
            transfer.cancel();
            Throwable cancelled = catchThrowable(() -> ImageTransfers.of(client).export(fingerprint,
                    dir.resolve("image.tar.gz"), transfer));
            assertThat(cancelled).isInstanceOf(Transfer.CancelledException.class);
            assertJapanese(cancelled);

            Path missing = dir.resolve("missing.txt");
            Throwable local = catchThrowable(() -> client.instances().files().upload("any", "/root/x", missing,
                    InstanceFiles.FileOptions.defaults()));
            assertThat(local).isInstanceOf(LocalFileException.class);
            assertJapanese(local, missing.toString());
        }
    }
}
