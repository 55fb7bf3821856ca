package junction.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import junction.plan.ir.Field;
import junction.plan.ir.Value;

/**
 * Relay global ids and cursors, as Hasura writes them: base64 (without line breaks) of the JSON text
 * Postgres makes of {@code json_build_array(1, '<schema>', '<table>', <key values>…)} for a row's id
 * and {@code json_build_object('<column>', <value>, …)} for a cursor.
 */
final class NodeIds {
    private NodeIds() {
    }

    /** A row's global id; {@code column} gives the row's value of a column. */
    static Sql of(Field.NodeId id, Function<String, Sql> column) {
        List<Sql> items = new ArrayList<>();
        items.add(Sql.count(new Value.Literal(junction.json.Json.NODES.numberNode(1))));
        items.add(text(id.table().schema()));
        items.add(text(id.table().name()));
        id.columns().forEach(c -> items.add(column.apply(c)));
        return base64(Sql.of("json_build_array(", Sql.join(", ", items), ")"));
    }

    /** base64 of a JSON value's text, in one line. */
    static Sql base64(Sql json) {
        return Sql.of("replace(encode(convert_to((", json, ")::text, 'UTF8'), 'base64'), chr(10), '')");
    }

    /** The JSON a base64 text holds (a cursor sent by the client). */
    static Sql decoded(Sql base64) {
        return Sql.of("convert_from(decode(", base64, ", 'base64'), 'UTF8')::json");
    }

    /** A constant text (a schema, table or column name) as a parameter. */
    static Sql text(String value) {
        return Sql.param(new Value.Literal(junction.json.Json.NODES.textNode(value)), "text");
    }
}
