package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
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
                          List<String> rootKeys, ResultShape shape, RemoteNames names, List<SessionPreset> sessions,
                          Map<String, String> patches, RemotePresets presets) {
    public RemoteQuery {
        variableNames = List.copyOf(variableNames);
        rootKeys = List.copyOf(rootKeys);
        sessions = List.copyOf(sessions);
        patches = Map.copyOf(patches);
    }

    /** A query without a role's presets. */
    public RemoteQuery(String remoteSchema, String query, List<String> variableNames, Optional<String> namespaceKey,
                       List<String> rootKeys, ResultShape shape, RemoteNames names) {
        this(remoteSchema, query, variableNames, namespaceKey, rootKeys, shape, names, List.of(), Map.of(), RemotePresets.NONE);
    }

    /** The call for one request without session: the query with the values of the variables it uses (absent ones left out). */
    public RemoteCall call(ObjectNode requestVariables) {
        return call(requestVariables, Map.of());
    }

    /**
     * The call for one request: the client variables it uses (absent ones left out; input objects
     * with the role's input field presets added) and the role's session presets read from
     * {@code session} ({@code not-found} or {@code coercion-error} when a value is missing or does not fit).
     */
    public RemoteCall call(ObjectNode requestVariables, Map<String, String> session) {
        ObjectNode variables = Json.object();
        if (requestVariables != null) {
            for (String name : variableNames) {
                JsonNode value = requestVariables.get(name);
                if (value != null) {
                    String type = patches.get(name);
                    variables.set(name, type == null ? value : presets.patch(value, type, session));
                }
            }
        }
        for (SessionPreset preset : sessions) {
            variables.set(preset.variable(), preset.value(session));
        }
        return new RemoteCall(query, variables, Optional.empty());
    }
}
