package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import junction.json.Json;
import junction.metadata.model.RemoteFieldStep;
import junction.plan.join.JoinField;
import junction.remote.CompactPrinter;

/**
 * The one query sent to a remote schema for a set of join batches, built as one graphql-java
 * {@link Document} and printed once ({@link CompactPrinter}): one aliased field per distinct argument set
 * ({@code r<batch>_<set>: user(id: 1) { … }}) with the row values filled into the relationship's
 * template — or, for a relationship with {@code batch}, one list field call {@code r<batch>: users(ids: [1, 2])}
 * for all of them — the client variables they use declared once, and the fragments they use appended once.
 */
final class JoinQuery {
    private JoinQuery() {
    }

    static String build(List<JoinBatch> batches) {
        Map<String, VariableDefinition> variables = new TreeMap<>();
        Map<String, FragmentDefinition> fragments = new TreeMap<>();
        List<Selection> fields = new ArrayList<>();
        for (JoinBatch batch : batches) {
            batch.field.variables().forEach(v -> variables.putIfAbsent(v.getName(), v));
            batch.field.fragments().forEach(f -> fragments.putIfAbsent(f.getName(), f));
            List<List<JsonNode>> sets = batch.argumentSets();
            if (batch.field.batch() != null) {
                fields.add(batch.field.batch().call(batch.alias(0), sets));
                continue;
            }
            for (int set = 0; set < sets.size(); set++) {
                fields.add(batch.field.call(batch.alias(set), sets.get(set)));
            }
        }
        List<Definition> definitions = new ArrayList<>(1 + fragments.size());
        definitions.add(OperationDefinition.newOperationDefinition().operation(OperationDefinition.Operation.QUERY)
                .variableDefinitions(List.copyOf(variables.values()))
                .selectionSet(SelectionSet.newSelectionSet(fields).build()).build());
        definitions.addAll(fragments.values());
        return CompactPrinter.print(Document.newDocument().definitions(definitions).build());
    }

    /** One join field as it is sent, with {@code $column} placeholders where row values go (for explain). */
    static String template(JoinField field) {
        return CompactPrinter.print(field.call(null, null));
    }

    /** The client variables the batches use, with the request's values. */
    static ObjectNode variables(List<JoinBatch> batches, JsonNode requestVariables) {
        ObjectNode out = Json.object();
        for (JoinBatch batch : batches) {
            for (VariableDefinition variable : batch.field.variables()) {
                JsonNode value = requestVariables == null ? null : requestVariables.get(variable.getName());
                out.set(variable.getName(), value == null ? Json.NODES.nullNode() : value);
            }
        }
        return out;
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
