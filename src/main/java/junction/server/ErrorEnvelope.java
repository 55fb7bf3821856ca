package junction.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.error.ApiException;
import junction.json.Json;

/** The metadata API's error shape: {@code {"path", "error", "code", "internal"?}}. */
final class ErrorEnvelope {
    private ErrorEnvelope() {
    }

    static byte[] metadata(ApiException e, boolean showInternal) {
        ObjectNode node = Json.object();
        node.put("path", e.path());
        node.put("error", e.getMessage());
        node.put("code", e.code().text());
        if (showInternal && e.internal() != null) {
            node.set("internal", e.internal());
        }
        return Json.bytes(node);
    }

    /** The GraphQL endpoints' shape: {@code {"errors": [{"message", "extensions": {"path", "code", "internal"?}}]}}. */
    static byte[] graphql(ApiException e, boolean showInternal) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putArray("errors").addObject();
        error.put("message", e.getMessage());
        ObjectNode extensions = error.putObject("extensions");
        extensions.put("path", e.path());
        extensions.put("code", e.code().text());
        if (showInternal && e.internal() != null) {
            extensions.set("internal", e.internal());
        }
        return Json.bytes(root);
    }
}
