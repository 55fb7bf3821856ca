package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.List;
import junction.json.Obj;
import junction.metadata.resolve.Snapshot;

/**
 * The JSON DML queries of {@code /v1/query} ({@code select}, {@code insert}, {@code update},
 * {@code delete}, {@code count}), as admin: planned and compiled where GraphQL queries are
 * ({@code plan}, {@code sql}) and run on the request's {@link Transaction}, so that a {@code bulk}
 * mixing them with {@code run_sql} and metadata commands is all or nothing.
 */
@FunctionalInterface
public interface DmlQueries {
    List<String> TYPES = List.of("insert", "select", "update", "delete", "count");

    /**
     * Answers {@code type} with {@code args} over the tables of {@code snapshot}, on {@code connection}
     * (inside the request's transaction); fails only with {@code ApiException}s.
     */
    JsonNode run(String type, Obj args, Snapshot snapshot, Connection connection);
}
