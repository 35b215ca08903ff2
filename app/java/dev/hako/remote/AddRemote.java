package dev.hako.remote;

import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.ServerKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * "Add remote" below the screens, as {@code lxc remote add} does it: read the server's
 * certificate for review, learn what the server is over a connection pinned to the
 * accepted certificate, make it trust our client certificate with a password or a
 * token, and save the remote. When the remote cannot be saved after a new enrolment,
 * the trust just granted is taken back, so nothing half-made stays on the server.
 * Blocking calls with plain values; the screen runs them in the background.
 */
public final class AddRemote {

    /** What the address field held: a server address, and the trust token it came from when one was pasted. */
    public record Target(RemoteAddress address, TrustToken token) {
    }

    /**
     * A server remote to add. {@code clientDirectory} is a CLI's configuration directory
     * whose certificate to present, or null for Hako's own.
     */
    public record Request(String name, RemoteAddress address, ServerCertificate accepted, Path clientDirectory,
                          Enrolment.Credential credential) {
    }

    /** The saved remote and what the server said when it trusted us. */
    public record Added(RemoteConfig remote, Enrolment.Result enrolment) {
    }

    private final RemotesFile file;
    private final ClientIdentities identities;

    public AddRemote(RemotesFile file, ClientIdentities identities) {
        this.file = file;
        this.identities = identities;
    }

    public RemotesFile file() {
        return file;
    }

    public ClientIdentities identities() {
        return identities;
    }

    /**
     * Reads the address field: a trust token (as with {@code lxc remote add NAME TOKEN})
     * when it is long and has neither ':' nor '.', else an address.
     */
    public static Target target(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (looksLikeToken(text)) {
            TrustToken token = TrustToken.decode(text);
            if (token.addresses().isEmpty()) {
                throw new ExplainedArgumentException("the token names no address", "remotes.problem.tokenNoAddress");
            }
            return new Target(RemoteAddress.parse(token.addresses().get(0)), token);
        }
        return new Target(RemoteAddress.parse(text), null);
    }

    public static boolean looksLikeToken(String text) {
        return text.length() > 64 && !text.contains(":") && !text.contains(".");
    }

    /**
     * The saved form of an image server: a public simplestreams site with a certificate
     * signed by an authority, so nothing is pinned.
     */
    public static RemoteConfig imageServer(String name, String typed) {
        RemoteAddress.parse(typed);
        String url = typed.strip().replaceAll("/+$", "");
        return new RemoteConfig(name, url.toLowerCase(Locale.ROOT).startsWith("https://") ? url : "https://" + url,
                RemoteConfig.Protocol.SIMPLESTREAMS, null, null, null, null);
    }

    /** The address an image server is saved under, or what was typed while that is not an address. */
    public static String imageServerUrl(String typed) {
        try {
            return imageServer("x", typed).address();
        } catch (RuntimeException notAnAddress) {
            return typed.strip();
        }
    }

    /** The certificate the address presents now; nothing else is sent. */
    public ServerCertificate probe(RemoteAddress address) {
        return ServerCertificateProbe.probe(address);
    }

    /** LXD or Incus, asked anonymously over a connection pinned to {@code accepted}. */
    public ServerKind kind(RemoteAddress address, ServerCertificate accepted) {
        Endpoint.Https anonymous = new Endpoint.Https(address.host(), address.port(), null, accepted.fingerprint());
        try (LxdClient client = LxdClient.connect(anonymous)) {
            return client.kind();
        }
    }

    /** Saves an image server. */
    public RemoteConfig addImageServer(RemoteConfig remote) throws IOException {
        file.add(remote);
        return remote;
    }

    /**
     * Enrols and saves; a credential of {@link Enrolment.None} only checks that the server
     * already trusts the certificate. If saving fails, a trust this call granted is
     * revoked again and the save failure is thrown (a failed revocation rides along as a
     * suppressed exception).
     */
    public Added add(Request request) throws IOException {
        ClientIdentity identity = identity(request.clientDirectory());
        Enrolment.Result enrolled = Enrolment.enrol(request.address(), request.accepted(), identity,
                request.credential());
        RemoteConfig remote = new RemoteConfig(request.name(), request.address().url(), RemoteConfig.Protocol.LXD,
                null, request.accepted().pem(), request.accepted().fingerprint(),
                request.clientDirectory() == null ? null : request.clientDirectory().toString());
        try {
            file.add(remote);
        } catch (IOException | RuntimeException failure) {
            if (undoNeeded(enrolled)) {
                try {
                    untrust(request, identity, enrolled);
                } catch (RuntimeException undoFailed) {
                    failure.addSuppressed(undoFailed);
                }
            }
            throw failure;
        }
        return new Added(remote, enrolled);
    }

    /**
     * Whether a failed add takes the server's trust back: only a trust this add granted.
     * One the server had already (a CLI's certificate, an earlier add) stays, since other
     * clients or remotes may rely on it.
     */
    public static boolean undoNeeded(Enrolment.Result enrolled) {
        return enrolled != null && !enrolled.alreadyTrusted();
    }

    private ClientIdentity identity(Path clientDirectory) throws IOException {
        return clientDirectory == null ? identities.own() : identities.fromDirectory(clientDirectory);
    }

    private static void untrust(Request request, ClientIdentity identity, Enrolment.Result enrolled) {
        try (LxdClient client = LxdClient.connect(Enrolment.endpoint(request.address(), request.accepted(),
                identity))) {
            client.certificates().delete(enrolled.clientFingerprint());
        } catch (NotFoundException alreadyGone) {
            // removed meanwhile: nothing left to undo
        }
    }
}
