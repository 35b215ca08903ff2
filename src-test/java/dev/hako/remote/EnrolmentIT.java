package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.ForbiddenException;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.UntrustedCertificateException;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Trust enrolment against the real test-bed daemons over loopback HTTPS. */
class EnrolmentIT {

    /** Trust entries this test added, removed afterwards from the shared daemons. */
    private final List<Object[]> added = new ArrayList<>();

    @AfterEach
    void removeTrustEntries() {
        for (Object[] entry : added) {
            try (LxdClient local = TestBed.connect((Daemon) entry[0])) {
                local.certificates().delete((String) entry[1]);
            } catch (NotFoundException notTrusted) {
                // the test's enrolment never went through
            }
        }
    }

    private ClientIdentity newIdentity(Daemon daemon, String what) {
        ClientIdentity identity = ClientCertificates.generate("hako-it-" + what + "@" + daemon);
        added.add(new Object[] {daemon, CertificateFingerprint.sha256(identity.certificate())});
        return identity;
    }

    private static RemoteAddress address(Daemon daemon) {
        return RemoteAddress.parse(TestBed.httpsAddress(daemon));
    }

    private static String serverFingerprint(Daemon daemon) throws Exception {
        return ServerCertificate.fromPem(Files.readString(Path.of(TestBed.env("HAKO_TB_" + daemon.name()
                + "_SERVER_CERT")))).fingerprint();
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void theProbeShowsTheServersOwnCertificate(Daemon daemon) throws Exception {
        ServerCertificate probed = ServerCertificateProbe.probe(address(daemon));
        assertThat(probed.fingerprint()).isEqualTo(serverFingerprint(daemon)).matches("[0-9a-f]{64}");
        assertThat(probed.subject()).contains("CN=");
        assertThat(probed.notAfter()).isAfter(probed.notBefore());
        assertThat(probed.validAt(java.time.Instant.now())).isTrue();
    }

    @Test
    void enrolsWithTheTrustPasswordOnLxd() {
        ClientIdentity identity = newIdentity(Daemon.LXD, "pw");
        ServerCertificate certificate = ServerCertificateProbe.probe(address(Daemon.LXD));
        Enrolment.Result result = Enrolment.enrol(address(Daemon.LXD), certificate, identity,
                new Enrolment.Password(TestBed.lxdTrustPassword()));
        assertThat(result.kind()).isEqualTo(ServerKind.LXD);
        assertThat(result.alreadyTrusted()).isFalse();
        try (LxdClient client = LxdClient.connect(Enrolment.endpoint(address(Daemon.LXD), certificate, identity))) {
            assertThat(client.serverInfo().trusted()).isTrue();
            assertThat(client.instances().list()).isNotNull();
        }
        // A second run finds it trusted and sends nothing.
        assertThat(Enrolment.enrol(address(Daemon.LXD), certificate, identity,
                new Enrolment.Password("not-used")).alreadyTrusted()).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedByTheServer() {
        ClientIdentity identity = newIdentity(Daemon.LXD, "badpw");
        ServerCertificate certificate = ServerCertificateProbe.probe(address(Daemon.LXD));
        assertThatThrownBy(() -> Enrolment.enrol(address(Daemon.LXD), certificate, identity,
                new Enrolment.Password("wrong-" + TestBed.lxdTrustPassword())))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void incusHasNoTrustPassword() {
        ClientIdentity identity = newIdentity(Daemon.INCUS, "pw");
        ServerCertificate certificate = ServerCertificateProbe.probe(address(Daemon.INCUS));
        assertThatThrownBy(() -> Enrolment.enrol(address(Daemon.INCUS), certificate, identity,
                new Enrolment.Password("anything")))
                .isInstanceOfSatisfying(EnrolmentException.class, e ->
                        assertThat(e.reason()).isEqualTo(EnrolmentException.Reason.PASSWORD_NOT_SUPPORTED));
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void enrolsWithATokenIssuedOnTheServer(Daemon daemon) {
        ClientIdentity identity = newIdentity(daemon, "token");
        String clientName = TestBed.uniqueName("hako-token");
        try (LxdClient admin = TestBed.connect(daemon)) {
            RemoteAccess access = new RemoteAccess(admin);
            RemoteAccess.IssuedToken issued = access.issueToken(clientName);
            try {
                assertThat(issued.token().fingerprint()).isEqualTo(ServerCertificateProbe.probe(address(daemon))
                        .fingerprint());
                assertThat(issued.token().addresses()).contains(TestBed.httpsAddress(daemon));
                assertThat(access.pendingTokens()).extracting(RemoteAccess.PendingToken::operationId)
                        .contains(issued.operationId());

                // What a user pastes: the encoded string only.
                TrustToken pasted = TrustToken.decode(issued.token().encoded());
                ServerCertificate certificate = ServerCertificateProbe.probe(address(daemon));
                Enrolment.Result result = Enrolment.enrol(address(daemon), certificate, identity,
                        new Enrolment.Token(pasted));
                assertThat(result.kind()).isEqualTo(daemon == Daemon.LXD ? ServerKind.LXD : ServerKind.INCUS);
                assertThat(access.trustedCertificates()).extracting(c -> c.fingerprint())
                        .contains(result.clientFingerprint());
                assertThat(access.pendingTokens()).extracting(RemoteAccess.PendingToken::operationId)
                        .doesNotContain(issued.operationId());
            } finally {
                if (access.pendingTokens().stream().anyMatch(p -> p.operationId().equals(issued.operationId()))) {
                    access.revokeToken(issued.operationId());
                }
            }
        }
    }

    @Test
    void aTokenForAnotherServerIsNeverSent() {
        ClientIdentity identity = newIdentity(Daemon.INCUS, "othertoken");
        try (LxdClient admin = TestBed.connect(Daemon.LXD)) {
            RemoteAccess access = new RemoteAccess(admin);
            RemoteAccess.IssuedToken issued = access.issueToken(TestBed.uniqueName("hako-wrong"));
            try {
                // The LXD token presented to the Incus address (as if the address now led elsewhere).
                ServerCertificate incus = ServerCertificateProbe.probe(address(Daemon.INCUS));
                assertThatThrownBy(() -> Enrolment.enrol(address(Daemon.INCUS), incus, identity,
                        new Enrolment.Token(issued.token())))
                        .isInstanceOfSatisfying(EnrolmentException.class, e -> {
                            assertThat(e.reason()).isEqualTo(EnrolmentException.Reason.TOKEN_FOR_ANOTHER_SERVER);
                            assertThat(e.getMessage()).doesNotContain(issued.token().encoded());
                        });
                // Unused: still pending on LXD, and Incus never saw it.
                assertThat(access.pendingTokens()).extracting(RemoteAccess.PendingToken::operationId)
                        .contains(issued.operationId());
            } finally {
                access.revokeToken(issued.operationId());
            }
            assertThat(access.pendingTokens()).extracting(RemoteAccess.PendingToken::operationId)
                    .doesNotContain(issued.operationId());
        }
    }

    @Test
    void aSwappedCertificateIsRefusedBeforeThePasswordIsSent() throws Exception {
        ClientIdentity identity = newIdentity(Daemon.LXD, "swap");
        ServerCertificate lxd = ServerCertificateProbe.probe(address(Daemon.LXD));
        String incusFingerprint = serverFingerprint(Daemon.INCUS);
        // The user reviewed LXD's certificate, but the address now answers with Incus's.
        assertThatThrownBy(() -> Enrolment.enrol(address(Daemon.INCUS), lxd, identity,
                new Enrolment.Password(TestBed.lxdTrustPassword())))
                .isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                    assertThat(e.expectedFingerprint()).isEqualTo(lxd.fingerprint());
                    assertThat(e.presentedFingerprint()).isEqualTo(incusFingerprint);
                });

        // A saved remote pinned to LXD's certificate, pointed at the Incus address, is refused too.
        Path config = Files.createTempDirectory("hako-swap");
        RemoteConfig saved = new RemoteConfig("swapped", address(Daemon.INCUS).url(), RemoteConfig.Protocol.LXD, null,
                lxd.pem(), lxd.fingerprint(), null);
        assertThatThrownBy(() -> LxdClient.connect(RemoteEndpoints.of(saved, new ClientIdentities(config))))
                .isInstanceOf(UntrustedCertificateException.class);
    }
}
