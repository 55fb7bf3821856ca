package junction.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The only error that leaves the engine: a Hasura code, a message for the user, the JSON path of
 * the offending input, and optional internal detail shown only to admins.
 */
public final class ApiException extends RuntimeException {
    /** The one message of every unexpected failure. */
    public static final String UNEXPECTED_MESSAGE = "unexpected error";

    private final Code code;
    private final String path;
    private final JsonNode internal;
    private final int httpStatus;

    public ApiException(Code code, String message) {
        this(code, message, "$", null, code.httpStatus(), null);
    }

    private ApiException(Code code, String message, String path, JsonNode internal, int httpStatus, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.path = path;
        this.internal = internal;
        this.httpStatus = httpStatus;
    }

    public static ApiException of(Code code, String message) {
        return new ApiException(code, message);
    }

    /**
     * What a client sees of a failure the engine did not expect: Hasura's {@code unexpected} with a
     * generic message, never the exception's text. The exception's class and message are the
     * {@code internal} detail (shown to admins only, when their settings say so); the exception is
     * the cause, for the log.
     */
    public static ApiException unexpected(Throwable failure) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("exception", failure.getClass().getName());
        detail.put("message", failure.getMessage());
        return new ApiException(Code.UNEXPECTED, UNEXPECTED_MESSAGE, "$", detail, Code.UNEXPECTED.httpStatus(), failure);
    }

    /** An {@code unexpected} error whose {@code internal} says what failed (a metadata read, say), for admins. */
    public static ApiException unexpected(String what, Throwable failure) {
        ApiException e = unexpected(failure);
        ((ObjectNode) e.internal).put("while", what);
        return e;
    }

    public ApiException at(String newPath) {
        return new ApiException(code, getMessage(), newPath, internal, httpStatus, getCause());
    }

    /** Prefixes the current path with an outer one: {@code $.args} + {@code $.table} = {@code $.args.table}. */
    public ApiException under(String outerPath) {
        return at(JsonPath.join(outerPath, path));
    }

    public ApiException withInternal(JsonNode detail) {
        return new ApiException(code, getMessage(), path, detail, httpStatus, getCause());
    }

    public ApiException withStatus(int status) {
        return new ApiException(code, getMessage(), path, internal, status, getCause());
    }

    public ApiException causedBy(Throwable cause) {
        return new ApiException(code, getMessage(), path, internal, httpStatus, cause);
    }

    public Code code() {
        return code;
    }

    public String path() {
        return path;
    }

    public JsonNode internal() {
        return internal;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
