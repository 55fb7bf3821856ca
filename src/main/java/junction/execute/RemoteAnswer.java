package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import junction.error.ApiException;
import junction.error.Code;

/**
 * A remote schema's answer to a {@link RemoteRoot}, in the client's names: {@code data} keyed by
 * the client's root response keys (null when the remote sent none), the remote's {@code errors},
 * and the {@code Set-Cookie} headers it sent.
 */
record RemoteAnswer(ObjectNode data, List<JsonNode> errors, List<String> setCookies) {
    RemoteAnswer {
        errors = List.copyOf(errors);
        setCookies = List.copyOf(setCookies);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The value of root field {@code key}; a remote that left it out answered wrongly (Hasura's message). */
    JsonNode value(String key) {
        JsonNode value = data == null ? null : data.get(key);
        if (value == null) {
            throw ApiException.of(Code.REMOTE_SCHEMA_ERROR, "expecting key " + key);
        }
        return value;
    }
}
