package junction.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.catalog.Column;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.metadata.resolve.ResolvedRelationship;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Join;
import junction.schema.RoleSchema;
import junction.schema.TableInfo;

/** Reads a {@code T_bool_exp} argument into a {@link BoolExp}. */
final class WhereReader {
    private final RoleSchema schema;
    private final Args args;

    WhereReader(RoleSchema schema, Args args) {
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
            return comparisons(column.get(), in, path);
        }
        ResolvedRelationship rel = table.relationship(name).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                "field '" + name + "' not found in type: '" + table.typeName() + "_bool_exp'").at(path));
        TableInfo target = schema.table(table.source(), rel.target());
        return new BoolExp.Related(new Join(rel.target(), rel.mapping()), read(target, in, path));
    }

    private BoolExp comparisons(Column column, In in, String path) {
        List<BoolExp> items = new ArrayList<>();
        for (Map.Entry<String, In> e : args.object(in, path).fields().entrySet()) {
            String op = e.getKey();
            String at = JsonPath.key(path, op);
            In value = e.getValue();
            if (op.equals("_is_null")) {
                items.add(new BoolExp.IsNull(column.name(), args.bool(value, at)));
                continue;
            }
            if (value.isNull()) {
                throw ApiException.of(Code.VALIDATION_FAILED, "unexpected null value for type \""
                        + junction.schema.ScalarTypes.graphqlName(column) + "\"").at(at);
            }
            items.add(new BoolExp.Compare(column.name(), column.type(), BoolExp.Op.of(op), args.value(value)));
        }
        return items.size() == 1 ? items.getFirst() : new BoolExp.And(items);
    }
}
