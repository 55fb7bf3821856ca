package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import junction.json.Json;
import junction.plan.ir.Plan;

/**
 * The response of an operation that selects fields of a source's root field namespace: the root
 * nodes answer {@code db.orders}, {@code db.__typename}, …; the client sees {@code {"db": {"orders":
 * …, "__typename": …}}}, in selection order. Other responses (errors without data) pass unchanged.
 */
final class NestedResponse {
    private NestedResponse() {
    }

    static GraphqlResponse nest(GraphqlResponse response) {
        JsonNode body = ResponseBytes.parseDatabase(response.body());
        if (!(body instanceof ObjectNode envelope) || !(envelope.get("data") instanceof ObjectNode data)) {
            return response;
        }
        envelope.set("data", nest(data));
        return new GraphqlResponse(Json.bytes(envelope), response.setCookies());
    }

    private static ObjectNode nest(ObjectNode flat) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> e : flat.properties()) {
            int dot = e.getKey().indexOf(Plan.NESTING);
            if (dot < 0) {
                out.set(e.getKey(), e.getValue());
                continue;
            }
            String outer = e.getKey().substring(0, dot);
            JsonNode namespace = out.get(outer);
            ObjectNode fields = namespace instanceof ObjectNode o ? o : out.putObject(outer);
            fields.set(e.getKey().substring(dot + Plan.NESTING.length()), e.getValue());
        }
        return out;
    }
}
