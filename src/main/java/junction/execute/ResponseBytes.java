package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/** The response envelopes the executors write: {@code {"data": …}} around bytes, and a remote's errors. */
final class ResponseBytes {
    static final byte[] DATA_OPEN = "{\"data\":".getBytes(StandardCharsets.UTF_8);

    private ResponseBytes() {
    }

    /** {@code {"data": <data>}} without parsing {@code data}. */
    static byte[] data(byte[] data) {
        byte[] out = new byte[DATA_OPEN.length + data.length + 1];
        System.arraycopy(DATA_OPEN, 0, out, 0, DATA_OPEN.length);
        System.arraycopy(data, 0, out, DATA_OPEN.length, data.length);
        out[out.length - 1] = '}';
        return out;
    }

    /** Database JSON (or a response built from it) as a tree. */
    static JsonNode parseDatabase(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw ApiException.unexpected("reading the database's JSON", e);
        }
    }

    /**
     * A remote schema answered a root field with {@code errors}: as Hasura, the whole response is
     * {@code {"data": null, "errors": <the remote's errors as sent>}}, and no cookies are passed on.
     */
    static GraphqlResponse remoteErrors(List<JsonNode> errors) {
        ObjectNode body = Json.object();
        body.putNull("data");
        body.putArray("errors").addAll(errors);
        return GraphqlResponse.of(Json.bytes(body));
    }
}
