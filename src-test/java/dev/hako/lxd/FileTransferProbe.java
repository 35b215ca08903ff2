package dev.hako.lxd;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Uploads and downloads a generated file in a JVM with a small heap, so a client that
 * held a whole file in memory would fail here. Prints the two SHA-256 sums and the
 * peak heap used. Run by {@link FilesIT} as a child process.
 */
public final class FileTransferProbe {

    private FileTransferProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        String instance = args[1];
        String remotePath = args[2];
        long size = Long.parseLong(args[3]);
        try (LxdClient client = LxdClient.connect(new Endpoint.UnixSocket(socket))) {
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            client.instances().files().upload(instance, remotePath, new GeneratedStream(size, sent), size,
                    InstanceFiles.FileOptions.mode(0600));
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            client.instances().files().download(instance, remotePath, new DigestSink(received));
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.println(HexFormat.of().formatHex(sent.digest()) + " "
                    + HexFormat.of().formatHex(received.digest()) + " " + peak);
        }
    }

    /** Deterministic pseudo-random bytes, digested as they are read. */
    static final class GeneratedStream extends InputStream {
        private final SplittableRandom random = new SplittableRandom(42);
        private final MessageDigest digest;
        private long left;

        GeneratedStream(long size, MessageDigest digest) {
            this.left = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            digest.update(b, off, n);
            left -= n;
            return n;
        }
    }

    static final class DigestSink extends OutputStream {
        private final MessageDigest digest;

        DigestSink(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }
    }
}
