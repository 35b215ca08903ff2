package dev.hako.lxd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * Files inside an instance ({@code /1.0/instances/<n>/files}). Transfers are
 * streamed both ways in fixed-size buffers, so no file is ever held whole in memory.
 */
public final class InstanceFiles {

    private static final MediaType OCTETS = MediaType.get("application/octet-stream");
    private static final int BUFFER = 64 * 1024;

    private final Transport transport;

    InstanceFiles(LxdClient client) {
        this.transport = client.transport();
    }

    private HttpUrl url(String instance, String path) {
        return transport.url("/1.0/instances/" + ResourceApi.seg(instance) + "/files", "path", path);
    }

    /** Streams a file's content into {@code out}; returns what the server said of it. */
    public FileMetadata download(String instance, String path, OutputStream out) {
        HttpUrl url = url(instance, path);
        try (Response response = transport.execute(new Request.Builder().url(url).build())) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "GET", path);
            }
            FileMetadata metadata = metadataOf(response);
            if (metadata.isDirectory()) {
                throw new WrongFileTypeException(path, "error.file.isDirectory");
            }
            long expected = response.body().contentLength();
            long received = 0;
            try (InputStream in = response.body().byteStream()) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    received += n;
                }
            }
            // HTTP/2 streams can end early without an I/O error; a short file must never pass as whole.
            if (expected >= 0 && received != expected) {
                throw UnreachableException.connectionLost("download of " + path + " ended after " + received
                        + " of " + expected + " bytes", null);
            }
            return metadata;
        } catch (IOException e) {
            throw UnreachableException.connectionLost("download of " + path + " broke off", e);
        }
    }

    /** Lists the names in a directory. */
    public List<String> list(String instance, String directory) {
        HttpUrl url = url(instance, directory);
        try (Response response = transport.execute(new Request.Builder().url(url).build())) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "GET", directory);
            }
            if (!metadataOf(response).isDirectory()) {
                throw new WrongFileTypeException(directory, "error.file.notDirectory");
            }
            List<String> names = ResponseParser.parse(response, "GET", directory).metadataAs(Json.listOf(String.class));
            return names == null ? List.of() : names;
        }
    }

    /** Type, owner and mode of a path, without its content. */
    public FileMetadata stat(String instance, String path) {
        HttpUrl url = url(instance, path);
        try (Response response = transport.execute(new Request.Builder().url(url).head().build())) {
            if (!response.isSuccessful()) {
                // A HEAD answer has no body, so no server text: the user reads the status's sentence.
                throw ErrorMapping.fromStatus(response.code(), null, "HEAD", path);
            }
            return metadataOf(response);
        }
    }

    /**
     * Type, owner, mode, size and modification time of a path in one small request: a
     * ranged GET of the first byte, whose {@code Content-Range} tells the whole size (HEAD
     * tells no size). For a directory the size is -1; the server sends its short listing.
     */
    public FileMetadata info(String instance, String path) {
        HttpUrl url = url(instance, path);
        Request request = new Request.Builder().url(url).header("Range", "bytes=0-0").build();
        FileMetadata empty;
        try (Response response = transport.execute(request)) {
            if (response.code() != 416) {
                return infoOf(response, path);
            }
            // Nothing to range over: an empty file. The answer still carries the file's headers.
            FileMetadata base = metadataOf(response);
            empty = new FileMetadata(base.type(), base.uid(), base.gid(), base.mode(), 0, base.modified());
        }
        // The server writes a body after announcing none: that connection must not be reused.
        transport.dropIdleConnections();
        return empty;
    }

    private FileMetadata infoOf(Response response, String path) {
        if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "GET", path);
            }
            FileMetadata base = metadataOf(response);
            long size = -1;
            String range = response.header("Content-Range");
            if (range != null && range.lastIndexOf('/') >= 0) {
                String total = range.substring(range.lastIndexOf('/') + 1).trim();
                if (!total.equals("*")) {
                    size = Long.parseLong(total);
                }
            } else if (!base.isDirectory()) {
                size = response.body().contentLength();
            }
        return new FileMetadata(base.type(), base.uid(), base.gid(), base.mode(), size,
                header(response, "modified", null));
    }

    /**
     * Streams {@code content} into a file. {@code length} may be -1 when unknown.
     * Mode and owner apply only when the server creates the file.
     */
    public void upload(String instance, String path, InputStream content, long length, FileOptions options) {
        RequestBody body = new StreamingBody(content, length);
        Request.Builder request = new Request.Builder().url(url(instance, path)).post(body);
        addHeaders(request, options, "file", options.append() ? "append" : "overwrite");
        send(request.build(), path);
    }

    public void upload(String instance, String path, Path localFile, FileOptions options) {
        try (InputStream in = Files.newInputStream(localFile)) {
            upload(instance, path, in, Files.size(localFile), options);
        } catch (IOException e) {
            throw LocalFileException.reading(localFile, e);
        }
    }

    public void createDirectory(String instance, String path, FileOptions options) {
        Request.Builder request = new Request.Builder().url(url(instance, path))
                .post(RequestBody.create(new byte[0], OCTETS));
        addHeaders(request, options, "directory", null);
        send(request.build(), path);
    }

    public void createSymlink(String instance, String path, String target, FileOptions options) {
        Request.Builder request = new Request.Builder().url(url(instance, path))
                .post(RequestBody.create(target.getBytes(java.nio.charset.StandardCharsets.UTF_8), OCTETS));
        addHeaders(request, options, "symlink", null);
        send(request.build(), path);
    }

    public void delete(String instance, String path) {
        try (Response response = transport.execute(new Request.Builder().url(url(instance, path)).delete().build())) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "DELETE", path);
            }
        }
    }

    private void addHeaders(Request.Builder request, FileOptions options, String type, String write) {
        String p = transport.headerPrefix();
        request.header(p + "type", type);
        if (options.mode() != null) {
            // Parsed with base 0 on the server: the leading zero makes it octal.
            request.header(p + "mode", String.format("0%o", options.mode()));
        }
        if (options.uid() != null) {
            request.header(p + "uid", options.uid().toString());
        }
        if (options.gid() != null) {
            request.header(p + "gid", options.gid().toString());
        }
        if (write != null) {
            request.header(p + "write", write);
        }
    }

    private void send(Request request, String path) {
        try (Response response = transport.execute(request)) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, request.method(), path);
            }
        }
    }

    private FileMetadata metadataOf(Response response) {
        return new FileMetadata(
                header(response, "type", "file"),
                Integer.parseInt(header(response, "uid", "0")),
                Integer.parseInt(header(response, "gid", "0")),
                Integer.parseInt(header(response, "mode", "0"), 8),
                -1,
                header(response, "modified", null));
    }

    /** Incus answers only with X-Incus-*, LXD with X-LXD-*: accept either. */
    private static String header(Response response, String name, String fallback) {
        String value = response.header("X-Incus-" + name);
        if (value == null) {
            value = response.header("X-LXD-" + name);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Mode, owner and write mode of an upload; null fields are left to the server. */
    public record FileOptions(Integer mode, Integer uid, Integer gid, boolean append) {
        public static FileOptions defaults() {
            return new FileOptions(null, null, null, false);
        }

        public static FileOptions mode(int mode) {
            return new FileOptions(mode, null, null, false);
        }
    }

    /** A path in the instance is a directory where a file was wanted, or the other way round. */
    public static final class WrongFileTypeException extends BadRequestException implements Explained {
        private final String path;
        private final String messageKey;

        WrongFileTypeException(String path, String messageKey) {
            super(path + (messageKey.endsWith("isDirectory") ? " is a directory" : " is not a directory"), 400,
                    null);
            this.path = path;
            this.messageKey = messageKey;
        }

        @Override
        public String messageKey() {
            return messageKey;
        }

        @Override
        public List<Object> messageArguments() {
            return List.of(path);
        }
    }

    /** A request body that copies from a stream while it is written: one pass, constant memory. */
    private static final class StreamingBody extends RequestBody {
        private final InputStream content;
        private final long length;

        StreamingBody(InputStream content, long length) {
            this.content = content;
            this.length = length;
        }

        @Override
        public MediaType contentType() {
            return OCTETS;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            Source source = Okio.source(content);
            sink.writeAll(source);
        }
    }
}
