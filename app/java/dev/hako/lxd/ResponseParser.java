package dev.hako.lxd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The one parser of the server's envelope: sync (200/201), async (202) and error. */
final class ResponseParser {

    private ResponseParser() {
    }

    static ApiResponse parse(Response response, String method, String path) {
        JsonNode root = readJson(response, method, path);
        String type = root.path("type").asText("");
        int status = response.code();
        if ("error".equals(type) || status >= 400) {
            String message = root.path("error").asText("");
            int code = root.path("error_code").asInt(status);
            throw ErrorMapping.fromStatus(code == 0 ? status : code, message, method, path);
        }
        if (!"sync".equals(type) && !"async".equals(type)) {
            throw new MalformedResponseException(method + " " + path + ": unknown response type '" + type + "'", null);
        }
        String operation = root.path("operation").asText("");
        return new ApiResponse(type, status, root.get("metadata"), operation.isEmpty() ? null : operation,
                response.header("ETag"), response.header("Location"));
    }

    /**
     * Parses a successful sync response straight from the stream into the metadata's
     * type, without an intermediate tree: large listings (1,000 instances is about
     * 1.7 MB) are read in one pass. Errors take the ordinary path.
     */
    static <T> dev.hako.lxd.api.Tagged<T> parseTyped(Response response, com.fasterxml.jackson.databind.JavaType type,
                                                     String method, String path) {
        if (response.code() >= 400) {
            parse(response, method, path);
        }
        com.fasterxml.jackson.databind.JavaType envelopeType = Json.MAPPER.getTypeFactory()
                .constructParametricType(Envelope.class, type);
        Envelope<T> envelope;
        try (java.io.InputStream in = response.body().byteStream()) {
            envelope = Json.MAPPER.readValue(in, envelopeType);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw new MalformedResponseException(method + " " + path + ": response is not JSON: "
                    + e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedResponseException(method + " " + path + ": response has an unexpected shape: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw UnreachableException.connectionLost(method + " " + path
                    + ": connection lost while reading the response", e);
        }
        if (envelope == null || !"sync".equals(envelope.type())) {
            throw new MalformedResponseException(method + " " + path + ": expected a sync response, got "
                    + (envelope == null ? "nothing" : "'" + envelope.type() + "'"), null);
        }
        return new dev.hako.lxd.api.Tagged<>(envelope.metadata(), response.header("ETag"));
    }

    /** The envelope with typed metadata; fields the parser does not need are ignored. */
    record Envelope<T>(String type, T metadata) {
    }

    /**
     * Maps an error answer of any kind (e.g. of a file download) the same way: the body's
     * error text when it is the JSON envelope, else no server text (an HTTP reason phrase
     * is no message of the server's).
     */
    static LxdException errorOf(Response response, String method, String path) {
        try {
            parse(response, method, path);
        } catch (LxdException e) {
            return e;
        }
        return ErrorMapping.fromStatus(response.code(), null, method, path);
    }

    private static JsonNode readJson(Response response, String method, String path) {
        ResponseBody body = response.body();
        try {
            String text = body.string();
            if (text.isBlank()) {
                if (response.code() >= 400) {
                    throw ErrorMapping.fromStatus(response.code(), null, method, path);
                }
                throw new MalformedResponseException(method + " " + path + ": empty response body", null);
            }
            JsonNode root = Json.MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw new MalformedResponseException(method + " " + path + ": response is not a JSON object", null);
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (response.code() >= 400) {
                throw ErrorMapping.fromStatus(response.code(), null, method, path);
            }
            throw new MalformedResponseException(method + " " + path + ": response is not JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw UnreachableException.connectionLost(method + " " + path
                    + ": connection lost while reading the response", e);
        }
    }
}
