package junction.plan;

import graphql.language.Argument;
import graphql.language.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.resolve.ResolvedComputedField;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.ResolvedRemoteRelationship;
import junction.plan.ir.Aggregate;
import junction.plan.ir.AggregateField;
import junction.plan.ir.AggregateSelection;
import junction.plan.ir.BoolExp;
import junction.plan.ir.ComputedCall;
import junction.plan.ir.Join;
import junction.plan.ir.OperationColumn;
import junction.plan.ir.OrderItem;
import junction.plan.ir.Select;
import junction.plan.ir.Typename;
import junction.plan.ir.Value;
import junction.schema.RoleSchema;
import junction.schema.TableInfo;

/** Plans selections over tables: lists, by-pk, aggregates, and the fields of each row. */
final class TablePlanner {
    private final RoleSchema schema;
    private final Args args;
    private final FieldCollector collector;
    private final WhereReader where;
    private final OrderReader order;
    private final RemoteJoinPlanner remoteJoins;
    private final ConnectionPlanner connections;

    TablePlanner(RoleSchema schema, Args args, FieldCollector collector, RemoteJoinPlanner remoteJoins) {
        this.schema = schema;
        this.args = args;
        this.collector = collector;
        this.remoteJoins = remoteJoins;
        this.where = new WhereReader(schema::table, args);
        this.order = new OrderReader(schema::table, args);
        this.connections = new ConnectionPlanner(schema, args, collector, this);
    }

    /** {@code node(id:)} of the Relay schema. */
    junction.plan.ir.RootNode node(String key, List<Field> fields, String path) {
        return new NodePlanner(schema, args, this).plan(key, fields, path);
    }

    /** {@code T_connection} and {@code <rel>_connection} of the Relay schema. */
    ConnectionPlanner connections() {
        return connections;
    }

    /** A list with {@code where, order_by, distinct_on, limit, offset}. */
    Select select(TableInfo table, List<Field> fields, String path, boolean single) {
        return rows(table, fields.getFirst(), path, single).withFields(rowFields(table, fields, path));
    }

    /** The rows a list argument set picks, without fields yet. */
    Select rows(TableInfo table, Field field, String path, boolean single) {
        String argsPath = path + ".args";
        BoolExp filter = argument(field, "where").map(w -> where.read(table, w, argsPath + ".where")).orElse(BoolExp.TRUE);
        String orderByArg = table.field("order_by");
        String distinctArg = table.field("distinct_on");
        List<OrderItem> orderBy = argument(field, orderByArg).map(o -> order.read(table, o, argsPath + "." + orderByArg))
                .orElse(List.of());
        List<String> distinct = argument(field, distinctArg).map(d -> distinctOn(table, d, argsPath + "." + distinctArg))
                .orElse(List.of());
        checkDistinctPrefix(distinct, orderBy, argsPath);
        Optional<Value> limit = argument(field, "limit").filter(v -> !v.isNull()).map(args::value);
        Optional<Value> offset = argument(field, "offset").filter(v -> !v.isNull()).map(args::value);
        return new Select(table.name(), PermissionFilters.and(PermissionFilters.select(table), filter), orderBy, distinct,
                limit, offset, List.of(), single, PermissionFilters.permit(table));
    }

    /** {@code T_by_pk(pk columns…)}: the row whose key equals the arguments. */
    Select byPk(TableInfo table, List<Field> fields, String path) {
        Field field = fields.getFirst();
        List<BoolExp> keys = new ArrayList<>();
        for (Column column : table.primaryKey()) {
            String name = table.fieldOf(column);
            In value = argument(field, name).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                    "missing required field '" + name + "'").at(path + ".args"));
            keys.add(new BoolExp.Compare(column.name(), column.type(), BoolExp.Op.EQ, args.value(value)));
        }
        return new Select(table.name(), PermissionFilters.and(PermissionFilters.select(table), new BoolExp.And(keys)),
                List.of(), List.of(), Optional.empty(), Optional.empty(), rowFields(table, fields, path), true,
                PermissionFilters.permit(table));
    }

    Aggregate aggregate(TableInfo table, List<Field> fields, String path) {
        Select rows = rows(table, fields.getFirst(), path, false);
        List<AggregateSelection> selections = new ArrayList<>();
        String typeName = table.type("_aggregate");
        collector.collect(FieldCollector.subSelections(fields), typeName).forEach((key, sub) -> {
            String at = path + ".selectionSet." + key;
            selections.add(switch (sub.getFirst().getName()) {
                case "__typename" -> new Typename(key, typeName);
                case "nodes" -> new AggregateSelection.Nodes(key, rowFields(table, sub, at));
                case "aggregate" -> new AggregateSelection.Fields(key, aggregateFields(table, sub, at));
                default -> throw unknown(sub.getFirst().getName(), typeName, at);
            });
        });
        return new Aggregate(rows, selections);
    }

    private List<AggregateField> aggregateFields(TableInfo table, List<Field> fields, String path) {
        String typeName = table.type("_aggregate_fields");
        List<AggregateField> out = new ArrayList<>();
        collector.collect(FieldCollector.subSelections(fields), typeName).forEach((key, sub) -> {
            Field field = sub.getFirst();
            String at = path + ".selectionSet." + key;
            switch (field.getName()) {
                case "__typename" -> out.add(new Typename(key, typeName));
                case "count" -> out.add(count(table, field, at));
                default -> out.add(operation(table, field.getName(), sub, at));
            }
        });
        return out;
    }

    private AggregateField count(TableInfo table, Field field, String path) {
        List<String> columns = argument(field, "columns")
                .map(c -> distinctOn(table, c, path + ".args.columns")).orElse(List.of());
        boolean distinct = argument(field, "distinct").filter(d -> !d.isNull())
                .map(d -> args.bool(d, path + ".args.distinct")).orElse(false);
        return new AggregateField.Count(field.getResultKey(), columns, distinct);
    }

    private AggregateField operation(TableInfo table, String fieldName, List<Field> fields, String path) {
        String op = junction.metadata.resolve.Naming.snake(fieldName);
        String typeName = table.type("_" + op + "_fields");
        List<OperationColumn> columns = new ArrayList<>();
        collector.collect(FieldCollector.subSelections(fields), typeName).forEach((key, sub) -> {
            String name = sub.getFirst().getName();
            if (name.equals("__typename")) {
                columns.add(new Typename(key, typeName));
                return;
            }
            Column column = table.column(name).orElseThrow(() -> unknown(name, typeName, path + ".selectionSet." + key));
            columns.add(new OperationColumn.Of(key, column.name(), column.type()));
        });
        return new AggregateField.Operation(fields.getFirst().getResultKey(), op, columns);
    }

    /** The fields selected on rows of {@code table}. */
    List<junction.plan.ir.Field> rowFields(TableInfo table, List<Field> fields, String path) {
        List<junction.plan.ir.Field> out = new ArrayList<>();
        for (Map.Entry<String, List<Field>> e : collector.collect(FieldCollector.subSelections(fields), table.typeName()).entrySet()) {
            out.add(rowField(table, e.getKey(), e.getValue(), path + ".selectionSet." + e.getKey()));
        }
        return out;
    }

    private junction.plan.ir.Field rowField(TableInfo table, String key, List<Field> fields, String path) {
        String name = fields.getFirst().getName();
        if (name.equals("__typename")) {
            return new Typename(key, table.typeName());
        }
        if (schema.relay() && name.equals("id") && junction.schema.RelayTypes.isNode(table)) {
            return new junction.plan.ir.Field.NodeId(key, table.name(),
                    junction.schema.RelayTypes.nodeKey(table).stream().map(Column::name).toList());
        }
        Optional<Column> column = table.column(name);
        if (column.isPresent() && !(schema.relay() && name.equals("id"))) {
            return new junction.plan.ir.Field.Column(key, column.get().name(), column.get().type());
        }
        Optional<ResolvedRelationship> rel = table.relationship(name);
        if (rel.isPresent()) {
            TableInfo target = schema.table(table.source(), rel.get().target());
            Join join = new Join(rel.get().target(), rel.get().mapping());
            if (rel.get().kind() == ResolvedRelationship.Kind.OBJECT) {
                return new junction.plan.ir.Field.ObjectRelationship(key, join, new Select(target.name(),
                        PermissionFilters.select(target), List.of(), List.of(), Optional.empty(), Optional.empty(),
                        rowFields(target, fields, path), true, PermissionFilters.permit(target)));
            }
            return new junction.plan.ir.Field.ArrayRelationship(key, join, select(target, fields, path, false));
        }
        Optional<ResolvedComputedField> computed = table.computedField(name);
        if (computed.isPresent()) {
            return computedField(table, computed.get(), key, fields, path);
        }
        Optional<ResolvedRemoteRelationship> remote = schema.relay() ? Optional.empty() : table.tracked().remoteRelationship(name);
        if (remote.isPresent()) {
            junction.plan.ir.Field.RemoteJoin join = remoteJoins.plan(remote.get(), key, fields, path);
            java.util.Map<String, ComputedCall> computedKeys = new java.util.LinkedHashMap<>();
            for (String lhs : join.columns()) {
                table.tracked().computedField(lhs).filter(c -> table.tracked().table().column(lhs).isEmpty())
                        .ifPresent(c -> computedKeys.put(lhs, ComputedFieldCalls.of(table, c, java.util.Map.of())));
            }
            return new junction.plan.ir.Field.RemoteJoin(key, join.join(), computedKeys);
        }
        if (schema.relay() && name.endsWith("_connection")) {
            Optional<ResolvedRelationship> connected = table.relationship(name.substring(0, name.length() - 11));
            if (connected.isPresent() && connected.get().kind() == ResolvedRelationship.Kind.ARRAY
                    && junction.schema.RelayTypes.isNode(schema.table(table.source(), connected.get().target()))) {
                TableInfo target = schema.table(table.source(), connected.get().target());
                return new junction.plan.ir.Field.ArrayConnection(key, new Join(target.name(), connected.get().mapping()),
                        connections.plan(target, fields, path));
            }
        }
        Optional<ResolvedRelationship> arrayRel = table.aggregateRelationship(name);
        if (arrayRel.isPresent()) {
            if (schema.table(table.source(), arrayRel.get().target()).aggregatable()) {
                TableInfo target = schema.table(table.source(), arrayRel.get().target());
                return new junction.plan.ir.Field.ArrayAggregate(key, new Join(target.name(), arrayRel.get().mapping()),
                        aggregate(target, fields, path));
            }
        }
        throw unknown(name, table.typeName(), path);
    }

    /** A computed field: its function's value for the row, or the rows it returns (with the list arguments). */
    private junction.plan.ir.Field computedField(TableInfo table, ResolvedComputedField field, String key,
                                                 List<Field> fields, String path) {
        java.util.Map<String, Value> given = argument(fields.getFirst(), "args")
                .map(a -> ComputedFieldCalls.given(args, a, path + ".args.args")).orElse(java.util.Map.of());
        ComputedCall call = ComputedFieldCalls.of(table, field, given);
        if (field.scalar()) {
            return new junction.plan.ir.Field.Computed(key, call, field.function().returnType());
        }
        TableInfo target = schema.table(table.source(), field.returnTable().orElseThrow());
        return new junction.plan.ir.Field.ComputedRows(key, call, select(target, fields, path, false));
    }

    private List<String> distinctOn(TableInfo table, In in, String path) {
        List<String> out = new ArrayList<>();
        List<In> items = args.list(in);
        for (int i = 0; i < items.size(); i++) {
            String name = args.name(items.get(i), path + "[" + i + "]");
            out.add(table.column(name).orElseThrow(() -> unknown(name, table.type("_select_column"), path)).name());
        }
        return out;
    }

    /** Hasura requires {@code order_by} to start with the {@code distinct_on} columns. */
    private static void checkDistinctPrefix(List<String> distinct, List<OrderItem> orderBy, String path) {
        if (distinct.isEmpty() || orderBy.isEmpty()) {
            return;
        }
        for (int i = 0; i < distinct.size(); i++) {
            boolean matches = i < orderBy.size() && orderBy.get(i).key() instanceof OrderItem.ColumnKey c
                    && distinct.contains(c.column());
            if (!matches) {
                throw ApiException.of(Code.VALIDATION_FAILED,
                        "\"distinct_on\" columns must match initial \"order_by\" columns").at(path);
            }
        }
    }

    static Optional<In> argument(Field field, String name) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals(name)) {
                return Optional.of(In.of(argument.getValue()));
            }
        }
        return Optional.empty();
    }

    static ApiException unknown(String field, String type, String path) {
        return ApiException.of(Code.VALIDATION_FAILED, "field '" + field + "' not found in type: '" + type + "'").at(path);
    }
}
