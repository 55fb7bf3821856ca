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
import junction.plan.join.BatchCall;
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
        JoinField listed = new JoinField(field.responseKey(), field.joinKeys(), field.remoteSchema(), field.definition(), field.steps(),
                field.selection(), List.of(), List.of(), ResultShape.EMPTY, RemoteNames.IDENTITY, List.of(), Map.of(),
                new BatchCall("users", "ids", GraphqlValues.template(Json.NODES.textNode("$user_id"), List.of("user_id")), null,
                        List.of(), field.selection()));
        measure("100-alias query", data, field);
        measure("list-mode query of 100 items", data, listed);
    }

    private static void measure(String what, byte[] data, JoinField field) {
        JoinTree tree = new JoinTree(List.of(), Map.of("orders", new JoinTree(List.of(field), Map.of())));
        List<JoinBatch> batches = new JoinCollector().collect(data, tree).batches();
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            int n = 10_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += JoinQuery.build(batches).length();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1000.0 / n);
        }
        System.out.printf("%s: best of 10 rounds %.1f µs per build (%d)%n", what, best, sink % 10);
    }
}
