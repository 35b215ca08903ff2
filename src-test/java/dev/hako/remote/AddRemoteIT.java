package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Certificate;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Add remote" as one job against the real test-bed LXD: the server's kind over the
 * pinned connection, enrolment and saving, and the trust taken back when the remote
 * cannot be saved, but only a trust this add granted.
 */
class AddRemoteIT {

    private Path config;
    private RemotesFile file;
    private ClientIdentities identities;
    private AddRemote addRemote;
    private RemoteAddress address;
    private ServerCertificate certificate;

    @BeforeEach
    void setUp() throws Exception {
        config = Files.createTempDirectory("hako-add-it");
        file = RemotesFile.load(config);
        identities = new ClientIdentities(config);
        addRemote = new AddRemote(file, identities);
        address = RemoteAddress.parse(TestBed.httpsAddress(Daemon.LXD));
        certificate = addRemote.probe(address);
    }

    @AfterEach
    void untrust() throws Exception {
        try (LxdClient local = TestBed.connect(Daemon.LXD)) {
            local.certificates().delete(ownFingerprint());
        } catch (NotFoundException notTrusted) {
            // this test's enrolment was taken back, or never happened
        }
    }

    private String ownFingerprint() throws Exception {
        return CertificateFingerprint.sha256(identities.own().certificate());
    }

    private boolean trusted() throws Exception {
        try (LxdClient local = TestBed.connect(Daemon.LXD)) {
            String mine = ownFingerprint();
            return local.certificates().list().stream().map(Certificate::fingerprint).anyMatch(mine::equals);
        }
    }

    private AddRemote.Request request(String name, Enrolment.Credential credential) {
        return new AddRemote.Request(name, address, certificate, null, credential);
    }

    @Test
    void enrolsSavesAndLearnsTheKindOverThePinnedConnection() throws Exception {
        assertThat(addRemote.kind(address, certificate)).isEqualTo(ServerKind.LXD);
        AddRemote.Added added = addRemote.add(request("lab", new Enrolment.Password(TestBed.lxdTrustPassword())));
        assertThat(added.enrolment().alreadyTrusted()).isFalse();
        assertThat(trusted()).isTrue();
        RemoteConfig saved = RemotesFile.load(config).find("lab").orElseThrow();
        assertThat(saved).isEqualTo(added.remote());
        assertThat(saved.fingerprint()).isEqualTo(certificate.fingerprint());
        assertThat(saved.address()).isEqualTo(address.url());
    }

    @Test
    void aRemoteThatCannotBeSavedTakesTheNewTrustBack() throws Exception {
        file.add(new RemoteConfig("lab", "https://elsewhere:8443", RemoteConfig.Protocol.LXD, null, null, "ab", null));
        assertThatThrownBy(() -> addRemote.add(request("lab", new Enrolment.Password(TestBed.lxdTrustPassword()))))
                .isInstanceOfSatisfying(ExplainedArgumentException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("remotes.add.nameTaken"));
        assertThat(trusted()).as("the trust this add granted is revoked").isFalse();
        assertThat(RemotesFile.load(config).find("lab").orElseThrow().address()).isEqualTo("https://elsewhere:8443");
    }

    @Test
    void aTrustTheServerHadAlreadyStays() throws Exception {
        addRemote.add(request("first", new Enrolment.Password(TestBed.lxdTrustPassword())));
        AddRemote.Added again = addRemote.add(request("second", new Enrolment.None()));
        assertThat(again.enrolment().alreadyTrusted()).isTrue();
        assertThatThrownBy(() -> addRemote.add(request("first", new Enrolment.None())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(trusted()).as("other remotes rely on it").isTrue();
    }

    @Test
    void withoutACredentialAnUntrustedCertificateIsRefused() throws Exception {
        assertThatThrownBy(() -> addRemote.add(request("lab", new Enrolment.None())))
                .isInstanceOfSatisfying(EnrolmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnrolmentException.Reason.NOT_TRUSTED));
        assertThat(RemotesFile.load(config).remotes()).isEmpty();
        assertThat(trusted()).isFalse();
    }
}
