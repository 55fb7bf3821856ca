package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A remote's answer in the client's terms: {@code data} keyed by the client's root response keys
 * (the namespace key when namespaced), {@code null} when the remote answered no data; and the
 * remote's {@code errors} as it sent them (empty when none).
 */
public record RemoteResult(ObjectNode data, List<JsonNode> errors) {
    public RemoteResult {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
