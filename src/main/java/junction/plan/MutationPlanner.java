package junction.plan;

import graphql.language.Argument;
import graphql.language.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.metadata.resolve.InsertPermission;
import junction.metadata.resolve.UpdatePermission;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Mutation;
import junction.plan.ir.Value;
import junction.schema.RoleSchema;
import junction.schema.RootField;
import junction.schema.TableInfo;

/** Plans mutation root fields: inserts (with on_conflict), updates, deletes, and what they answer. */
final class MutationPlanner {
    private final RoleSchema schema;
    private final Args args;
    private final FieldCollector collector;
    private final TablePlanner tables;
    private final WhereReader where;

    MutationPlanner(RoleSchema schema, Args args, FieldCollector collector, TablePlanner tables) {
        this.schema = schema;
        this.args = args;
        this.collector = collector;
        this.tables = tables;
        this.where = new WhereReader(schema::table, args);
    }

    Mutation plan(RootField.Table root, List<Field> fields, String path) {
        TableInfo table = root.table();
        Field field = fields.getFirst();
        String argsPath = path + ".args";
        return switch (root.kind()) {
            case INSERT -> insert(table, args.list(argument(field, "objects")), field, argsPath, response(table, fields, path));
            case INSERT_ONE -> insert(table, List.of(argument(field, "object")), field, argsPath, row(table, fields, path));
            case UPDATE -> update(table, filter(table, field, argsPath), field, argsPath, response(table, fields, path));
            case UPDATE_BY_PK -> update(table, byPk(table, args.object(argument(field, table.field("pk_columns")), argsPath).fields(),
                    argsPath + "." + table.field("pk_columns")), field, argsPath, row(table, fields, path));
            case UPDATE_MANY -> updateMany(table, field, fields, argsPath, path);
            case DELETE -> new Mutation.Delete(table.name(), deletable(table, filter(table, field, argsPath)),
                    response(table, fields, path));
            case DELETE_BY_PK -> new Mutation.Delete(table.name(), deletable(table, byPk(table, arguments(field), argsPath)),
                    row(table, fields, path));
            default -> throw new IllegalArgumentException("not a mutation: " + root.kind());
        };
    }

    private Mutation.Insert insert(TableInfo table, List<In> objects, Field field, String path, Mutation.Output output) {
        return insert(table, objects, optionalArgument(field, table.field("on_conflict")), path, output, "objects");
    }

    private Mutation.Insert insert(TableInfo table, List<In> objects, Optional<In> conflict, String path,
                                   Mutation.Output output, String objectsKey) {
        Map<String, String> types = new LinkedHashMap<>();
        table.tracked().table().columns().forEach(c -> types.put(c.name(), c.type()));
        InsertPermission permission = table.permissions().insert().orElseThrow(() -> notFound(table, path));
        List<Mutation.InsertRow> rows = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            String at = objectsKey == null ? path : JsonPath.index(path + "." + objectsKey, i);
            rows.add(row(table, args.object(objects.get(i), at).fields(), at, permission));
        }
        Optional<Mutation.OnConflict> onConflict = conflict.filter(c -> !c.isNull())
                .map(c -> onConflict(table, c, path + "." + table.field("on_conflict")));
        return new Mutation.Insert(table.name(), types, rows, onConflict, output, PermissionFilters.of(permission.check()));
    }

    /** A table the role may not insert into through a relationship: the schema does not offer it. */
    private static ApiException notFound(TableInfo table, String path) {
        return ApiException.of(Code.VALIDATION_FAILED, "no mutations exist for " + table.typeName()).at(path);
    }

    /** A row's values: what the client sends for the columns it may give, then the permission's presets. */
    private Mutation.InsertRow row(TableInfo table, Map<String, In> fields, String path, InsertPermission permission) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<Mutation.NestedInsert> parents = new ArrayList<>();
        List<Mutation.NestedInsert> children = new ArrayList<>();
        for (Map.Entry<String, In> e : fields.entrySet()) {
            String at = JsonPath.key(path, e.getKey());
            Optional<Column> column = table.anyColumn(e.getKey());
            if (column.isPresent()) {
                values.put(column.get().name(), args.value(e.getValue()));
                continue;
            }
            var rel = table.relationship(e.getKey()).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                    "field '" + e.getKey() + "' not found in type: '" + table.type("_insert_input") + "'").at(at));
            TableInfo target = schema.table(table.source(), rel.target());
            Map<String, In> nested = args.object(e.getValue(), at).fields();
            In data = nested.get("data");
            Optional<In> conflict = Optional.ofNullable(nested.get(target.field("on_conflict")));
            var join = new junction.plan.ir.Join(rel.target(), rel.mapping());
            Mutation.Output none = new Mutation.Response(List.of());
            if (rel.kind() == junction.metadata.resolve.ResolvedRelationship.Kind.OBJECT) {
                parents.add(new Mutation.NestedInsert(join, insert(target, List.of(data), conflict, at + ".data", none, null)));
            } else {
                children.add(new Mutation.NestedInsert(join, insert(target, args.list(data), conflict, at, none, "data")));
            }
        }
        permission.set().forEach((column, preset) -> values.put(column, PermissionFilters.value(preset)));
        return new Mutation.InsertRow(values, parents, children);
    }

    /**
     * {@code on_conflict}: with update columns, the rows in conflict are updated as the role's update
     * permission allows (its filter ANDed to {@code where}, its presets set, its check verified);
     * without, they are left alone.
     */
    private Mutation.OnConflict onConflict(TableInfo table, In in, String path) {
        Map<String, In> fields = args.object(in, path).fields();
        String constraint = args.name(fields.get("constraint"), path + ".constraint");
        List<String> update = new ArrayList<>();
        String updateColumns = table.field("update_columns");
        if (fields.containsKey(updateColumns)) {
            List<In> columns = args.list(fields.get(updateColumns));
            for (int i = 0; i < columns.size(); i++) {
                String name = args.name(columns.get(i), path);
                update.add(table.anyColumn(name).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                        "erroneous column name").at(path + "." + updateColumns)).name());
            }
        }
        BoolExp filter = fields.containsKey("where") && !fields.get("where").isNull()
                ? where.read(table, fields.get("where"), path + ".where") : BoolExp.TRUE;
        Optional<UpdatePermission> permission = table.permissions().update();
        if (update.isEmpty() || permission.isEmpty()) {
            return new Mutation.OnConflict(constraint, List.of(), filter);
        }
        Map<String, Value> presets = new LinkedHashMap<>();
        permission.get().set().forEach((column, preset) -> presets.put(column, PermissionFilters.value(preset)));
        return new Mutation.OnConflict(constraint, update,
                PermissionFilters.and(PermissionFilters.of(permission.get().filter()), filter), presets,
                PermissionFilters.of(permission.get().check()));
    }

    private Mutation.Update update(TableInfo table, BoolExp filter, Field field, String path, Mutation.Output output) {
        return update(table, filter, assignments(table, arguments(field), path), output);
    }

    /**
     * An update as the role's update permission allows: its filter ANDed to the request's, its presets
     * set after the client's values (the client cannot name a preset column), its check verified.
     */
    private static Mutation.Update update(TableInfo table, BoolExp filter, List<Mutation.Assignment> assignments,
                                          Mutation.Output output) {
        UpdatePermission permission = table.permissions().update().orElseThrow();
        List<Mutation.Assignment> all = new ArrayList<>(assignments);
        permission.set().forEach((column, preset) -> all.add(new Mutation.Assignment(column,
                table.tracked().table().column(column).orElseThrow().type(), "_set", PermissionFilters.value(preset))));
        return new Mutation.Update(table.name(), PermissionFilters.and(PermissionFilters.of(permission.filter()), filter),
                all, output, PermissionFilters.of(permission.check()));
    }

    /** The rows the role's delete permission lets it delete, of those the request names. */
    private static BoolExp deletable(TableInfo table, BoolExp filter) {
        return PermissionFilters.and(PermissionFilters.of(table.permissions().delete().orElseThrow().filter()), filter);
    }

    private Mutation.UpdateMany updateMany(TableInfo table, Field field, List<Field> fields, String argsPath, String path) {
        List<Mutation.Update> updates = new ArrayList<>();
        List<In> items = args.list(argument(field, "updates"));
        Mutation.Output output = response(table, fields, path);
        for (int i = 0; i < items.size(); i++) {
            String at = JsonPath.index(argsPath + ".updates", i);
            Map<String, In> item = args.object(items.get(i), at).fields();
            BoolExp filter = where.read(table, item.get("where"), at + ".where");
            updates.add(update(table, filter, assignments(table, item, at), output));
        }
        return new Mutation.UpdateMany(field.getResultKey(), updates);
    }

    private List<Mutation.Assignment> assignments(TableInfo table, Map<String, In> arguments, String path) {
        List<Mutation.Assignment> out = new ArrayList<>();
        for (String operator : List.of("_set", "_inc", "_append", "_prepend", "_delete_key", "_delete_elem", "_delete_at_path")) {
            String argument = table.field(operator);
            In value = arguments.get(argument);
            if (value == null || value.isNull()) {
                continue;
            }
            for (Map.Entry<String, In> e : args.object(value, path + "." + argument).fields().entrySet()) {
                Column column = table.anyColumn(e.getKey()).orElseThrow();
                out.add(new Mutation.Assignment(column.name(), column.type(), operator, args.value(e.getValue())));
            }
        }
        return out;
    }

    private BoolExp filter(TableInfo table, Field field, String path) {
        return where.read(table, argument(field, "where"), path + ".where");
    }

    private BoolExp byPk(TableInfo table, Map<String, In> values, String path) {
        List<BoolExp> keys = new ArrayList<>();
        for (Column column : table.primaryKey()) {
            In value = values.get(table.fieldOf(column));
            if (value == null) {
                throw ApiException.of(Code.VALIDATION_FAILED, "missing required field '" + table.fieldOf(column) + "'").at(path);
            }
            keys.add(new BoolExp.Compare(column.name(), column.type(), BoolExp.Op.EQ, args.value(value)));
        }
        return new BoolExp.And(keys);
    }

    private Mutation.Output response(TableInfo table, List<Field> fields, String path) {
        String typeName = table.type("_mutation_response");
        List<Mutation.ResponseField> out = new ArrayList<>();
        collector.collect(FieldCollector.subSelections(fields), typeName).forEach((key, sub) -> {
            String at = path + ".selectionSet." + key;
            out.add(switch (junction.metadata.resolve.Naming.snake(sub.getFirst().getName())) {
                case "affected_rows" -> new Mutation.AffectedRows(key);
                case "returning" -> new Mutation.Returning(key, tables.rowFields(table, sub, at), PermissionFilters.select(table),
                        returned(table));
                default -> new Mutation.ResponseTypename(key, typeName);
            });
        });
        return new Mutation.Response(out);
    }

    private Mutation.Output row(TableInfo table, List<Field> fields, String path) {
        return new Mutation.Row(tables.rowFields(table, fields, path), PermissionFilters.select(table), returned(table));
    }

    /** The select permission's column filters on the changed rows; its {@code limit} caps selections, not mutations. */
    private static junction.plan.ir.Permit returned(TableInfo table) {
        junction.plan.ir.Permit permit = PermissionFilters.permit(table);
        return permit.columnFilters().isEmpty() ? junction.plan.ir.Permit.NONE
                : new junction.plan.ir.Permit(java.util.Optional.empty(), permit.columnFilters());
    }

    private static Map<String, In> arguments(Field field) {
        Map<String, In> out = new LinkedHashMap<>();
        for (Argument a : field.getArguments()) {
            out.put(a.getName(), In.of(a.getValue()));
        }
        return out;
    }

    private static In argument(Field field, String name) {
        return optionalArgument(field, name).orElse(new In.Scalar(junction.json.Json.NODES.nullNode()));
    }

    private static Optional<In> optionalArgument(Field field, String name) {
        return Optional.ofNullable(arguments(field).get(name));
    }
}
