package junction.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where database errors become API errors, by SQLSTATE class: 22 → data-exception,
 * 23 → constraint-violation (with Hasura's prefixes), anything else → postgres-error. The statement,
 * arguments and Postgres' own detail go to {@code internal} (shown to admins only).
 */
final class SqlErrors {
    private SqlErrors() {
    }

    static ApiException translate(SQLException e, String statement, com.fasterxml.jackson.databind.JsonNode arguments) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
        ApiException error;
        if (state.startsWith("23")) {
            error = ApiException.of(Code.CONSTRAINT_VIOLATION, constraintPrefix(state) + message);
        } else if (state.startsWith("22")) {
            error = ApiException.of(Code.DATA_EXCEPTION, message);
        } else if (state.startsWith("08") || state.isEmpty()) {
            error = ApiException.of(Code.POSTGRES_ERROR, "connection error: " + message);
        } else {
            error = ApiException.of(Code.POSTGRES_ERROR, "database query error");
        }
        return error.withInternal(internal(state, message, server, statement, arguments)).causedBy(e);
    }

    private static String constraintPrefix(String state) {
        return switch (state) {
            case "23505" -> "Uniqueness violation. ";
            case "23503" -> "Foreign key violation. ";
            case "23502" -> "Not-NULL violation. ";
            case "23514" -> "Check constraint violation. ";
            case "23P01" -> "Exclusion violation. ";
            default -> "Integrity constraint violation. ";
        };
    }

    private static ObjectNode internal(String state, String message, ServerErrorMessage server, String statement,
                                       com.fasterxml.jackson.databind.JsonNode arguments) {
        ObjectNode internal = Json.object();
        internal.put("statement", statement);
        internal.put("prepared", true);
        internal.set("arguments", arguments);
        ObjectNode error = internal.putObject("error");
        error.put("exec_status", "FatalError");
        error.put("hint", server == null ? null : server.getHint());
        error.put("message", message);
        error.put("status_code", state);
        error.put("description", server == null ? null : server.getDetail());
        return internal;
    }
}
