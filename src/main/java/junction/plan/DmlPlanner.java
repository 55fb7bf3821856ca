package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.SourceSnapshot;
import junction.metadata.resolve.TrackedTable;
import junction.plan.ir.Aggregate;
import junction.plan.ir.AggregateField;
import junction.plan.ir.AggregateSelection;
import junction.plan.ir.BoolExp;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Field;
import junction.plan.ir.Join;
import junction.plan.ir.Mutation;
import junction.plan.ir.Select;
import junction.plan.ir.Value;
import junction.schema.TableInfo;

/**
 * Plans the JSON DML queries of {@code /v1/query} (Hasura's v1 shapes) into the IR the GraphQL
 * queries use, so that the same compilers turn them into SQL: {@code select} and {@code count} into
 * {@link DbQuery.Rows} and {@link DbQuery.Aggregated}, {@code insert}, {@code update} and
 * {@code delete} into {@link Mutation}s answering {@code affected_rows} and {@code returning}. Names
 * are the database's (columns, relationships), not GraphQL's; the caller is admin.
 */
public final class DmlPlanner {
    private final SourceSnapshot source;
    private final Args args = new Args(Json.object());
    private final Map<TableName, TableInfo> infos = new LinkedHashMap<>();
    private final DmlWhere dmlWhere;
    private final WhereReader where;
    private final DmlOrder order;

    private DmlPlanner(SourceSnapshot source) {
        this.source = source;
        Tables tables = (s, name) -> info(name);
        this.dmlWhere = new DmlWhere(tables);
        this.where = new WhereReader(tables, args);
        this.order = new DmlOrder(tables);
    }

    /** The plan of {@code type} ({@code select}, {@code insert}, …) with {@code args}, over {@code source}'s tables. */
    public static DbQuery plan(String type, Obj args, SourceSnapshot source) {
        DmlPlanner planner = new DmlPlanner(source);
        TableInfo table = planner.table(args);
        mutable(table, type, args);
        return switch (type) {
            case "select" -> new DbQuery.Rows(planner.select(table, args, false));
            case "count" -> planner.count(table, args);
            case "insert" -> planner.insert(table, args);
            case "update" -> planner.update(table, args);
            case "delete" -> new Mutation.Delete(table.name(), planner.where(table, args.required("where"),
                    args.pathOf("where")), planner.output(table, args));
            default -> throw new IllegalArgumentException("not a JSON DML query: " + type);
        };
    }

    /** Hasura's {@code mutableView}: a write Postgres cannot run on the relation (a view's) is {@code not-supported}. */
    private static void mutable(TableInfo table, String type, Obj args) {
        junction.catalog.Writes writes = table.tracked().table().writes();
        String refused = switch (type) {
            case "insert" -> writes.insert() ? null : "insertable";
            case "update" -> writes.update() ? null : "updatable";
            case "delete" -> writes.delete() ? null : "deletable";
            default -> null;
        };
        if (refused != null) {
            throw ApiException.of(Code.NOT_SUPPORTED, "view \"" + table.name() + "\" is not " + refused).at(args.path());
        }
    }

    private TableInfo table(Obj args) {
        JsonNode given = args.required("table");
        TableName name = given.isTextual() ? TableName.of(given.textValue())
                : new TableName(Obj.of(given, args.pathOf("table")).optString("schema").orElse("public"),
                Obj.of(given, args.pathOf("table")).string("name"));
        if (source.table(name).isEmpty()) {
            throw ApiException.of(Code.NOT_EXISTS, "table \"" + name + "\" does not exist").at(args.pathOf("table"));
        }
        return info(name);
    }

    /** A tracked table with its columns and relationships under their database names. */
    private TableInfo info(TableName name) {
        return infos.computeIfAbsent(name, n -> {
            TrackedTable tracked = source.table(n).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                    "table \"" + n + "\" does not exist"));
            Map<String, Column> columns = new LinkedHashMap<>();
            tracked.table().columns().forEach(c -> columns.put(c.name(), c));
            Map<String, ResolvedRelationship> relationships = new LinkedHashMap<>();
            tracked.relationships().forEach(r -> relationships.put(r.name(), r));
            return new TableInfo(source.name(), tracked, tracked.graphqlName(), columns, relationships,
                    tracked.permissions(junction.metadata.resolve.TablePermissions.ADMIN),
                    junction.metadata.resolve.Naming.DEFAULT);
        });
    }

    /** {@code {columns, where, order_by, limit, offset}} of a table or of an array relationship. */
    private Select select(TableInfo table, Obj query, boolean single) {
        List<Field> fields = fields(table, query.required("columns"), query.pathOf("columns"));
        BoolExp filter = query.has("where") ? where(table, query.get("where"), query.pathOf("where")) : BoolExp.TRUE;
        var orderBy = query.has("order_by") ? order.read(table, query.get("order_by"), query.pathOf("order_by")) : List.<junction.plan.ir.OrderItem>of();
        return new Select(table.name(), filter, orderBy, List.of(), count(query, "limit"), count(query, "offset"),
                fields, single);
    }

    private static Optional<Value> count(Obj query, String key) {
        JsonNode value = query.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
            throw ApiException.of(Code.PARSE_FAILED, "expected a non-negative Int, but encountered " + Obj.kind(value))
                    .at(query.pathOf(key));
        }
        return Optional.of(new Value.Literal(value));
    }

    /** {@code "*"}, column names, and {@code {"name": rel, "alias"?, "columns", …}} for relationships. */
    private List<Field> fields(TableInfo table, JsonNode columns, String path) {
        if (!columns.isArray()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Array, but encountered " + Obj.kind(columns)).at(path);
        }
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode item = columns.get(i);
            String at = JsonPath.index(path, i);
            if (item.isTextual() && item.textValue().equals("*")) {
                table.columns().values().forEach(c -> out.add(column(c, c.name(), at)));
            } else if (item.isTextual()) {
                Column c = table.column(item.textValue()).orElseThrow(() -> DmlWhere.notExists(item.textValue(), at));
                out.add(column(c, c.name(), at));
            } else {
                out.add(relationship(table, Obj.of(item, at)));
            }
        }
        return out;
    }

    private static Field column(Column column, String key, String path) {
        return new Field.Column(key(key, path), column.name(), column.type());
    }

    private Field relationship(TableInfo table, Obj item) {
        String name = item.string("name");
        ResolvedRelationship rel = table.relationship(name)
                .orElseThrow(() -> DmlWhere.notExists(name, item.pathOf("name")));
        String key = key(item.optString("alias").orElse(name), item.path());
        TableInfo target = info(rel.target());
        Join join = new Join(rel.target(), rel.mapping());
        if (rel.kind() == ResolvedRelationship.Kind.OBJECT) {
            return new Field.ObjectRelationship(key, join, select(target, item, true));
        }
        return new Field.ArrayRelationship(key, join, select(target, item, false));
    }

    /** A response key: the SQL builds JSON keys only from GraphQL names. */
    private static String key(String name, String path) {
        if (!TableInfo.isGraphqlName(name)) {
            throw ApiException.of(Code.NOT_SUPPORTED, "\"" + name + "\" cannot be selected by a JSON DML query: "
                    + "it is not a GraphQL name").at(path);
        }
        return name;
    }

    private BoolExp where(TableInfo table, JsonNode exp, String path) {
        return where.read(table, In.of(dmlWhere.rewrite(table, exp, path)), path);
    }

    private DbQuery count(TableInfo table, Obj args) {
        BoolExp filter = args.has("where") ? where(table, args.get("where"), args.pathOf("where")) : BoolExp.TRUE;
        List<String> distinct = columnNames(table, args, "distinct");
        Select rows = new Select(table.name(), filter, List.of(), List.of(), Optional.empty(), Optional.empty(), List.of(),
                false);
        AggregateField count = new AggregateField.Count("count", distinct, !distinct.isEmpty());
        return new DbQuery.Aggregated(new Aggregate(rows, List.of(new AggregateSelection.Fields("aggregate", List.of(count)))));
    }

    private List<String> columnNames(TableInfo table, Obj args, String key) {
        List<String> out = new ArrayList<>();
        for (String name : args.has(key) && !args.get(key).isNull() ? args.strings(key) : List.<String>of()) {
            out.add(table.column(name).orElseThrow(() -> DmlWhere.notExists(name, args.pathOf(key))).name());
        }
        return out;
    }

    /** {@code affected_rows}, and {@code returning} when asked. */
    private Mutation.Output output(TableInfo table, Obj args) {
        List<Mutation.ResponseField> fields = new ArrayList<>();
        fields.add(new Mutation.AffectedRows("affected_rows"));
        if (args.has("returning") && !args.get("returning").isNull()) {
            fields.add(new Mutation.Returning("returning", fields(table, args.get("returning"), args.pathOf("returning"))));
        }
        return new Mutation.Response(fields);
    }

    private Mutation insert(TableInfo table, Obj args) {
        JsonNode objects = args.required("objects");
        String path = args.pathOf("objects");
        List<JsonNode> items = new ArrayList<>();
        if (objects.isArray()) {
            objects.forEach(items::add);
        } else {
            items.add(objects);
        }
        Map<String, String> types = new LinkedHashMap<>();
        table.columns().values().forEach(c -> types.put(c.name(), c.type()));
        List<Mutation.InsertRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Obj row = Obj.of(items.get(i), objects.isArray() ? JsonPath.index(path, i) : path);
            Map<String, Value> values = new LinkedHashMap<>();
            row.node().fields().forEachRemaining(e -> {
                Column c = table.column(e.getKey()).orElseThrow(() -> DmlWhere.notExists(e.getKey(), row.pathOf(e.getKey())));
                values.put(c.name(), new Value.Literal(e.getValue()));
            });
            rows.add(new Mutation.InsertRow(values, List.of(), List.of()));
        }
        Mutation.Insert plain = new Mutation.Insert(table.name(), types, rows, Optional.empty(), output(table, args));
        Optional<Mutation.OnConflict> conflict = args.optObj("on_conflict").map(c -> onConflict(table, c, plain.columns()));
        return new Mutation.Insert(table.name(), types, rows, conflict, plain.output());
    }

    /**
     * {@code {"constraint"?, "constraint_on"?, "action": "ignore" | "update"}}: on a conflict, skip the
     * row, or update the columns the objects give.
     */
    private Mutation.OnConflict onConflict(TableInfo table, Obj conflict, List<String> columns) {
        String action = conflict.string("action");
        if (!action.equals("ignore") && !action.equals("update")) {
            throw ApiException.of(Code.PARSE_FAILED, "Expecting 'ignore' or 'update'").at(conflict.pathOf("action"));
        }
        String constraint = conflict.optString("constraint").orElse(null);
        if (constraint == null && conflict.has("constraint_on")) {
            constraint = constraintOn(table, conflict);
        }
        if (constraint == null && action.equals("update")) {
            throw ApiException.of(Code.UNEXPECTED_PAYLOAD,
                    "Expecting 'constraint' or 'constraint_on' when the 'action' is 'update'").at(conflict.path());
        }
        return new Mutation.OnConflict(constraint, action.equals("update") ? columns : List.of(), BoolExp.TRUE);
    }

    private static String constraintOn(TableInfo table, Obj conflict) {
        JsonNode on = conflict.get("constraint_on");
        List<String> columns = new ArrayList<>();
        if (on.isArray()) {
            on.forEach(c -> columns.add(c.asText()));
        } else {
            columns.add(on.asText());
        }
        var keys = new ArrayList<junction.catalog.UniqueKey>();
        table.tracked().table().primaryKey().ifPresent(keys::add);
        keys.addAll(table.tracked().table().uniqueKeys());
        return keys.stream().filter(k -> k.columns().size() == columns.size() && k.columns().containsAll(columns))
                .map(junction.catalog.UniqueKey::constraint).findFirst()
                .orElseThrow(() -> ApiException.of(Code.NOT_EXISTS, "no unique or primary key constraint on columns "
                        + columns).at(conflict.pathOf("constraint_on")));
    }

    /** {@code $set} (or {@code values}), {@code $inc}, {@code $mul}, {@code $default}. */
    private Mutation update(TableInfo table, Obj args) {
        BoolExp filter = where(table, args.required("where"), args.pathOf("where"));
        List<Mutation.Assignment> assignments = new ArrayList<>();
        assign(table, args, args.has("$set") ? "$set" : "values", "_set", assignments);
        assign(table, args, "$inc", "_inc", assignments);
        assign(table, args, "$mul", "_mul", assignments);
        for (String name : columnNames(table, args, "$default")) {
            Column c = table.column(name).orElseThrow();
            assignments.add(new Mutation.Assignment(c.name(), c.type(), "_default", new Value.Literal(Json.NODES.nullNode())));
        }
        return new Mutation.Update(table.name(), filter, assignments, output(table, args));
    }

    private static void assign(TableInfo table, Obj args, String key, String operator, List<Mutation.Assignment> out) {
        if (!args.has(key) || args.get(key).isNull()) {
            return;
        }
        Obj values = Obj.of(args.get(key), args.pathOf(key));
        values.node().fields().forEachRemaining(e -> {
            Column c = table.column(e.getKey()).orElseThrow(() -> DmlWhere.notExists(e.getKey(), values.pathOf(e.getKey())));
            out.add(new Mutation.Assignment(c.name(), c.type(), operator, new Value.Literal(e.getValue())));
        });
    }
}
