package junction.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import junction.json.Json;

/** One GraphQL request to a remote: query text, variables (may be empty) and operation name. */
public record RemoteCall(String query, ObjectNode variables, Optional<String> operationName) {
    public RemoteCall {
        Objects.requireNonNull(query, "query");
        variables = variables == null ? Json.object() : variables;
    }

    public static RemoteCall of(String query) {
        return new RemoteCall(query, Json.object(), Optional.empty());
    }

    /** The request body: {@code {"query", "variables"?, "operationName"?}}. */
    byte[] body() {
        ObjectNode node = Json.object();
        node.put("query", query);
        if (!variables.isEmpty()) {
            node.set("variables", variables);
        }
        operationName.ifPresent(name -> node.put("operationName", name));
        return Json.bytes(node);
    }

}
