package dev.hako.lxd;

import dev.hako.lxd.api.InstanceWithState;
import dev.hako.lxd.api.MetricSample;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code /1.0/metrics}: the running instances' CPU, memory, disk, network and process
 * figures as OpenMetrics text (API extension {@code metrics}; LXD 5.0 and Incus 6 have it).
 * Stopped instances have no lines. Over HTTPS the server answers only a trusted client
 * (or a certificate of type "metrics"); a refusal is a {@link ForbiddenException}.
 */
public final class MetricsApi extends ResourceApi {

    MetricsApi(LxdClient client) {
        super(client);
    }

    /** Whether the server has the endpoint, judged from what {@code GET /1.0} said at connect. */
    public boolean available() {
        var known = client.serverInfo();
        return known != null && known.hasExtension("metrics");
    }

    /** The text as the server sent it (one request). */
    public String text() {
        HttpUrl url = url("/1.0/metrics");
        try (Response response = transport.execute(new Request.Builder().url(url).build())) {
            if (response.code() >= 400) {
                throw ResponseParser.errorOf(response, "GET", url.encodedPath());
            }
            return response.body().string();
        } catch (IOException e) {
            throw UnreachableException.connectionLost("GET /1.0/metrics: connection lost while reading the response", e);
        }
    }

    /** The samples of one reading (one request). */
    public List<MetricSample> samples() {
        return OpenMetricsParser.parse(text());
    }

    /**
     * The fallback for a server without {@code /1.0/metrics}: every instance of the client's
     * project with its state, in one request ({@code recursion=2}).
     */
    public List<InstanceWithState> instanceStates() {
        HttpUrl url = url("/1.0/instances", "recursion", "2");
        List<InstanceWithState> all = transport.<List<InstanceWithState>>getTyped(url,
                Json.listOf(InstanceWithState.class)).value();
        return all == null ? List.of() : all;
    }
}
