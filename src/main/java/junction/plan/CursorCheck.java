package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.ir.AggregateSelection;
import junction.plan.ir.Connection;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Field;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.plan.ir.Value;

/**
 * The checks a connection's arguments get on every request, also when its plan comes from the cache
 * (variables do not shape connection plans): a cursor variable must be a cursor of the connection's
 * order, and of {@code after}/{@code before} and of {@code first}/{@code last} at most one may have a
 * value — Hasura's errors, before any SQL runs.
 */
public final class CursorCheck {
    static final String INVALID_CURSOR = "the \"after\" or \"before\" cursor is invalid";

    private CursorCheck() {
    }

    public static void check(Plan plan, JsonNode variables) {
        for (RootNode root : plan.roots()) {
            if (root instanceof RootNode.Database db) {
                query(db.query(), "$.selectionSet." + root.key(), variables);
            }
        }
    }

    private static void query(DbQuery query, String path, JsonNode variables) {
        switch (query) {
            case DbQuery.Connected c -> connection(c.connection(), path, variables);
            case DbQuery.FromFunction f -> query(f.query(), path, variables);
            case DbQuery.Rows r -> fields(r.select().fields(), path, variables);
            case DbQuery.Aggregated a -> aggregate(a.aggregate().selections(), path, variables);
            default -> { }
        }
    }

    private static void fields(List<Field> fields, String path, JsonNode variables) {
        for (Field field : fields) {
            String at = path + ".selectionSet." + field.key();
            switch (field) {
                case Field.ArrayConnection c -> connection(c.connection(), at, variables);
                case Field.ObjectRelationship r -> fields(r.select().fields(), at, variables);
                case Field.ArrayRelationship r -> fields(r.select().fields(), at, variables);
                case Field.ArrayAggregate r -> aggregate(r.aggregate().selections(), at, variables);
                default -> { }
            }
        }
    }

    private static void aggregate(List<AggregateSelection> selections, String path, JsonNode variables) {
        for (AggregateSelection selection : selections) {
            if (selection instanceof AggregateSelection.Nodes nodes) {
                fields(nodes.fields(), path + ".selectionSet." + nodes.key(), variables);
            }
        }
    }

    private static void connection(Connection connection, String path, JsonNode variables) {
        String args = path + ".args";
        JsonNode after = value(connection.after(), variables);
        JsonNode before = value(connection.before(), variables);
        if (!after.isNull() && !before.isNull()) {
            throw ApiException.of(Code.VALIDATION_FAILED, "\"after\" and \"before\" are not allowed at once").at(args);
        }
        if (!value(connection.first(), variables).isNull() && !value(connection.last(), variables).isNull()) {
            throw ApiException.of(Code.VALIDATION_FAILED, "\"first\" and \"last\" are not allowed at once").at(args);
        }
        for (JsonNode cursor : List.of(after, before)) {
            if (!cursor.isNull() && (!cursor.isTextual() || !Cursors.readable(cursor.textValue(), connection.cursorKeys()))) {
                throw ApiException.of(Code.VALIDATION_FAILED, INVALID_CURSOR).at(args);
            }
        }
        for (Connection.Selection selection : connection.selections()) {
            if (selection instanceof Connection.Edges edges) {
                for (Connection.EdgeSelection edge : edges.fields()) {
                    if (edge instanceof Connection.Node node) {
                        fields(node.fields(), path + ".selectionSet." + edges.key() + ".selectionSet." + node.key(), variables);
                    }
                }
            }
        }
    }

    /** A literal's value, a variable's value in this request, or null. */
    private static JsonNode value(Optional<Value> value, JsonNode variables) {
        JsonNode out = switch (value.orElse(null)) {
            case Value.Literal l -> l.value();
            case Value.Variable v -> variables.get(v.name());
            case null, default -> null;
        };
        return out == null ? junction.json.Json.NODES.nullNode() : out;
    }
}
