package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.resolve.ResolvedRelationship;
import junction.plan.ir.Connection;
import junction.plan.ir.OrderItem;
import junction.plan.ir.Select;
import junction.plan.ir.Typename;
import junction.plan.ir.Value;
import junction.schema.RelayTypes;
import junction.schema.RoleSchema;
import junction.schema.TableInfo;

/**
 * Plans Relay connections as Hasura reads their arguments: {@code where}, {@code order_by} with the
 * primary key columns it lacks appended (the primary key alone when it is absent), {@code distinct_on},
 * {@code after}/{@code before} (not both) and {@code first}/{@code last} (not both).
 */
final class ConnectionPlanner {
    private static final String INVALID_CURSOR = CursorCheck.INVALID_CURSOR;

    private final RoleSchema schema;
    private final Args args;
    private final FieldCollector collector;
    private final TablePlanner tables;

    ConnectionPlanner(RoleSchema schema, Args args, FieldCollector collector, TablePlanner tables) {
        this.schema = schema;
        this.args = args;
        this.collector = collector;
        this.tables = tables;
    }

    Connection plan(TableInfo table, List<Field> fields, String path) {
        Field field = fields.getFirst();
        Select listed = tables.rows(table, field, path, false);
        List<OrderItem> order = new ArrayList<>(listed.orderBy());
        for (Column column : RelayTypes.nodeKey(table)) {
            boolean ordered = order.stream().anyMatch(i -> i.key() instanceof OrderItem.ColumnKey c && c.column().equals(column.name()));
            if (!ordered) {
                order.add(new OrderItem(new OrderItem.ColumnKey(column.name()), false, false));
            }
        }
        Select rows = new Select(listed.table(), listed.where(), order, listed.distinctOn(), Optional.empty(),
                Optional.empty(), List.of(), false, listed.permit());
        List<Connection.CursorKey> keys = order.stream().map(i -> cursorKey(table, i.key())).toList();
        String argsPath = path + ".args";
        Optional<In> after = cursor(field, "after", keys, argsPath);
        Optional<In> before = cursor(field, "before", keys, argsPath);
        if (given(after) && given(before)) {
            throw ApiException.of(Code.VALIDATION_FAILED, "\"after\" and \"before\" are not allowed at once").at(argsPath);
        }
        Optional<In> first = count(field, "first", argsPath);
        Optional<In> last = count(field, "last", argsPath);
        if (given(first) && given(last)) {
            throw ApiException.of(Code.VALIDATION_FAILED, "\"first\" and \"last\" are not allowed at once").at(argsPath);
        }
        return new Connection(rows, keys, after.map(args::value), before.map(args::value), first.map(args::value),
                last.map(args::value), selections(table, fields, path));
    }

    private List<Connection.Selection> selections(TableInfo table, List<Field> fields, String path) {
        String typeName = RelayTypes.connectionName(table);
        List<Connection.Selection> out = new ArrayList<>();
        collector.collect(FieldCollector.subSelections(fields), typeName).forEach((key, sub) -> {
            String at = path + ".selectionSet." + key;
            out.add(switch (sub.getFirst().getName()) {
                case "__typename" -> new Typename(key, typeName);
                case "edges" -> new Connection.Edges(key, edges(table, sub, at));
                case "pageInfo" -> new Connection.PageInfo(key, pageInfo(sub));
                default -> throw TablePlanner.unknown(sub.getFirst().getName(), typeName, at);
            });
        });
        return out;
    }

    private List<Connection.EdgeSelection> edges(TableInfo table, List<Field> fields, String path) {
        String typeName = table.typeName() + "Edge";
        List<Connection.EdgeSelection> out = new ArrayList<>();
        collector.collect(FieldCollector.subSelections(fields), typeName).forEach((key, sub) -> {
            String at = path + ".selectionSet." + key;
            out.add(switch (sub.getFirst().getName()) {
                case "__typename" -> new Typename(key, typeName);
                case "cursor" -> new Connection.Cursor(key);
                case "node" -> new Connection.Node(key, tables.rowFields(table, sub, at));
                default -> throw TablePlanner.unknown(sub.getFirst().getName(), typeName, at);
            });
        });
        return out;
    }

    private List<Connection.PageInfoField> pageInfo(List<Field> fields) {
        List<Connection.PageInfoField> out = new ArrayList<>();
        collector.collect(FieldCollector.subSelections(fields), RelayTypes.PAGE_INFO).forEach((key, sub) ->
                out.add(new Connection.PageInfoField(key, switch (sub.getFirst().getName()) {
                    case "hasNextPage" -> Connection.PageInfoField.Kind.HAS_NEXT_PAGE;
                    case "hasPreviousPage" -> Connection.PageInfoField.Kind.HAS_PREVIOUS_PAGE;
                    case "startCursor" -> Connection.PageInfoField.Kind.START_CURSOR;
                    case "endCursor" -> Connection.PageInfoField.Kind.END_CURSOR;
                    default -> Connection.PageInfoField.Kind.TYPENAME;
                })));
        return out;
    }

    /** {@code after} or {@code before}: the cursor goes to the SQL as it is; a malformed one is refused here. */
    private Optional<In> cursor(Field field, String name, List<Connection.CursorKey> keys, String path) {
        Optional<In> cursor = argument(field, name);
        JsonNode text = cursor.map(this::current).orElse(null);
        if (text != null && !text.isNull() && (!text.isTextual() || !Cursors.readable(text.textValue(), keys))) {
            throw ApiException.of(Code.VALIDATION_FAILED, INVALID_CURSOR).at(path);
        }
        return cursor;
    }

    private Optional<In> count(Field field, String name, String path) {
        Optional<In> count = argument(field, name);
        JsonNode value = count.map(this::current).orElse(null);
        if (value != null && value.isNumber() && value.asLong() < 0) {
            throw ApiException.of(Code.VALIDATION_FAILED, "expecting a non-negative integer").at(path);
        }
        return count;
    }

    /** An argument, unless it is the literal null (a variable stays: its value is read at execution). */
    private static Optional<In> argument(Field field, String name) {
        return TablePlanner.argument(field, name).filter(v -> v instanceof In.Var || !v.isNull());
    }

    /** Whether this request gives the argument a value. */
    private boolean given(Optional<In> in) {
        return in.isPresent() && !current(in.get()).isNull();
    }

    /** The argument's value in this request (a variable's is only looked at: the plan does not depend on it). */
    private JsonNode current(In in) {
        return switch (in) {
            case In.Var v -> args.peek(v.name());
            case In.Scalar s -> s.value();
            default -> junction.json.Json.NODES.nullNode();
        };
    }

    /** Where an order key's value sits in a cursor, and its type: Hasura's cursor object layout. */
    private Connection.CursorKey cursorKey(TableInfo table, OrderItem.Key key) {
        return switch (key) {
            case OrderItem.ColumnKey c -> new Connection.CursorKey(List.of(c.column()),
                    table.tracked().table().column(c.column()).map(Column::type).orElse("text"));
            case OrderItem.ComputedKey k -> throw ApiException.of(Code.NOT_SUPPORTED,
                    "a connection cannot be ordered by a computed field (its cursor could not hold the value)");
            case OrderItem.ObjectKey o -> {
                ResolvedRelationship rel = relationship(table, o.join().target(), o.join().columns());
                TableInfo target = schema.table(table.source(), rel.target());
                Connection.CursorKey inner = cursorKey(target, o.inner());
                List<String> path = new ArrayList<>();
                path.add(rel.name());
                path.addAll(inner.path());
                yield new Connection.CursorKey(path, inner.type());
            }
            case OrderItem.AggregateKey a -> {
                ResolvedRelationship rel = relationship(table, a.join().target(), a.join().columns());
                String name = rel.name() + "_aggregate";
                if (a.operation().equals("count")) {
                    yield new Connection.CursorKey(List.of(name, "count"), "int8");
                }
                String type = a.operation().equals("max") || a.operation().equals("min")
                        ? schema.table(table.source(), rel.target()).tracked().table().column(a.column()).map(Column::type).orElse("text")
                        : "numeric";
                yield new Connection.CursorKey(List.of(name, a.operation(), a.column()), type);
            }
        };
    }

    private static ResolvedRelationship relationship(TableInfo table, junction.catalog.TableName target, Map<String, String> mapping) {
        return table.relationships().values().stream()
                .filter(r -> r.target().equals(target) && r.mapping().equals(mapping)).findFirst()
                .orElseThrow(() -> ApiException.of(Code.UNEXPECTED, "no relationship of " + table.name() + " to " + target));
    }
}
