package junction.execute.join;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.SelectionSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.metadata.model.RemoteFieldStep;
import junction.metadata.model.RemoteJoinDefinition;
import junction.plan.join.GraphqlValues;
import junction.plan.join.JoinField;
import junction.plan.join.JoinStep;
import junction.plan.join.JoinTree;
import junction.remote.RemoteNames;
import junction.remote.ResultShape;

/** Not a test: prints the time to build the remote query of a 100-row join (java ... JoinQuerySpeed). */
public final class JoinQuerySpeed {
    public static void main(String[] args) {
        RemoteFieldStep step = new RemoteFieldStep("user", Map.of("id", Json.NODES.textNode("$user_id")));
        JoinField field = new JoinField("user", List.of("__j0"), "users",
                new RemoteJoinDefinition("users", List.of("user_id"), List.of(step)),
                List.of(new JoinStep("user", List.of(new Argument("id", GraphqlValues.template(Json.NODES.textNode("$user_id"),
                        List.of("user_id")))))),
                SelectionSet.newSelectionSet().selection(new Field("id")).selection(new Field("name")).selection(new Field("email"))
                        .build(), List.of(), List.of(), ResultShape.EMPTY, RemoteNames.IDENTITY);
        StringBuilder rows = new StringBuilder("{\"orders\": [");
        for (int i = 1; i <= 100; i++) {
            rows.append(i > 1 ? "," : "").append("{\"id\": ").append(i).append(", \"user\": null, \"__j0\": ").append(i).append('}');
        }
        byte[] data = rows.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        JoinTree tree = new JoinTree(List.of(), Map.of("orders", new JoinTree(List.of(field), Map.of())));
        List<JoinBatch> batches = new JoinCollector().collect(data, tree).batches();
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int n = 20_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += JoinQuery.build(batches).length();
            }
            System.out.printf("round %d: %.1f µs per 100-alias query%n", round, (System.nanoTime() - start) / 1000.0 / n);
        }
        System.out.println(sink);
    }
}
