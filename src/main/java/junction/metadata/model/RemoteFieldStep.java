package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One field of a remote relationship's {@code remote_field} path, by its original (un-customized)
 * remote name, with the argument template: JSON values where {@code "$column"} strings stand for the
 * row's join field values.
 */
public record RemoteFieldStep(String field, Map<String, JsonNode> arguments) {
    public RemoteFieldStep {
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
