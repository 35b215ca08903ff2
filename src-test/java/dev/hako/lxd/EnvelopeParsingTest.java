package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class EnvelopeParsingTest {

    private static Response response(int code, String body, String... headers) {
        Response.Builder builder = new Response.Builder()
                .request(new Request.Builder().url("http://localhost/1.0/x").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("m")
                .body(ResponseBody.create(body, MediaType.get("application/json")));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    @Test
    void syncResponseCarriesMetadataAndEtag() {
        ApiResponse r = ResponseParser.parse(response(200,
                "{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"metadata\":{\"a\":1}}",
                "ETag", "\"abc\""), "GET", "/1.0/x");
        assertThat(r.isAsync()).isFalse();
        assertThat(r.metadata().path("a").asInt()).isEqualTo(1);
        assertThat(r.etag()).isEqualTo("\"abc\"");
    }

    @Test
    void createdResponseCarriesLocation() {
        ApiResponse r = ResponseParser.parse(response(201, "{\"type\":\"sync\",\"metadata\":{}}",
                "Location", "/1.0/profiles/p1"), "POST", "/1.0/profiles");
        assertThat(r.location()).isEqualTo("/1.0/profiles/p1");
    }

    @Test
    void asyncResponseCarriesOperation() {
        ApiResponse r = ResponseParser.parse(response(202, "{\"type\":\"async\",\"status_code\":100,"
                + "\"operation\":\"/1.0/operations/42\",\"metadata\":{\"id\":\"42\",\"status_code\":103,"
                + "\"class\":\"task\",\"may_cancel\":true}}"), "POST", "/1.0/instances");
        assertThat(r.isAsync()).isTrue();
        assertThat(r.operation()).isEqualTo("/1.0/operations/42");
        var op = r.metadataAs(dev.hako.lxd.api.Operation.class);
        assertThat(op.operationClass()).isEqualTo("task");
        assertThat(op.mayCancel()).isTrue();
        assertThat(op.isFinal()).isFalse();
    }

    @Test
    void errorsMapToTheirExceptionWithTheServerMessage() {
        assertThatThrownBy(() -> ResponseParser.parse(response(404,
                "{\"type\":\"error\",\"error\":\"Instance not found\",\"error_code\":404}"), "GET", "/1.0/i"))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((LxdException) e).serverMessage()).isEqualTo("Instance not found"));
        assertThatThrownBy(() -> ResponseParser.parse(response(409,
                "{\"type\":\"error\",\"error\":\"Name exists\",\"error_code\":409}"), "POST", "/1.0/i"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ResponseParser.parse(response(412,
                "{\"type\":\"error\",\"error\":\"ETag doesn't match: a vs b\",\"error_code\":412}"), "PUT", "/1.0/i"))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("ETag doesn't match");
        assertThatThrownBy(() -> ResponseParser.parse(response(403,
                "{\"type\":\"error\",\"error\":\"not authorized\",\"error_code\":403}"), "GET", "/1.0/i"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ResponseParser.parse(response(400,
                "{\"type\":\"error\",\"error\":\"Instance is running\",\"error_code\":400}"), "DELETE", "/1.0/i"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("DELETE /1.0/i");
        assertThatThrownBy(() -> ResponseParser.parse(response(500,
                "{\"type\":\"error\",\"error\":\"boom\",\"error_code\":500}"), "GET", "/1.0/i"))
                .isExactlyInstanceOf(LxdException.class);
    }

    @Test
    void emptyBodyIsMalformed() {
        assertThatThrownBy(() -> ResponseParser.parse(response(200, ""), "GET", "/1.0"))
                .isInstanceOf(MalformedResponseException.class);
    }
}
