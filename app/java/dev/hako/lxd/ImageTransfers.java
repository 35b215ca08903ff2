package dev.hako.lxd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.api.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.MultipartReader;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Moving images in and out of a server: upload from host files (unified tarball or
 * metadata + rootfs), export to host files, publish an instance or snapshot. Every
 * transfer streams in constant memory, reports bytes and can be cancelled.
 */
public final class ImageTransfers extends ResourceApi {

    static final MediaType OCTETS = MediaType.get("application/octet-stream");
    private static final Duration PROCESSING = Duration.ofMinutes(30);

    ImageTransfers(LxdClient client) {
        super(client);
    }

    public static ImageTransfers of(LxdClient client) {
        return new ImageTransfers(client);
    }

    /** What to set on an uploaded or published image. Aliases are created after the image exists. */
    public record ImageOptions(boolean isPublic, List<String> aliases, Map<String, String> properties) {
        public ImageOptions {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        public static ImageOptions defaults() {
            return new ImageOptions(false, List.of(), Map.of());
        }
    }

    /**
     * Uploads an image from host files and waits until the server has it. {@code rootfs}
     * is null for a unified tarball. Returns the new image's fingerprint.
     */
    public String importImage(Path metadataOrUnified, Path rootfs, ImageOptions options, Transfer transfer) {
        String p = transport.headerPrefix();
        RequestBody body;
        try {
            if (rootfs == null) {
                body = transfer.fileBody(metadataOrUnified, OCTETS);
            } else {
                String rootfsPart = rootfs.getFileName().toString().endsWith(".img") ? "rootfs.img" : "rootfs";
                body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                        .addFormDataPart("metadata", metadataOrUnified.getFileName().toString(),
                                transfer.fileBody(metadataOrUnified, OCTETS))
                        .addFormDataPart(rootfsPart, rootfs.getFileName().toString(),
                                transfer.fileBody(rootfs, OCTETS))
                        .build();
            }
        } catch (IOException e) {
            throw LocalFileException.reading(rootfs != null && e instanceof java.nio.file.FileSystemException f
                    && rootfs.toString().equals(f.getFile()) ? rootfs : metadataOrUnified, e);
        }
        Request.Builder request = new Request.Builder().url(url("/1.0/images")).post(body)
                .header(p + "filename", metadataOrUnified.getFileName().toString());
        if (options.isPublic()) {
            request.header(p + "public", "true");
        }
        if (!options.properties().isEmpty()) {
            request.header(p + "properties", options.properties().entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
        }
        RunningOperation op = startUpload(request.build(), transfer, "/1.0/images");
        String fingerprint = fingerprintOf(awaitOperation(op, transfer));
        for (String alias : options.aliases()) {
            client.images().createAlias(alias, fingerprint, "");
        }
        return fingerprint;
    }

    /** Publishes an instance ({@code c1}) or a snapshot ({@code c1/snap0}) as a new image. Returns its fingerprint. */
    public String publish(String instanceOrSnapshot, ImageOptions options,
                          Transfer transfer) {
        boolean snapshot = instanceOrSnapshot.contains("/");
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", snapshot ? "snapshot" : "instance");
        source.put("name", instanceOrSnapshot);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("public", options.isPublic());
        if (!options.properties().isEmpty()) {
            body.put("properties", options.properties());
        }
        body.put("aliases", options.aliases().stream().map(a -> Map.of("name", a)).toList());
        RunningOperation op = async("POST", "/1.0/images", body, null);
        transfer.attach(op);
        return fingerprintOf(awaitOperation(op, transfer));
    }

    /**
     * Exports an image to {@code target}. A unified image becomes that one file; a split
     * image writes its metadata there and its rootfs next to it with {@code .root} appended.
     * Files are written under temporary names and renamed only once the sha256 of all
     * parts matches the fingerprint; otherwise nothing is left and an exception says why.
     */
    public List<Path> export(String fingerprint, Path target, Transfer transfer) {
        String path = "/1.0/images/" + seg(fingerprint) + "/export";
        Call call = transport.newCall(new Request.Builder().url(url(path)).build());
        transfer.attach(call);
        transfer.throwIfCancelled();
        List<Path> temps = new ArrayList<>();
        List<Path> finals = new ArrayList<>();
        MessageDigest sha = sha256();
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "GET", path);
            }
            MediaType type = response.body().contentType();
            if (type != null && "multipart".equals(type.type())) {
                try (MultipartReader reader = new MultipartReader(response.body())) {
                    MultipartReader.Part next;
                    int index = 0;
                    while ((next = reader.nextPart()) != null) {
                        try (MultipartReader.Part part = next) {
                            Path dest = index == 0 ? target : target.resolveSibling(target.getFileName() + ".root");
                            Path temp = tempFor(dest);
                            temps.add(temp);
                            finals.add(dest);
                            copy(part.body().inputStream(), temp, dest, sha, transfer);
                            index++;
                        }
                    }
                }
            } else {
                Path temp = tempFor(target);
                temps.add(temp);
                finals.add(target);
                copy(response.body().byteStream(), temp, target, sha, transfer);
            }
            String sum = HexFormat.of().formatHex(sha.digest());
            if (!sum.startsWith(fingerprint.toLowerCase(java.util.Locale.ROOT))) {
                throw new ChecksumMismatchException(fingerprint, sum);
            }
            for (int i = 0; i < temps.size(); i++) {
                rename(temps.get(i), finals.get(i));
            }
            temps.clear();
            return finals;
        } catch (IOException e) {
            transfer.throwIfCancelled();
            throw UnreachableException.connectionLost("export of image " + fingerprint + " broke off: "
                    + e.getMessage(), e);
        } finally {
            for (Path temp : temps) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the temporary name says what it is.
                }
            }
        }
    }

    /**
     * Copies an image to another server through this host: exported to a temporary
     * folder (checked against the fingerprint), uploaded to {@code target}, then given
     * the source's properties and public flag and the {@code aliases} the target lacks.
     * Works between servers that cannot reach each other. Bytes count both legs.
     */
    public String copyTo(LxdClient target, String fingerprint, List<String> aliases, Transfer transfer) {
        return copyTo(target, fingerprint, aliases, false, transfer);
    }

    /**
     * Copies an image to another server, as {@link #copyTo(LxdClient, String, List, Transfer)}
     * does, or, with {@code autoUpdate}, the way {@code lxc image copy --auto-update} does:
     * the target pulls the image from this server over HTTPS (so it must reach one of this
     * server's addresses) and records this server and the image's first alias as its update
     * source, from which it then keeps it current. Only public images can be followed that
     * way: a private one needs a single-use secret, which a later refresh would not have.
     */
    public String copyTo(LxdClient target, String fingerprint, List<String> aliases, boolean autoUpdate,
                         Transfer transfer) {
        dev.hako.lxd.api.Image source = client.images().get(fingerprint).value();
        if (autoUpdate && !source.isPublic()) {
            throw new PrivateImageException();
        }
        if (autoUpdate && !exists(target, source.fingerprint())) {
            pullTo(target, source, transfer);
        } else if (!exists(target, source.fingerprint())) {
            Path dir;
            try {
                dir = Files.createTempDirectory("hako-image-copy");
            } catch (IOException e) {
                throw LocalFileException.noTemporaryFolder(e);
            }
            try {
                List<Path> files = export(source.fingerprint(), dir.resolve("image"), transfer);
                String copied = of(target).importImage(files.get(0), files.size() > 1 ? files.get(1) : null,
                        new ImageOptions(source.isPublic(), List.of(), Map.of()), transfer);
                if (!copied.equals(source.fingerprint())) {
                    throw new MalformedResponseException("the copy has fingerprint " + copied + ", not "
                            + source.fingerprint(), null);
                }
            } finally {
                deleteTree(dir);
            }
        }
        var tagged = target.images().get(source.fingerprint());
        var put = tagged.value().toPut();
        Map<String, String> properties = new LinkedHashMap<>(put.properties() == null ? Map.of() : put.properties());
        if (source.properties() != null) {
            properties.putAll(source.properties());
        }
        target.images().update(source.fingerprint(), new dev.hako.lxd.api.ImagePut(put.autoUpdate() || autoUpdate,
                properties,
                source.isPublic(), put.expiresAt(), put.profiles()), tagged.etag());
        java.util.Set<String> existing = new java.util.HashSet<>();
        target.images().aliases().forEach(a -> existing.add(a.name()));
        for (String alias : aliases) {
            if (!existing.contains(alias)) {
                target.images().createAlias(alias, source.fingerprint(), "");
            }
        }
        return source.fingerprint();
    }

    /** The target downloads the image from one of this server's addresses, following its first alias. */
    private void pullTo(LxdClient target, dev.hako.lxd.api.Image image, Transfer transfer) {
        dev.hako.lxd.api.Server server = client.refreshServer();
        List<String> addresses = server.environment() == null || server.environment().addresses() == null
                ? List.of() : server.environment().addresses();
        if (addresses.isEmpty()) {
            throw new SourceUnreachableException("the source server has no network address (core.https_address "
                    + "is not set), so the target cannot fetch the image from it");
        }
        String follow = image.aliases() == null || image.aliases().isEmpty() ? image.fingerprint()
                : image.aliases().get(0).name();
        LxdException last = null;
        for (String address : addresses) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("type", "image");
            source.put("mode", "pull");
            source.put("server", "https://" + address);
            // The target's own name for a server that speaks this API (Incus 6 refuses "lxd").
            source.put("protocol", target.kind() == ServerKind.INCUS ? "incus" : "lxd");
            source.put("certificate", server.environment().certificate());
            source.put("alias", follow);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("source", source);
            body.put("auto_update", true);
            body.put("public", image.isPublic());
            transfer.throwIfCancelled();
            try {
                RunningOperation op = of(target).async("POST", "/1.0/images", body, null);
                transfer.attach(op);
                awaitOperation(op, transfer);
                return;
            } catch (Transfer.CancelledException cancelled) {
                throw cancelled;
            } catch (LxdException failed) {
                last = failed;
            }
        }
        throw last;
    }

    private static boolean exists(LxdClient server, String fingerprint) {
        try {
            server.images().get(fingerprint);
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort for a temporary folder.
                }
            });
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** sha256 of files in order, as the server computes a split image's fingerprint. */
    public static String sha256Of(List<Path> files) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[Transfer.BUFFER];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    // ---- shared by backups ----

    /** Sends a request whose body is an upload and whose answer is an operation. */
    RunningOperation startUpload(Request request, Transfer transfer, String path) {
        client.events().awaitOpen(Duration.ofSeconds(5));
        Call call = transport.newUploadCall(request);
        transfer.attach(call);
        transfer.throwIfCancelled();
        try (Response response = call.execute()) {
            ApiResponse parsed = ResponseParser.parse(response, "POST", path);
            RunningOperation op = client.operationOf(parsed, "POST", request.url());
            transfer.attach(op);
            return op;
        } catch (IOException e) {
            transfer.throwIfCancelled();
            throw transport.mapIoFailure("POST " + path, e);
        }
    }

    static Operation awaitOperation(RunningOperation op, Transfer transfer) {
        Operation done = op.await(PROCESSING);
        if (done.isFinal() && !done.succeeded() && transfer.isCancelled()) {
            throw new Transfer.CancelledException();
        }
        return op.awaitSuccess(Duration.ofSeconds(1));
    }

    /** Streams a download to a temporary file next to {@code target}, then renames it. */
    void download(String path, Path target, Transfer transfer) {
        Call call = transport.newCall(new Request.Builder().url(url(path)).build());
        transfer.attach(call);
        transfer.throwIfCancelled();
        Path temp = tempFor(target);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "GET", path);
            }
            copy(response.body().byteStream(), temp, target, null, transfer);
            rename(temp, target);
        } catch (IOException e) {
            transfer.throwIfCancelled();
            throw UnreachableException.connectionLost("download of " + path + " broke off: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort.
            }
        }
    }

    private static String fingerprintOf(Operation op) {
        JsonNode metadata = op.metadata();
        if (metadata == null || !metadata.path("fingerprint").isTextual()) {
            throw new MalformedResponseException("image operation " + op.id() + " gave no fingerprint", null);
        }
        return metadata.get("fingerprint").asText();
    }

    private static Path tempFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    /**
     * Streams {@code in} into {@code temp}. A failure to read is the connection's (an
     * IOException); a failure to write is this computer's, told about {@code target}.
     */
    private static void copy(InputStream in, Path temp, Path target, MessageDigest sha, Transfer transfer)
            throws IOException {
        byte[] buffer = new byte[Transfer.BUFFER];
        try (in) {
            OutputStream out = openForWriting(temp, target);
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    write(out, buffer, n, target);
                    if (sha != null) {
                        sha.update(buffer, 0, n);
                    }
                    transfer.count(n);
                }
            } finally {
                close(out, target);
            }
        }
    }

    private static OutputStream openForWriting(Path temp, Path target) {
        try {
            return Files.newOutputStream(temp);
        } catch (IOException e) {
            throw LocalFileException.writing(target, e);
        }
    }

    private static void write(OutputStream out, byte[] buffer, int n, Path target) {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw LocalFileException.writing(target, e);
        }
    }

    private static void close(OutputStream out, Path target) {
        try {
            out.close();
        } catch (IOException e) {
            throw LocalFileException.writing(target, e);
        }
    }

    private static void rename(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw LocalFileException.writing(target, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Only a public image can be followed from its source: a private one needs a secret a refresh lacks. */
    public static final class PrivateImageException extends IllegalArgumentException implements Explained {
        PrivateImageException() {
            super("only public images can be kept up to date from their source");
        }

        @Override
        public String messageKey() {
            return "error.image.privateAutoUpdate";
        }

        @Override
        public List<Object> messageArguments() {
            return List.of();
        }
    }

    /** The target cannot fetch an image from the source server. */
    public static final class SourceUnreachableException extends ExplainedLxdException {
        SourceUnreachableException(String message) {
            super(message, "error.image.sourceHasNoAddress");
        }
    }

    /** The exported files do not hash to the image's fingerprint: they were removed. */
    public static final class ChecksumMismatchException extends ExplainedLxdException {
        ChecksumMismatchException(String fingerprint, String actual) {
            super("exported image does not match its fingerprint " + fingerprint + " (sha256 " + actual
                    + "); the files were removed", "error.image.checksum",
                    dev.hako.lxd.api.Image.shortFingerprint(fingerprint));
        }
    }
}
