package junction.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one encoder of errors: every error a client sees is an {@link ApiException} written here, in
 * one of Hasura's shapes. {@code internal} is written only when the caller says the session may see
 * it (admins with {@code HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS}, or dev mode).
 */
public final class ErrorEnvelope {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ErrorEnvelope() {
    }

    /** The metadata API's shape: {@code {"path", "error", "code", "internal"?}}. */
    public static ObjectNode metadata(ApiException e, boolean showInternal) {
        ObjectNode node = NODES.objectNode();
        node.put("path", e.path());
        node.put("error", e.getMessage());
        node.put("code", e.code().text());
        if (showInternal && e.internal() != null) {
            node.set("internal", e.internal());
        }
        return node;
    }

    public static byte[] metadataBytes(ApiException e, boolean showInternal) {
        return bytes(metadata(e, showInternal));
    }

    /**
     * The GraphQL endpoints' shape for a request that failed as a whole:
     * {@code {"errors": [{"message", "extensions": {"path", "code", "internal"?}}]}}.
     */
    public static byte[] graphql(ApiException e, boolean showInternal) {
        ObjectNode root = NODES.objectNode();
        ObjectNode error = root.putArray("errors").addObject();
        error.put("message", e.getMessage());
        ObjectNode extensions = error.putObject("extensions");
        extensions.put("path", e.path());
        extensions.put("code", e.code().text());
        if (showInternal && e.internal() != null) {
            extensions.set("internal", e.internal());
        }
        return bytes(root);
    }

    /**
     * One error beside data (a remote join that failed for some rows), at a place in the response:
     * {@code {"message", "path": [..response keys and indexes..], "extensions": {"code", "internal"?}}}.
     */
    public static ObjectNode graphqlAt(ApiException e, JsonNode responsePath, boolean showInternal) {
        ObjectNode error = NODES.objectNode();
        error.put("message", e.getMessage());
        error.set("path", responsePath);
        ObjectNode extensions = error.putObject("extensions");
        extensions.put("code", e.code().text());
        if (showInternal && e.internal() != null) {
            extensions.set("internal", e.internal());
        }
        return error;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
