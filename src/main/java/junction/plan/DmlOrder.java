package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.json.Obj;
import junction.metadata.resolve.ResolvedRelationship;
import junction.plan.ir.Join;
import junction.plan.ir.OrderItem;
import junction.schema.TableInfo;

/**
 * A v1 {@code order_by}: one item or a list of them, each {@code "+col"}, {@code "-col"},
 * {@code "rel.col"} (through object relationships) or {@code {"column", "type": "asc" | "desc",
 * "nulls": "first" | "last"}}. Without {@code nulls}, Postgres' default: last ascending, first descending.
 */
final class DmlOrder {
    private final Tables tables;

    DmlOrder(Tables tables) {
        this.tables = tables;
    }

    List<OrderItem> read(TableInfo table, JsonNode orderBy, String path) {
        List<OrderItem> out = new ArrayList<>();
        if (orderBy.isArray()) {
            for (int i = 0; i < orderBy.size(); i++) {
                out.add(item(table, orderBy.get(i), JsonPath.index(path, i)));
            }
        } else if (!orderBy.isNull()) {
            out.add(item(table, orderBy, path));
        }
        return out;
    }

    private OrderItem item(TableInfo table, JsonNode item, String path) {
        if (item.isTextual()) {
            String text = item.textValue();
            boolean desc = text.startsWith("-");
            String column = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
            return new OrderItem(key(table, List.of(column.split("\\.", -1)), path), desc, desc);
        }
        Obj o = Obj.of(item, path);
        String type = o.optString("type").orElse("asc");
        if (!type.equals("asc") && !type.equals("desc")) {
            throw ApiException.of(Code.PARSE_FAILED, "expected \"asc\" or \"desc\"").at(o.pathOf("type"));
        }
        boolean desc = type.equals("desc");
        boolean nullsFirst = o.optString("nulls").map(n -> n.equals("first")).orElse(desc);
        JsonNode column = o.required("column");
        List<String> steps = new ArrayList<>();
        if (column.isArray()) {
            column.forEach(c -> steps.add(c.asText()));
        } else {
            steps.addAll(List.of(Obj.asString(column, o.pathOf("column")).split("\\.", -1)));
        }
        return new OrderItem(key(table, steps, o.pathOf("column")), desc, nullsFirst);
    }

    /** A column, or a path of object relationships ending in a column. */
    private OrderItem.Key key(TableInfo table, List<String> steps, String path) {
        if (steps.isEmpty()) {
            throw ApiException.of(Code.PARSE_FAILED, "failed to parse an OrderByCol: found empty cols").at(path);
        }
        String name = steps.getFirst();
        if (steps.size() == 1) {
            return new OrderItem.ColumnKey(table.column(name).orElseThrow(() -> DmlWhere.notExists(name, path)).name());
        }
        ResolvedRelationship rel = table.relationship(name).orElseThrow(() -> DmlWhere.notExists(name, path));
        if (rel.kind() != ResolvedRelationship.Kind.OBJECT) {
            throw ApiException.of(Code.UNEXPECTED_PAYLOAD, "expecting an object relationship; but, \"" + name
                    + "\" is an array relationship").at(path);
        }
        return new OrderItem.ObjectKey(new Join(rel.target(), rel.mapping()),
                key(tables.table(table.source(), rel.target()), steps.subList(1, steps.size()), path));
    }
}
