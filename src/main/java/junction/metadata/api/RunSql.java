package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import junction.catalog.Catalog;
import junction.catalog.CatalogReader;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Snapshot;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * {@code POST /v2/query}: {@code run_sql} (and a {@code bulk} of them). The SQL runs in one
 * transaction; unless read-only, the catalog is read before and after it on the same connection,
 * renames and drops are carried into metadata, and the transaction commits only if the metadata
 * that results is acceptable.
 */
public final class RunSql {
    private final MetadataService service;
    private final CatalogReader reader = new CatalogReader();

    public RunSql(MetadataService service) {
        this.service = service;
    }

    public JsonNode execute(JsonNode request) {
        return execute(request, "$");
    }

    private JsonNode execute(JsonNode request, String path) {
        Obj req = Obj.of(request, path);
        String type = req.string("type");
        switch (type) {
            case "run_sql", "pg_run_sql" -> {
                return runSql(Obj.of(req.required("args"), req.pathOf("args")));
            }
            case "bulk" -> {
                JsonNode items = req.required("args");
                ArrayNode out = Json.array();
                for (int i = 0; i < items.size(); i++) {
                    out.add(execute(items.get(i), JsonPath.index(req.pathOf("args"), i)));
                }
                return out;
            }
            default -> throw ApiException.of(Code.PARSE_FAILED, "unknown query type \"" + type + "\"; expected run_sql or bulk")
                    .at(req.pathOf("type"));
        }
    }

    private JsonNode runSql(Obj args) {
        String sql = args.string("sql");
        boolean cascade = args.bool("cascade", false);
        boolean readOnly = args.bool("read_only", false);
        boolean check = !readOnly && args.bool("check_metadata_consistency", true);
        return service.locked(() -> {
            Snapshot base = service.snapshot();
            Source source = Lookup.source(base.metadata(), args);
            try (Connection connection = service.pools().dataSource(source.name(), source.configuration()).getConnection()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(readOnly);
                try {
                    JsonNode answer = transaction(connection, base, source, sql, cascade, check);
                    return answer;
                } catch (RuntimeException | SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setReadOnly(false);
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw translate(e, sql);
            }
        });
    }

    private JsonNode transaction(Connection connection, Snapshot base, Source source, String sql, boolean cascade,
                                 boolean check) throws SQLException {
        Catalog before = check ? reader.read(connection) : null;
        JsonNode answer;
        try (Statement statement = connection.createStatement()) {
            answer = lastResult(statement, statement.execute(sql));
        }
        if (!check) {
            connection.commit();
            return answer;
        }
        Catalog after = reader.read(connection);
        CatalogChanges changes = CatalogChanges.between(before, after);
        Metadata metadata = base.metadata().updateSource(source.name(),
                s -> DdlPropagation.apply(s, changes, base.source(source.name()), cascade));
        CatalogCache beforeCatalogs = new CatalogCache(service.pools());
        beforeCatalogs.put(source, before);
        Snapshot previous = service.resolver().resolve(base.resourceVersion(), base.metadata(),
                beforeCatalogs.forMetadata(base.metadata()), base.remoteSchemas());
        CatalogCache afterCatalogs = new CatalogCache(service.pools());
        afterCatalogs.put(source, after);
        Snapshot next = service.resolver().resolve(base.resourceVersion(), metadata, afterCatalogs.forMetadata(metadata),
                base.remoteSchemas());
        if (!cascade) {
            MetadataService.refuseNewInconsistencies(previous, next);
        }
        connection.commit();
        if (!before.equals(after) || !metadata.equals(base.metadata())) {
            service.commit(base, next, new MetadataService.Step(metadata, next, answer, true));
        }
        return answer;
    }

    /** Walks every result of a multi-statement string and answers with the last one, as Hasura does. */
    private static JsonNode lastResult(Statement statement, boolean isQuery) throws SQLException {
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

    /** A database error, in Hasura's run_sql shape: "query execution failed" with the details internal. */
    static ApiException translate(SQLException e, String sql) {
        ObjectNode error = Json.object();
        error.put("exec_status", "FatalError");
        error.put("message", e.getMessage());
        error.put("status_code", e.getSQLState());
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        Optional.ofNullable(server).ifPresent(s -> {
            error.put("message", s.getMessage());
            error.put("description", s.getDetail());
            error.put("hint", s.getHint());
        });
        ObjectNode internal = Json.object();
        internal.set("arguments", Json.array());
        internal.set("error", error);
        internal.put("prepared", false);
        internal.put("statement", sql);
        return ApiException.of(Code.POSTGRES_ERROR, "query execution failed").withInternal(internal);
    }
}
