package junction.execute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import junction.json.Json;
import junction.plan.ir.Plan;
import org.junit.jupiter.api.Test;

/** {@code node(id: $id)}: plans are cached by the table a Relay id names, not by the id. */
class NodeIdPlansTest {
    static final Plan PLAN = new Plan(Plan.Operation.QUERY, List.of(), Set.of(), Set.of("id"));

    static JsonNode variables(String id) {
        return Json.object().put("id", Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void idsOfOneTableShareOnePlanAndAnotherTableGetsItsOwn() {
        Prepared prepared = new Prepared(null, null, null);
        AtomicInteger compiles = new AtomicInteger();
        java.util.function.Function<JsonNode, Compiled> compile = v -> {
            compiles.incrementAndGet();
            return new Compiled(PLAN, Map.of(), List.of(), List.of(), false);
        };
        for (int pk = 1; pk <= 100; pk++) {
            prepared.compiled(variables("[1, \"public\", \"articles\", " + pk + "]"), compile);
        }
        assertThat(compiles.get()).isEqualTo(1);
        prepared.compiled(variables("[1, \"public\", \"users\", 7]"), compile);
        prepared.compiled(variables("[1, \"public\", \"users\", 8]"), compile);
        assertThat(compiles.get()).isEqualTo(2);
        prepared.compiled(variables("[1, \"public\", \"articles\", 1, 2]"), compile);
        prepared.compiled(variables("not an id"), compile);
        assertThat(compiles.get()).as("another number of key values, or no id at all, is planned (and refused) anew")
                .isEqualTo(4);
    }
}
