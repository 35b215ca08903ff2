package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.ExecRequest;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FilesIT {

    private static final long SIZE = 64L * 1024 * 1024;
    private static final String CHILD_HEAP = "-Xmx40m";

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void sixtyFourMegabytesRoundTripInASmallHeap(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createRunning(client, "big");
            try {
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                Process probe = new ProcessBuilder(java.toString(), CHILD_HEAP, "-cp",
                        System.getProperty("java.class.path"), FileTransferProbe.class.getName(),
                        TestBed.socket(daemon).toString(), name, "/root/big.bin", Long.toString(SIZE))
                        .redirectErrorStream(true).start();
                String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(probe.exitValue()).as(output).isZero();
                String[] sums = output.substring(output.lastIndexOf('\n') + 1).split(" ");
                assertThat(sums[1]).isEqualTo(sums[0]);

                // The server holds the same bytes.
                ExecSession.Result inside = client.instances().exec(name, ExecRequest.command(
                        List.of("/bin/busybox", "sha256sum", "/root/big.bin"))).collect(null, Instances.OP_TIMEOUT);
                assertThat(inside.stdoutText()).startsWith(sums[0]);
                assertThat(client.instances().files().stat(name, "/root/big.bin").octalMode()).isEqualTo("0600");
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void directoriesNamesModesAndDeletion(Daemon daemon) {
        try (LxdClient client = TestBed.connect(daemon)) {
            String name = Instances.createStopped(client, "files");
            InstanceFiles files = client.instances().files();
            try {
                files.createDirectory(name, "/root/データ dir", new InstanceFiles.FileOptions(0700, 1000, 1000, false));
                FileMetadata dir = files.stat(name, "/root/データ dir");
                assertThat(dir.isDirectory()).isTrue();
                assertThat(dir.octalMode()).isEqualTo("0700");
                assertThat(dir.uid()).isEqualTo(1000);

                byte[] text = "日本語 text\n".getBytes(StandardCharsets.UTF_8);
                files.upload(name, "/root/データ dir/メモ 1.txt", new ByteArrayInputStream(text), text.length,
                        InstanceFiles.FileOptions.mode(0640));
                files.upload(name, "/root/データ dir/empty", new ByteArrayInputStream(new byte[0]), 0,
                        InstanceFiles.FileOptions.defaults());
                files.upload(name, "/root/データ dir/メモ 1.txt", new ByteArrayInputStream("more\n".getBytes()), -1,
                        new InstanceFiles.FileOptions(null, null, null, true));
                files.createSymlink(name, "/root/link", "/root/データ dir/メモ 1.txt",
                        InstanceFiles.FileOptions.defaults());

                assertThat(files.list(name, "/root/データ dir")).containsExactlyInAnyOrder("メモ 1.txt", "empty");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                FileMetadata memo = files.download(name, "/root/データ dir/メモ 1.txt", out);
                assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("日本語 text\nmore\n");
                assertThat(memo.octalMode()).isEqualTo("0640");
                ByteArrayOutputStream empty = new ByteArrayOutputStream();
                files.download(name, "/root/データ dir/empty", empty);
                assertThat(empty.size()).isZero();
                assertThat(files.stat(name, "/root/link").isSymlink()).isTrue();

                assertThatThrownBy(() -> files.download(name, "/root/データ dir", new ByteArrayOutputStream()))
                        .isInstanceOf(BadRequestException.class);
                files.delete(name, "/root/データ dir/empty");
                assertThat(files.list(name, "/root/データ dir")).containsExactly("メモ 1.txt");
                assertThatThrownBy(() -> files.download(name, "/root/missing", new ByteArrayOutputStream()))
                        .isInstanceOf(NotFoundException.class);
            } finally {
                Instances.remove(client, name);
            }
        }
    }
}
