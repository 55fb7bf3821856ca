package junction.execute.join;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import junction.error.JsonPath;
import junction.json.Json;
import junction.plan.join.JoinField;
import junction.plan.join.JoinTree;

/**
 * What {@code /v1/graphql/explain} says of a query's remote joins (Hasura refuses to explain them):
 * for each remote relationship field, where it sits, which columns feed it, the field it sends with
 * {@code $column} placeholders, and how the calls are batched.
 */
public final class JoinExplanation {
    private JoinExplanation() {
    }

    /** One entry per join field under {@code tree}, whose root is the response key {@code rootKey}. */
    public static ArrayNode of(String rootKey, JoinTree tree) {
        ArrayNode out = Json.array();
        walk(JsonPath.key("$", rootKey), tree, out);
        return out;
    }

    private static void walk(String path, JoinTree tree, ArrayNode out) {
        for (JoinField field : tree.joins()) {
            ObjectNode entry = out.addObject();
            entry.put("path", JsonPath.key(path, field.responseKey()));
            entry.put("remote_schema", field.remoteSchema());
            ArrayNode lhs = entry.putArray("lhs_fields");
            field.definition().lhsFields().forEach(lhs::add);
            entry.put("field", JoinQuery.template(field));
            String columns = String.join(", ", field.definition().lhsFields());
            String calls = field.batch() == null ? " field per distinct (" + columns + ")"
                    : " call of \"" + field.batch().field() + "\" for all distinct (" + columns + ") at this place, one item each in \""
                    + field.batch().argument() + "\", results matched "
                    + (field.batch().key() == null ? "by position" : "by their \"" + field.batch().key() + "\"");
            entry.put("batching", "one request to remote schema \"" + field.remoteSchema()
                    + "\" for the whole query (all remote joins and nesting levels to it together), with one aliased"
                    + calls + "; rows whose join columns are null get null without a call");
        }
        for (Map.Entry<String, JoinTree> child : tree.children().entrySet()) {
            walk(JsonPath.key(path, child.getKey()), child.getValue(), out);
        }
    }
}
