package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.CertificateFingerprint;
import dev.hako.lxd.LxdClient;
import dev.hako.lxd.NotFoundException;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Import from a real {@code lxc} configuration: the CLI itself adds the test-bed LXD
 * as a remote (config.yml, servercerts/, client.crt/key), and the imported remote
 * connects with the CLI's certificate, pinned to the certificate the CLI saved.
 */
class CliImportIT {

    private static String lxc(Path conf, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("lxc"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LXD_CONF", conf.toString());
        builder.environment().put("NO_PROXY", "127.0.0.0/8,localhost");
        builder.environment().put("no_proxy", "127.0.0.0/8,localhost");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void importsWhatTheLxcCliAdded() throws Exception {
        Path home = Files.createTempDirectory("hako-home");
        Path conf = Files.createDirectories(home.resolve("lxc-conf"));
        Path ours = Files.createTempDirectory("hako-config");
        lxc(conf, "remote", "add", "tb", "https://" + TestBed.httpsAddress(Daemon.LXD), "--password",
                TestBed.lxdTrustPassword(), "--accept-certificate");
        String cliFingerprint = CertificateFingerprint.sha256(ServerCertificate.fromPem(
                Files.readString(conf.resolve("client.crt"))).certificate());
        try {
            lxc(conf, "remote", "switch", "tb");
            assertThat(conf.resolve("servercerts/tb.crt")).exists();

            List<CliRemotes.CliConfig> found = CliRemotes.discover(Map.of("LXD_CONF", conf.toString()), home);
            assertThat(found).hasSize(1);
            CliRemotes.CliConfig config = found.get(0);
            assertThat(config.cli()).isEqualTo("lxc");
            assertThat(config.defaultRemote()).isEqualTo("tb");
            assertThat(config.hasClientCertificate()).isTrue();
            CliRemotes.CliRemote tb = config.remotes().stream().filter(r -> r.name().equals("tb")).findFirst()
                    .orElseThrow();
            assertThat(tb.importable()).as(String.valueOf(tb.problem())).isTrue();
            assertThat(tb.isDefault()).isTrue();

            RemotesFile file = RemotesFile.load(ours);
            RemoteConfig imported = tb.toRemoteConfig("tb", Map.of());
            file.add(imported);
            file.setDefault("tb");
            assertThat(imported.fingerprint()).isEqualTo(ServerCertificateProbe.probe(
                    RemoteAddress.parse(TestBed.httpsAddress(Daemon.LXD))).fingerprint());
            assertThat(imported.clientCertificate()).isEqualTo(conf.toString());

            RemoteConfig reloaded = RemotesFile.load(ours).find("tb").orElseThrow();
            try (LxdClient client = LxdClient.connect(RemoteEndpoints.of(reloaded, new ClientIdentities(ours)))) {
                assertThat(client.serverInfo().trusted()).isTrue();
                assertThat(client.instances().list()).isNotNull();
            }
            // The CLI's key was read in place: nothing secret was copied into Hako's directory.
            try (var files = Files.walk(ours)) {
                assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList())
                        .containsExactlyInAnyOrder(RemotesFile.FILE_NAME, RemotesFile.LOCK_FILE_NAME);
            }
        } finally {
            try (LxdClient local = TestBed.connect(Daemon.LXD)) {
                local.certificates().delete(cliFingerprint);
            } catch (NotFoundException gone) {
                // never trusted
            }
        }
    }
}
