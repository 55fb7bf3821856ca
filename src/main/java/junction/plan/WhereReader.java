package junction.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.CastTargets;
import junction.catalog.Column;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.metadata.resolve.Naming;
import junction.metadata.resolve.ResolvedRelationship;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Join;
import junction.plan.ir.Value;
import junction.schema.TableInfo;

/** Reads a {@code T_bool_exp} argument into a {@link BoolExp}. */
final class WhereReader {
    private final Tables schema;
    private final Args args;

    WhereReader(Tables schema, Args args) {
        this.schema = schema;
        this.args = args;
    }

    BoolExp read(TableInfo table, In in, String path) {
        List<BoolExp> items = new ArrayList<>();
        for (Map.Entry<String, In> e : args.object(in, path).fields().entrySet()) {
            String key = e.getKey();
            String at = JsonPath.key(path, key);
            items.add(switch (key) {
                case "_and" -> new BoolExp.And(readAll(table, e.getValue(), at));
                case "_or" -> new BoolExp.Or(readAll(table, e.getValue(), at));
                case "_not" -> new BoolExp.Not(read(table, e.getValue(), at));
                default -> field(table, key, e.getValue(), at);
            });
        }
        return items.size() == 1 ? items.getFirst() : new BoolExp.And(items);
    }

    private List<BoolExp> readAll(TableInfo table, In in, String path) {
        List<BoolExp> out = new ArrayList<>();
        List<In> items = args.list(in);
        for (int i = 0; i < items.size(); i++) {
            out.add(read(table, items.get(i), JsonPath.index(path, i)));
        }
        return out;
    }

    private BoolExp field(TableInfo table, String name, In in, String path) {
        var column = table.column(name);
        if (column.isPresent()) {
            return redacted(table, column.get(), comparisons(column.get(), in, path));
        }
        var computed = table.computedField(name).filter(junction.metadata.resolve.ResolvedComputedField::plain);
        if (computed.isPresent()) {
            return new BoolExp.OnComputed(ComputedFieldCalls.of(table, computed.get(), Map.of()),
                    comparisons(computed.get().returnColumn(), in, path));
        }
        var rows = table.computedField(name).filter(c -> !c.scalar() && c.arguments().isEmpty());
        if (rows.isPresent()) {
            TableInfo target = schema.table(table.source(), rows.get().returnTable().orElseThrow());
            return new BoolExp.OnComputedRows(ComputedFieldCalls.of(rows.get()),
                    PermissionFilters.and(PermissionFilters.select(target), read(target, in, path)));
        }
        if (table.relationship(name).isEmpty()) {
            var arrayRel = table.aggregateRelationship(name);
            if (arrayRel.isPresent() && schema.table(table.source(), arrayRel.get().target()).aggregatable()) {
                return count(schema.table(table.source(), arrayRel.get().target()), arrayRel.get(), in, path);
            }
        }
        ResolvedRelationship rel = table.relationship(name).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                "field '" + name + "' not found in type: '" + table.type("_bool_exp") + "'").at(path));
        TableInfo target = schema.table(table.source(), rel.target());
        // Hasura applies the target's permission filter to the related rows a condition reaches.
        return new BoolExp.Related(new Join(rel.target(), rel.mapping()),
                PermissionFilters.and(PermissionFilters.select(target), read(target, in, path)));
    }

    private BoolExp count(TableInfo target, ResolvedRelationship rel, In in, String path) {
        List<BoolExp> items = new ArrayList<>();
        for (Map.Entry<String, In> e : args.object(in, path).fields().entrySet()) {
            String at = JsonPath.key(path, e.getKey());
            Map<String, In> count = args.object(e.getValue(), at).fields();
            List<String> columns = new ArrayList<>();
            if (count.containsKey("arguments")) {
                for (In c : args.list(count.get("arguments"))) {
                    columns.add(target.column(args.name(c, at + ".arguments")).orElseThrow().name());
                }
            }
            boolean distinct = count.containsKey("distinct") && !count.get("distinct").isNull()
                    && args.bool(count.get("distinct"), at + ".distinct");
            BoolExp filter = PermissionFilters.and(PermissionFilters.select(target),
                    count.containsKey("filter") ? read(target, count.get("filter"), at + ".filter") : BoolExp.TRUE);
            List<BoolExp.Compare> predicate = new ArrayList<>();
            for (Map.Entry<String, In> p : args.object(count.get("predicate"), at + ".predicate").fields().entrySet()) {
                String op = Naming.snake(p.getKey());
                if (op.equals("_is_null")) {
                    continue;
                }
                predicate.add(new BoolExp.Compare("count", "int8", BoolExp.Op.of(op), args.value(p.getValue())));
            }
            items.add(new BoolExp.RelatedCount(new Join(rel.target(), rel.mapping()), columns, distinct, filter, predicate));
        }
        return items.size() == 1 ? items.getFirst() : new BoolExp.And(items);
    }

    /**
     * A condition on a column an inherited role sees only on some rows: evaluated on the value the
     * role sees, {@code case when <filter> then col else null end} (Hasura's redaction), so that a
     * filter cannot find out a value the role is shown as null.
     */
    private static BoolExp redacted(TableInfo table, Column column, BoolExp condition) {
        var filter = table.permissions().select().map(p -> p.columnFilters().get(column.name()));
        if (filter.isEmpty() || filter.get() == null) {
            return condition;
        }
        return redact(PermissionFilters.of(filter.get()), condition);
    }

    private static BoolExp redact(BoolExp filter, BoolExp condition) {
        return switch (condition) {
            case BoolExp.And and -> new BoolExp.And(and.items().stream().map(i -> redact(filter, i)).toList());
            // null is null: the hidden value counts as null
            case BoolExp.IsNull n -> new BoolExp.Redacted(filter, n, java.util.Optional.of(n.isNull()));
            default -> new BoolExp.Redacted(filter, condition, java.util.Optional.empty());
        };
    }

    private BoolExp comparisons(Column column, In in, String path) {
        List<BoolExp> items = new ArrayList<>();
        for (Map.Entry<String, In> e : args.object(in, path).fields().entrySet()) {
            String op = operator(e.getKey());
            String at = JsonPath.key(path, e.getKey());
            In value = e.getValue();
            if (op.equals("_is_null")) {
                items.add(new BoolExp.IsNull(column.name(), args.bool(value, at)));
                continue;
            }
            if (value.isNull()) {
                throw ApiException.of(Code.VALIDATION_FAILED, "unexpected null value for type \""
                        + junction.schema.ScalarTypes.graphqlName(column) + "\"").at(at);
            }
            if (op.equals("_cast")) {
                items.add(cast(column, value, at));
                continue;
            }
            BoolExp.Op operator = BoolExp.Op.of(op);
            items.add(new BoolExp.Compare(column.name(), column.type(), operator,
                    operator == BoolExp.Op.ST_D_WITHIN || operator == BoolExp.Op.ST_3D_D_WITHIN
                            ? withinDistance(column, value, at) : args.value(value)));
        }
        return items.size() == 1 ? items.getFirst() : new BoolExp.And(items);
    }

    /** {@code _cast: {geography: {…}}}: the comparisons of the column cast to each type named. */
    private BoolExp cast(Column column, In in, String path) {
        Map<String, String> targets = CastTargets.of(column.type());
        List<BoolExp> items = new ArrayList<>();
        for (Map.Entry<String, In> e : args.object(in, path).fields().entrySet()) {
            String type = targets.get(e.getKey());
            if (type == null) {
                throw ApiException.of(Code.VALIDATION_FAILED, "field '" + e.getKey() + "' not found in _cast").at(path);
            }
            items.add(new BoolExp.Cast(column.name(), type,
                    comparisons(CastTargets.cast(column, type), e.getValue(), JsonPath.key(path, e.getKey()))));
        }
        return items.size() == 1 ? items.getFirst() : new BoolExp.And(items);
    }

    /**
     * {@code st_d_within_input {distance, from}} ({@code st_d_within_geography_input} adds
     * {@code use_spheroid}, true when not given, as in Hasura).
     */
    private Value withinDistance(Column column, In in, String path) {
        Map<String, In> fields = args.object(in, path).fields();
        Optional<Value> spheroid = Optional.empty();
        if (column.type().equals("geography")) {
            In given = fields.get("use_spheroid");
            spheroid = Optional.of(given == null ? new Value.Literal(junction.json.Json.NODES.booleanNode(true))
                    : args.value(given));
        }
        return BoolExp.withinDistance(args.value(fields.get("distance")), args.value(fields.get("from")), spheroid);
    }

    /**
     * A comparison operator's Hasura name from its GraphQL name ({@code _containedIn} in graphql-default
     * is {@code _contained_in}); {@code _st3dDWithin} is {@code _st_3d_d_within}, whose digit piece
     * camel case cannot tell apart.
     */
    static String operator(String graphqlName) {
        String snake = Naming.snake(graphqlName);
        return snake.startsWith("_st3d_") ? "_st_3d_" + snake.substring("_st3d_".length()) : snake;
    }
}
