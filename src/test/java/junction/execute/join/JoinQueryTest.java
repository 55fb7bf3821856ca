package junction.execute.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.metadata.model.RemoteFieldStep;
import junction.metadata.model.RemoteJoinDefinition;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import junction.plan.join.GraphqlValues;
import junction.plan.join.JoinField;
import junction.plan.join.JoinStep;
import junction.plan.join.JoinTree;
import junction.remote.RemoteNames;
import junction.remote.ResultShape;
import org.junit.jupiter.api.Test;

class JoinQueryTest {

    private static JoinField field(String key, List<RemoteFieldStep> path, String clientArgs, String selection) {
        RemoteJoinDefinition definition = new RemoteJoinDefinition("users", List.of("user_id"), path);
        List<JoinStep> steps = new java.util.ArrayList<>();
        for (RemoteFieldStep step : path) {
            List<Argument> arguments = new java.util.ArrayList<>();
            step.arguments().forEach((name, template) -> arguments.add(new Argument(name,
                    GraphqlValues.template(template, definition.lhsFields()))));
            if (step == path.getLast() && !clientArgs.isEmpty()) {
                arguments.addAll(((Field) new Parser().parseDocument("{ f(" + clientArgs + ") }").getDefinitionsOfType(
                        graphql.language.OperationDefinition.class).getFirst().getSelectionSet().getSelections().getFirst())
                        .getArguments());
            }
            steps.add(new JoinStep(step.field(), arguments));
        }
        SelectionSet selected = ((Field) new Parser().parseDocument("{ f " + selection + " }").getDefinitionsOfType(
                graphql.language.OperationDefinition.class).getFirst().getSelectionSet().getSelections().getFirst())
                .getSelectionSet();
        return new JoinField(key, List.of("__j0"), "users", definition, steps, selected, List.of(), List.of(),
                ResultShape.EMPTY, RemoteNames.IDENTITY);
    }

    private static List<JoinBatch> collect(String data, JoinField field) {
        JoinTree tree = new JoinTree(List.of(), Map.of("orders", new JoinTree(List.of(field), Map.of())));
        return new JoinCollector().collect(data.getBytes(java.nio.charset.StandardCharsets.UTF_8), tree).batches();
    }

    @Test
    void distinctArgumentSetsBecomeOneAliasedFieldEachAndNullsAreSkipped() {
        JoinField user = field("user", List.of(new RemoteFieldStep("user", Map.of("id", Json.NODES.textNode("$user_id")))),
                "", "{ id name }");
        List<JoinBatch> batches = collect("""
                {"orders": [{"id": 1, "user": null, "__j0": 7}, {"id": 2, "user": null, "__j0": 8},
                  {"id": 3, "user": null, "__j0": 7}, {"id": 4, "user": null, "__j0": null}]}
                """, user);

        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst().argumentSets()).hasSize(2);
        assertThat(batches.getFirst().setOf(3)).isEqualTo(-1);
        assertThat(JoinQuery.build(batches))
                .isEqualTo("{r0_0:user(id:7){id name}r0_1:user(id:8){id name}}");
    }

    @Test
    void nestedTemplatesPathsAndClientArgumentsAreWrittenWithRowValues() {
        JsonNode where = Json.parse("{\"author_id\": {\"_eq\": \"$user_id\"}, \"kind\": \"chat\"}");
        JoinField messages = field("messages", List.of(
                new RemoteFieldStep("user", Map.of("id", Json.NODES.textNode("$user_id"))),
                new RemoteFieldStep("messages", Map.of("where", where))), "limit: 5", "{ text }");
        List<JoinBatch> batches = collect("{\"orders\": [{\"messages\": null, \"__j0\": \"a\\\"b\"}]}", messages);

        assertThat(JoinQuery.build(batches)).isEqualTo(
                "{r0_0:user(id:\"a\\\"b\"){messages(where:{author_id:{_eq:\"a\\\"b\"},kind:\"chat\"},limit:5){text}}}");
    }

    @Test
    void theValueIsExtractedDownThePathMappingOverLists() {
        JoinField avatar = field("avatar", List.of(new RemoteFieldStep("user", Map.of()),
                new RemoteFieldStep("photos", Map.of())), "", "{ url }");
        List<JoinBatch> batches = collect("{\"orders\": [{\"avatar\": null, \"__j0\": 1}]}", avatar);
        ObjectNode data = (ObjectNode) Json.parse("{\"r0_0\": {\"photos\": [{\"url\": \"a\"}]}}");

        assertThat(JoinQuery.extract(data, batches.getFirst(), 0).toString()).isEqualTo("[{\"url\":\"a\"}]");
    }
}
