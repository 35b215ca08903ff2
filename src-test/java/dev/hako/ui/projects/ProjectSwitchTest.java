package dev.hako.ui.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.ClientCertificates;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import dev.hako.remote.ServerCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** A project switch is kept in remotes.yml: a saved remote keeps everything else, a local server is saved with it. */
class ProjectSwitchTest {

    @TempDir
    Path config;

    @Test
    void aSavedRemoteKeepsItsAddressAndPinAndTakesTheProject() throws Exception {
        RemotesFile file = RemotesFile.load(config);
        // A real pin: a certificate that does not match its fingerprint is dropped when the file is read.
        ServerCertificate pin = ServerCertificate.of(ClientCertificates.generate("lab").certificate());
        file.add(new RemoteConfig("lab", "https://10.0.0.1:8443", RemoteConfig.Protocol.LXD, null, pin.pem(),
                pin.fingerprint(), null));
        ProjectSwitch.keep(file, "lab", null, "team");
        RemoteConfig kept = RemotesFile.load(config).find("lab").orElseThrow();
        assertThat(kept.project()).isEqualTo("team");
        assertThat(kept.address()).isEqualTo("https://10.0.0.1:8443");
        assertThat(kept.serverCertificate()).isEqualTo(pin.pem());
        assertThat(kept.fingerprint()).isEqualTo(pin.fingerprint());
        ProjectSwitch.keep(file, "lab", null, null);
        assertThat(RemotesFile.load(config).find("lab").orElseThrow().project()).isNull();
    }

    @Test
    void aLocalServerFoundByItsSocketIsSavedWithTheProjectOnlyWhenItHasOne() throws Exception {
        RemotesFile file = RemotesFile.load(config);
        Endpoint socket = new Endpoint.UnixSocket(Path.of("/var/snap/lxd/common/lxd/unix.socket"));
        ProjectSwitch.keep(file, "local", socket, null);
        assertThat(RemotesFile.load(config).find("local")).isEmpty();
        ProjectSwitch.keep(file, "local", socket, "team");
        RemoteConfig saved = RemotesFile.load(config).find("local").orElseThrow();
        assertThat(saved.project()).isEqualTo("team");
        assertThat(saved.isLocal()).isTrue();
        assertThat(saved.address()).isEqualTo("unix:///var/snap/lxd/common/lxd/unix.socket");
        assertThat(Files.readString(config.resolve(RemotesFile.FILE_NAME))).contains("team");
    }

    @Test
    void theProjectSavedForALocalServerIsUsedWhenTheWindowOpens() throws Exception {
        RemotesFile file = RemotesFile.load(config);
        file.add(new RemoteConfig("local", "unix:///nowhere/unix.socket", RemoteConfig.Protocol.LXD, "team", null,
                null, null));
        RemoteModel local = new RemoteModel("local", new Endpoint.UnixSocket(Path.of("/nowhere/unix.socket")));
        RemoteModel other = new RemoteModel("other", new Endpoint.UnixSocket(Path.of("/elsewhere/unix.socket")));
        try (Workspace workspace = new Workspace(List.of(local, other))) {
            ProjectSwitch.useRemotesFile(file, workspace);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "team".equals(local.project()));
            assertThat(other.project()).isNull();
        } finally {
            ProjectSwitch.useRemotesFile(null, null);
        }
    }
}
