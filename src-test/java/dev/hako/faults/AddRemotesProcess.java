package dev.hako.faults;

import dev.hako.remote.ClientCertificates;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import java.nio.file.Path;

/**
 * A second Hako process for {@link FaultConcurrentRemotesTest}: loads {@code remotes.yml}
 * once, like a window opened at the same time, then adds {@code count} remotes named
 * {@code <prefix>-<n>} one by one. Arguments: config directory, prefix, count.
 */
public final class AddRemotesProcess {

    private AddRemotesProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        RemotesFile file = RemotesFile.load(config);
        addAll(file, prefix, count);
        System.out.println("added " + count);
    }

    static void addAll(RemotesFile file, String prefix, int count) throws Exception {
        ServerCertificate certificate = ServerCertificate.of(ClientCertificates.generate(prefix).certificate());
        for (int n = 1; n <= count; n++) {
            file.add(new RemoteConfig(prefix + "-" + n, "https://127.0.0.1:" + (10_000 + n), RemoteConfig.Protocol.LXD,
                    null, certificate.pem(), certificate.fingerprint(), null));
            if (n % 10 == 0) {
                file.setDefault(prefix + "-" + n);
            }
        }
    }
}
