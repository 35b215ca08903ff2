package dev.hako.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * What Hako is measured against: a raw GET over the daemon's socket with a client of its
 * own (nothing of Hako's in the way), and the CLI on the same daemon.
 */
final class Baseline {

    private Baseline() {
    }

    /** Milliseconds for one GET of {@code pathAndQuery} (body read), on a fresh connection. */
    static long rawGet(Path socket, String pathAndQuery) throws Exception {
        OkHttpClient client = new OkHttpClient.Builder()
                .socketFactory(new AFUNIXSocketFactory.FactoryArg(socket.toFile())).build();
        long start = System.nanoTime();
        try (Response response = client.newCall(new Request.Builder()
                .url("http://localhost" + pathAndQuery).build()).execute()) {
            response.body().bytes();
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        return elapsed;
    }

    /** Milliseconds for {@code lxc args…} against the test bed's LXD daemon, its output discarded. */
    static long cli(Path lxdDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("lxc"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LXD_DIR", lxdDir.toString());
        String conf = System.getenv("HAKO_TB_LXD_CONF");
        if (conf != null) {
            builder.environment().put("LXD_CONF", conf);
        }
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (exit != 0) {
            throw new IllegalStateException("lxc " + String.join(" ", args) + " exited with " + exit);
        }
        return elapsed;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
