package junction.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The only error that leaves the engine: a Hasura code, a message for the user, the JSON path of
 * the offending input, and optional internal detail shown only to admins.
 */
public final class ApiException extends RuntimeException {
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
