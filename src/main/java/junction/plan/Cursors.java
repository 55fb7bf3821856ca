package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import junction.plan.ir.Connection;

/** Relay cursors and global ids: base64 of a JSON text, as Hasura writes them. */
final class Cursors {
    private Cursors() {
    }

    /** The JSON a base64 text holds, if it is base64 of JSON. */
    static Optional<JsonNode> decode(String text) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(text);
            return Optional.of(junction.json.Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8)))
                    .filter(n -> !n.isMissingNode());
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a cursor is a JSON object with a value at every order key's path (Hasura's check). */
    static boolean readable(String text, List<Connection.CursorKey> keys) {
        Optional<JsonNode> cursor = decode(text).filter(JsonNode::isObject);
        if (cursor.isEmpty()) {
            return false;
        }
        for (Connection.CursorKey key : keys) {
            JsonNode at = cursor.get();
            for (String step : key.path()) {
                at = at.isObject() ? at.get(step) : null;
                if (at == null) {
                    return false;
                }
            }
        }
        return true;
    }
}
