package junction.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where database errors become API errors, by SQLSTATE class: 22 → data-exception,
 * 23 → constraint-violation (with Hasura's prefixes), anything else → postgres-error. The statement,
 * arguments and Postgres' own detail go to {@code internal} (shown to admins only). The error
 * reported is always the first one: a failure to roll back after it (the pool closes a connection
 * after some errors, SQLSTATE class 0A for one) is kept beside it, never reported instead.
 */
public final class SqlErrors {
    private SqlErrors() {
    }

    /**
     * Rolls back after {@code first}, and puts the connection back in auto-commit, read-write mode;
     * whatever fails doing so is added to {@code first} as suppressed.
     */
    public static void rollback(Connection connection, Exception first) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            first.addSuppressed(e);
        }
        try {
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            first.addSuppressed(e);
        }
    }

    /**
     * {@code run_sql}'s error, as Hasura writes it: {@code postgres-error} "query execution failed",
     * Postgres' message and SQLSTATE in {@code internal.error}, the SQL as {@code internal.statement}.
     */
    public static ApiException runSql(SQLException e, String sql) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
        ObjectNode internal = internal(state, message, server, sql, Json.array());
        internal.put("prepared", false);
        return ApiException.of(Code.POSTGRES_ERROR, "query execution failed").withInternal(internal).causedBy(e);
    }

    public static ApiException translate(SQLException e, String statement, com.fasterxml.jackson.databind.JsonNode arguments) {
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
