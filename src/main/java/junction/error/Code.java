package junction.error;

/** Hasura's error code strings, each with the HTTP status the metadata API answers with. */
public enum Code {
    ACCESS_DENIED("access-denied", 400),
    ALREADY_EXISTS("already-exists", 400),
    ALREADY_TRACKED("already-tracked", 400),
    ALREADY_UNTRACKED("already-untracked", 400),
    BAD_REQUEST("bad-request", 400),
    COERCION_ERROR("coercion-error", 400),
    CONFLICT("conflict", 409),
    CONSTRAINT_ERROR("constraint-error", 400),
    CONSTRAINT_VIOLATION("constraint-violation", 400),
    CYCLIC_DEPENDENCY("cyclic-dependency", 400),
    DATA_EXCEPTION("data-exception", 400),
    DEPENDENCY_ERROR("dependency-error", 400),
    INVALID_CONFIGURATION("invalid-configuration", 400),
    INVALID_HEADERS("invalid-headers", 400),
    INVALID_JSON("invalid-json", 400),
    INVALID_JWT("invalid-jwt", 400),
    INVALID_PARAMS("invalid-params", 400),
    JWT_INVALID_CLAIMS("jwt-invalid-claims", 400),
    JWT_MISSING_ROLE_CLAIMS("jwt-missing-role-claims", 400),
    METADATA_WARNINGS("metadata-warnings", 400),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_EXISTS("not-exists", 400),
    NOT_FOUND("not-found", 404),
    NOT_SUPPORTED("not-supported", 400),
    PARSE_FAILED("parse-failed", 400),
    PERMISSION_DENIED("permission-denied", 400),
    PERMISSION_ERROR("permission-error", 400),
    POSTGRES_ERROR("postgres-error", 400),
    REMOTE_SCHEMA_ERROR("remote-schema-error", 400),
    REMOTE_SCHEMA_CONFLICTS("remote-schema-conflicts", 400),
    REQUEST_TOO_LARGE("bad-request", 413),
    UNEXPECTED("unexpected", 500),
    UNEXPECTED_PAYLOAD("unexpected-payload", 400),
    VALIDATION_FAILED("validation-failed", 400);

    private final String text;
    private final int httpStatus;

    Code(String text, int httpStatus) {
        this.text = text;
        this.httpStatus = httpStatus;
    }

    /** The code string as Hasura writes it, e.g. {@code "not-exists"}. */
    public String text() {
        return text;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
