package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;

/** One GraphQL request: {@code {"query", "variables"?, "operationName"?}}. */
public record GraphqlRequest(String query, ObjectNode variables, String operationName) {

    public static GraphqlRequest read(JsonNode body, String path) {
        Obj obj = Obj.of(body, path);
        String query = obj.string("query");
        JsonNode variables = obj.get("variables");
        if (variables != null && !variables.isObject()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Object, but encountered " + Obj.kind(variables))
                    .at(obj.pathOf("variables"));
        }
        String operationName = obj.optString("operationName").orElse(null);
        return new GraphqlRequest(query, variables == null ? Json.object() : (ObjectNode) variables, operationName);
    }
}
