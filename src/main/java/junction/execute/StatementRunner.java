package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import javax.sql.DataSource;
import junction.db.SqlErrors;
import junction.sql.Rendered;

/**
 * Runs compiled statements on a source's pool and returns the first column of the single row as
 * Postgres' own bytes (the response JSON, not parsed here).
 */
final class StatementRunner {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** Hasura's message when a changed row fails its insert or update permission's check. */
    static final String CHECK_FAILED = "check constraint of an insert/update permission has failed";

    private StatementRunner() {
    }

    static byte[] query(DataSource pool, Rendered statement, Bindings variables) {
        try (Connection connection = pool.getConnection()) {
            return run(connection, statement, variables);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, statement.numbered(), ParamBinder.describe(statement.params(), variables));
        }
    }

    /** Runs several statements in one transaction; a failure rolls back all of them. */
    static List<byte[]> transaction(DataSource pool, List<Rendered> statements, Bindings variables) {
        return transaction(pool, statements, java.util.Collections.nCopies(statements.size(), Optional.empty()), variables);
    }

    /**
     * Runs several statements in one transaction; a failure rolls back all of them. A statement with a
     * check path answers a second column, whether every row it changed satisfied its permission check:
     * when not, the transaction is rolled back and the answer is Hasura's {@code permission-error} there.
     */
    static List<byte[]> transaction(DataSource pool, List<Rendered> statements, List<Optional<String>> checks,
                                    Bindings variables) {
        Rendered current = null;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<byte[]> out = new ArrayList<>();
                for (int i = 0; i < statements.size(); i++) {
                    current = statements.get(i);
                    out.add(run(connection, current, variables, checks.get(i)));
                }
                connection.commit();
                connection.setAutoCommit(true);
                return out;
            } catch (SQLException | RuntimeException e) {
                SqlErrors.rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            String text = current == null ? "" : current.numbered();
            return throwTranslated(e, text, current == null ? null : ParamBinder.describe(current.params(), variables));
        }
    }

    /** EXPLAIN of a statement: the plan's lines. */
    static List<String> explain(DataSource pool, Rendered statement, Bindings variables) {
        try (Connection connection = pool.getConnection();
             PreparedStatement ps = connection.prepareStatement("EXPLAIN " + statement.text())) {
            ParamBinder.bind(ps, statement.params(), variables);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, statement.numbered(), ParamBinder.describe(statement.params(), variables));
        }
    }

    /** Runs one statement on a connection the caller holds (a transaction of the admin APIs). */
    static byte[] run(Connection connection, Rendered statement, Bindings variables) throws SQLException {
        return run(connection, statement, variables, Optional.empty());
    }

    private static byte[] run(Connection connection, Rendered statement, Bindings variables, Optional<String> checkPath)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(statement.text())) {
            ParamBinder.bind(ps, statement.params(), variables);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] value = rs.getBytes(1);
                if (checkPath.isPresent() && !rs.getBoolean(2)) {
                    throw ApiException.of(Code.PERMISSION_ERROR, CHECK_FAILED).at(checkPath.get());
                }
                return value == null ? NULL : value;
            }
        }
    }

    private static <T> T throwTranslated(SQLException e, String statement, JsonNode arguments) {
        throw SqlErrors.translate(e, statement, arguments);
    }
}
