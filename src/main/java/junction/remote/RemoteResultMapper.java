package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/**
 * Maps a remote's answer to a {@link RemoteQuery} back to the client's names. Renamed fields need
 * nothing (they were sent under the client's keys); {@code __typename} values become customized
 * type names; namespaced fields are wrapped under the namespace field's response key. The answer
 * is changed in place. Malformed answers are Hasura's {@code remote-schema-error}s.
 */
public final class RemoteResultMapper {

    public RemoteResult map(RemoteQuery query, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("Invalid response from remote: expected an object");
        }
        List<JsonNode> errors = errors(body.get("errors"));
        JsonNode data = body.get("data");
        if (data == null && errors.isEmpty()) {
            throw invalid("Missing \"data\" field in response from remote");
        }
        if (data == null || data.isNull()) {
            return new RemoteResult(null, errors);
        }
        if (!data.isObject()) {
            throw invalid("Invalid \"data\" field in response from remote");
        }
        ObjectNode mapped = (ObjectNode) data;
        if (query.names().renamesTypes() && query.shape().hasTypenames()) {
            object(mapped, query.shape(), query.names());
        }
        if (query.namespaceKey().isEmpty()) {
            return new RemoteResult(mapped, errors);
        }
        ObjectNode wrapped = Json.object();
        wrapped.set(query.namespaceKey().get(), mapped);
        return new RemoteResult(wrapped, errors);
    }

    /**
     * Rewrites, in place, the {@code __typename} values inside {@code value} (an object, a list of
     * them, or anything else) that {@code shape} locates, to customized type names. For remote
     * joins, whose answers are spliced under relationship fields.
     */
    public void customizeTypenames(JsonNode value, ResultShape shape, RemoteNames names) {
        if (names.renamesTypes() && shape.hasTypenames()) {
            any(value, shape, names);
        }
    }

    private static List<JsonNode> errors(JsonNode errors) {
        if (errors == null || errors.isNull()) {
            return List.of();
        }
        if (!errors.isArray()) {
            throw invalid("Invalid \"errors\" field in response from remote");
        }
        List<JsonNode> out = new ArrayList<>();
        errors.forEach(out::add);
        return out;
    }

    private static void object(ObjectNode node, ResultShape shape, RemoteNames names) {
        for (String key : shape.typenameKeys()) {
            JsonNode value = node.get(key);
            if (value != null && value.isTextual()) {
                node.set(key, TextNode.valueOf(names.customType(value.textValue())));
            }
        }
        for (Map.Entry<String, ResultShape> child : shape.children().entrySet()) {
            JsonNode value = node.get(child.getKey());
            if (value != null) {
                any(value, child.getValue(), names);
            }
        }
    }

    private static void any(JsonNode value, ResultShape shape, RemoteNames names) {
        if (value instanceof ObjectNode object) {
            object(object, shape, names);
        } else if (value instanceof ArrayNode array) {
            array.forEach(element -> any(element, shape, names));
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.of(Code.REMOTE_SCHEMA_ERROR, message);
    }
}
