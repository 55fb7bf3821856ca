package junction.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.metadata.resolve.ResolvedRelationship;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Join;
import junction.plan.ir.OrderItem;
import junction.schema.TableInfo;

/** Reads an {@code order_by} argument ({@code [T_order_by!]}) into order items, in the order written. */
final class OrderReader {
    private final Tables schema;
    private final Args args;

    OrderReader(Tables schema, Args args) {
        this.schema = schema;
        this.args = args;
    }

    List<OrderItem> read(TableInfo table, In in, String path) {
        List<OrderItem> out = new ArrayList<>();
        List<In> items = args.list(in);
        for (int i = 0; i < items.size(); i++) {
            object(table, items.get(i), JsonPath.index(path, i), k -> k, out);
        }
        return out;
    }

    private void object(TableInfo table, In in, String path, UnaryOperator<OrderItem.Key> wrap, List<OrderItem> out) {
        for (Map.Entry<String, In> e : args.object(in, path).fields().entrySet()) {
            String name = e.getKey();
            String at = JsonPath.key(path, name);
            if (e.getValue().isNull()) {
                continue;
            }
            var column = table.column(name);
            if (column.isPresent()) {
                out.add(item(wrap.apply(new OrderItem.ColumnKey(column.get().name())), args.name(e.getValue(), at)));
                continue;
            }
            var computed = table.computedField(name).filter(junction.metadata.resolve.ResolvedComputedField::plain);
            if (computed.isPresent()) {
                out.add(item(wrap.apply(new OrderItem.ComputedKey(ComputedFieldCalls.of(table, computed.get(), Map.of()))),
                        args.name(e.getValue(), at)));
                continue;
            }
            var rel = table.relationship(name);
            if (rel.isPresent() && rel.get().kind() == ResolvedRelationship.Kind.OBJECT) {
                Join join = new Join(rel.get().target(), rel.get().mapping());
                TableInfo target = schema.table(table.source(), rel.get().target());
                BoolExp filter = PermissionFilters.select(target);
                object(target, e.getValue(), at, k -> wrap.apply(new OrderItem.ObjectKey(join, k, filter)), out);
                continue;
            }
            var arrayRel = table.aggregateRelationship(name);
            if (arrayRel.isEmpty()) {
                throw ApiException.of(Code.VALIDATION_FAILED, "field '" + name + "' not found in type: '"
                        + table.type("_order_by") + "'").at(at);
            }
            aggregate(schema.table(table.source(), arrayRel.get().target()),
                    new Join(arrayRel.get().target(), arrayRel.get().mapping()), e.getValue(), at, wrap, out);
        }
    }

    private void aggregate(TableInfo target, Join join, In in, String path, UnaryOperator<OrderItem.Key> wrap,
                           List<OrderItem> out) {
        BoolExp filter = PermissionFilters.select(target);
        for (Map.Entry<String, In> e : args.object(in, path).fields().entrySet()) {
            String op = junction.metadata.resolve.Naming.snake(e.getKey());
            String at = JsonPath.key(path, e.getKey());
            if (e.getValue().isNull()) {
                continue;
            }
            if (op.equals("count")) {
                out.add(item(wrap.apply(new OrderItem.AggregateKey(join, "count", null, filter)), args.name(e.getValue(), at)));
                continue;
            }
            for (Map.Entry<String, In> c : args.object(e.getValue(), at).fields().entrySet()) {
                String column = target.column(c.getKey()).orElseThrow().name();
                out.add(item(wrap.apply(new OrderItem.AggregateKey(join, op, column, filter)),
                        args.name(c.getValue(), JsonPath.key(at, c.getKey()))));
            }
        }
    }

    /** {@code asc} = nulls last, {@code desc} = nulls first, unless spelled out. */
    private static OrderItem item(OrderItem.Key key, String value) {
        String direction = value.toLowerCase(java.util.Locale.ROOT);
        boolean desc = direction.startsWith("desc");
        boolean nullsFirst = direction.endsWith("_nulls_first") || direction.equals("desc");
        return new OrderItem(key, desc, nullsFirst);
    }
}
