package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import junction.json.Json;
import junction.metadata.model.RemoteFieldStep;
import junction.plan.join.GraphqlLiteral;
import junction.plan.join.JoinField;

/**
 * The one query sent to a remote schema for a set of join batches: one aliased field per distinct
 * argument set ({@code r<batch>_<set>: user(id: 1) { … }}), the row values filled into the
 * relationship's template, the client's own arguments and selection on the last field, the client
 * variables they use declared once, and the fragments they use appended once.
 */
final class JoinQuery {
    private JoinQuery() {
    }

    static String build(List<JoinBatch> batches) {
        Map<String, String> variables = new TreeMap<>();
        Map<String, String> fragments = new TreeMap<>();
        batches.forEach(b -> {
            variables.putAll(b.field.variables());
            fragments.putAll(b.field.fragments());
        });
        StringBuilder out = new StringBuilder("query");
        if (!variables.isEmpty()) {
            out.append('(');
            Iterator<Map.Entry<String, String>> it = variables.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, String> v = it.next();
                out.append('$').append(v.getKey()).append(": ").append(v.getValue()).append(it.hasNext() ? ", " : "");
            }
            out.append(')');
        }
        out.append(" {");
        for (JoinBatch batch : batches) {
            List<List<JsonNode>> sets = batch.argumentSets();
            for (int set = 0; set < sets.size(); set++) {
                out.append(' ').append(batch.alias(set)).append(": ");
                field(batch.field, sets.get(set), out);
            }
        }
        out.append(" }");
        fragments.values().forEach(f -> out.append(' ').append(f));
        return out.toString();
    }

    /** One join field as it is sent, with {@code $column} placeholders where row values go (for explain). */
    static String template(JoinField field) {
        List<JsonNode> placeholders = field.definition().lhsFields().stream()
                .map(c -> (JsonNode) Json.NODES.pojoNode("$" + c)).toList();
        StringBuilder out = new StringBuilder();
        field(field, placeholders, out);
        return out.toString();
    }

    /** The client variables the batches use, with the request's values. */
    static ObjectNode variables(List<JoinBatch> batches, JsonNode requestVariables) {
        ObjectNode out = Json.object();
        for (JoinBatch batch : batches) {
            for (String name : batch.field.variables().keySet()) {
                JsonNode value = requestVariables == null ? null : requestVariables.get(name);
                out.set(name, value == null ? Json.NODES.nullNode() : value);
            }
        }
        return out;
    }

    private static void field(JoinField field, List<JsonNode> values, StringBuilder out) {
        List<RemoteFieldStep> path = field.definition().path();
        List<String> lhs = field.definition().lhsFields();
        for (int i = 0; i < path.size(); i++) {
            RemoteFieldStep step = path.get(i);
            boolean last = i == path.size() - 1;
            out.append(step.field());
            StringBuilder arguments = new StringBuilder();
            Map<String, JsonNode> stepArguments = last ? field.lastArguments() : step.arguments();
            Iterator<Map.Entry<String, JsonNode>> templates = stepArguments.entrySet().iterator();
            while (templates.hasNext()) {
                Map.Entry<String, JsonNode> e = templates.next();
                arguments.append(e.getKey()).append(": ");
                GraphqlLiteral.write(fill(e.getValue(), lhs, values), arguments);
                if (templates.hasNext()) {
                    arguments.append(", ");
                }
            }
            if (last && !field.arguments().isEmpty()) {
                arguments.append(arguments.isEmpty() ? "" : ", ").append(field.arguments());
            }
            if (!arguments.isEmpty()) {
                out.append('(').append(arguments).append(')');
            }
            out.append(last ? " " + field.selection() : " { ");
        }
        out.append(" }".repeat(path.size() - 1));
    }

    /** The template with every {@code "$column"} replaced by the row's value of that join field. */
    static JsonNode fill(JsonNode template, List<String> lhs, List<JsonNode> values) {
        if (template.isTextual() && template.textValue().startsWith("$")) {
            int at = lhs.indexOf(template.textValue().substring(1));
            return at < 0 ? template : values.get(at);
        }
        if (template.isObject()) {
            ObjectNode out = Json.object();
            template.fields().forEachRemaining(e -> out.set(e.getKey(), fill(e.getValue(), lhs, values)));
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.array();
            template.forEach(t -> out.add(fill(t, lhs, values)));
            return out;
        }
        return template;
    }

    /** The relationship's value in a remote answer: {@code data[alias]}, then down the rest of the path. */
    static JsonNode extract(JsonNode data, JoinBatch batch, int set) {
        JsonNode value = data == null ? null : data.get(batch.alias(set));
        List<RemoteFieldStep> path = batch.field.definition().path();
        for (int i = 1; i < path.size(); i++) {
            value = down(value, path.get(i).field());
        }
        return value == null ? Json.NODES.nullNode() : value;
    }

    private static JsonNode down(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (value.isArray()) {
            ArrayNode out = Json.array();
            value.forEach(v -> out.add(down(v, field)));
            return out;
        }
        return value.get(field);
    }
}
