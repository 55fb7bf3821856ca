package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import junction.json.Json;

/**
 * One request to send to a remote for a client's remote root fields: the query text in the
 * remote's names, the client variables it uses, and what {@link RemoteResultMapper} needs to turn
 * the answer back into the client's names: the namespace field's response key (when the fields sat
 * under a namespace), the client's root response keys, where {@code __typename} values are, and the
 * remote's names. Depends only on the document, so a plan may cache it.
 */
public record RemoteQuery(String remoteSchema, String query, List<String> variableNames, Optional<String> namespaceKey,
                          List<String> rootKeys, ResultShape shape, RemoteNames names) {
    public RemoteQuery {
        variableNames = List.copyOf(variableNames);
        rootKeys = List.copyOf(rootKeys);
    }

    /** The call for one request: the query with the values of the variables it uses (absent ones left out). */
    public RemoteCall call(ObjectNode requestVariables) {
        ObjectNode variables = Json.object();
        if (requestVariables != null) {
            for (String name : variableNames) {
                JsonNode value = requestVariables.get(name);
                if (value != null) {
                    variables.set(name, value);
                }
            }
        }
        return new RemoteCall(query, variables, Optional.empty());
    }
}
