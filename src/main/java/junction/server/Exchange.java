package junction.server;

import io.helidon.http.DirectHandler;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.ErrorEnvelope;

/** Reading requests and writing responses the same way in every handler. */
final class Exchange {
    /** One header value for every answer: Helidon keeps its HTTP/1 bytes instead of encoding it each time. */
    private static final Header JSON = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");

    private Exchange() {
    }

    /** The body, refused with 413 past {@code limit} bytes. */
    static byte[] body(ServerRequest request, long limit) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.content().inputStream()) {
            if (declared >= 0) {
                // the usual case: one array of the declared size, not InputStream's 16 KB chunks
                byte[] bytes = new byte[(int) declared];
                int read = in.readNBytes(bytes, 0, bytes.length);
                return read == bytes.length ? bytes : Arrays.copyOf(bytes, read);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.of(Code.BAD_REQUEST, "could not read request body").causedBy(e);
        }
    }

    static Map<String, String> headers(ServerRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.put(h.name().toLowerCase(Locale.ROOT), h.get()));
        return headers;
    }

    static void json(ServerResponse response, int status, byte[] body) {
        response.status(Status.create(status));
        response.header(JSON);
        response.send(body);
    }

    /**
     * Helidon's own answers, for requests it refuses before routing (a body past the limit, a
     * malformed request line or header, an error of its own), in the metadata error envelope with
     * Helidon's status — JSON like every other answer, without Helidon's text.
     */
    static DirectHandler directHandler(long limit) {
        return (request, type, status, headers, message) -> {
            ApiException error = status.code() == 413 ? tooLarge(limit)
                    : status.code() >= 500 ? ApiException.of(Code.UNEXPECTED, ApiException.UNEXPECTED_MESSAGE)
                    : ApiException.of(Code.BAD_REQUEST, "bad request");
            return DirectHandler.TransportResponse.builder()
                    .status(status.code() == 413 ? Status.REQUEST_ENTITY_TOO_LARGE_413 : status)
                    .header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                    .entity(ErrorEnvelope.metadataBytes(error, false))
                    .keepAlive(false)
                    .build();
        };
    }

    private static ApiException tooLarge(long limit) {
        return ApiException.of(Code.REQUEST_TOO_LARGE, "request body is larger than the limit of " + limit + " bytes");
    }
}
