package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import junction.json.Json;

/** {@code run_sql}'s answers as Hasura writes them: CommandOk, TuplesOk with a header row, or the error. */
final class SqlResults {
    private SqlResults() {
    }

    /** Walks every result of a multi-statement string and answers with the last one, as Hasura does. */
    static JsonNode last(Statement statement, boolean isQuery) throws SQLException {
        JsonNode last = commandOk();
        boolean hasResultSet = isQuery;
        while (true) {
            if (hasResultSet) {
                try (ResultSet rs = statement.getResultSet()) {
                    last = tuples(rs);
                }
            } else if (statement.getUpdateCount() == -1) {
                return last;
            } else {
                last = commandOk();
            }
            hasResultSet = statement.getMoreResults();
        }
    }

    private static JsonNode commandOk() {
        ObjectNode node = Json.object();
        node.put("result_type", "CommandOk");
        node.putNull("result");
        return node;
    }

    /** Rows as arrays of strings (null stays null), the first row being the column names. */
    private static JsonNode tuples(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        ArrayNode rows = Json.array();
        ArrayNode header = rows.addArray();
        for (int i = 1; i <= n; i++) {
            header.add(meta.getColumnLabel(i));
        }
        while (rs.next()) {
            ArrayNode row = rows.addArray();
            for (int i = 1; i <= n; i++) {
                String value = rs.getString(i);
                if (value == null) {
                    row.addNull();
                } else {
                    row.add(value);
                }
            }
        }
        ObjectNode node = Json.object();
        node.put("result_type", "TuplesOk");
        node.set("result", rows);
        return node;
    }
}
