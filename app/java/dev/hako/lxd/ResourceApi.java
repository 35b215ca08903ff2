package dev.hako.lxd;

import dev.hako.lxd.api.Tagged;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.HttpUrl;

/** What every resource family shares: typed GETs with ETags, sync writes and async operations. */
abstract class ResourceApi {

    protected final LxdClient client;
    protected final Transport transport;

    ResourceApi(LxdClient client) {
        this.client = client;
        this.transport = client.transport();
    }

    /** Percent-encodes one path segment (object names may contain characters URLs reserve). */
    protected static String seg(String name) {
        if (name == null || name.isEmpty()) {
            throw new ExplainedException("a name is required", "error.name.required");
        }
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    protected HttpUrl url(String path, String... query) {
        return transport.url(path, query);
    }

    protected <T> T get(String path, Class<T> type, String... query) {
        return getTagged(path, type, query).value();
    }

    protected <T> Tagged<T> getTagged(String path, Class<T> type, String... query) {
        return transport.getTyped(url(path, query), Json.MAPPER.constructType(type));
    }

    /** {@code recursion=1} listing: whole objects in one request. */
    protected <T> List<T> list(String path, Class<T> type, String... query) {
        String[] withRecursion = new String[query.length + 2];
        withRecursion[0] = "recursion";
        withRecursion[1] = "1";
        System.arraycopy(query, 0, withRecursion, 2, query.length);
        List<T> items = transport.<List<T>>getTyped(url(path, withRecursion), Json.listOf(type)).value();
        return items == null ? List.of() : items;
    }

    /** Plain listing: the objects' names, taken from their URLs. */
    protected List<String> names(String path) {
        List<String> urls = transport.get(url(path)).metadataAs(Json.listOf(String.class));
        return urls == null ? List.of() : urls.stream().map(ResourceApi::lastSegment).toList();
    }

    static String lastSegment(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    protected ApiResponse sync(String method, String path, Object body, String etag) {
        return transport.send(method, url(path), body, etag);
    }

    protected RunningOperation async(String method, String path, Object body, String etag) {
        return client.startOperation(method, url(path), body, etag);
    }

    protected RunningOperation async(String method, HttpUrl url, Object body) {
        return client.startOperation(method, url, body, null);
    }
}
