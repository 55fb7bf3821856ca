package junction.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import junction.error.ApiException;
import junction.error.Code;

/** The one shared Jackson mapper and small conveniences around it. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {
    }

    /**
     * Parses a request body; anything that is not JSON is Hasura's {@code invalid-json}, with a
     * message made from the kind of problem and where it is — never the parser's own text, which
     * quotes the body.
     */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.of(Code.INVALID_JSON, "Error in $: not enough input");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.of(Code.INVALID_JSON, "Error in $: " + problem(e)).causedBy(e);
        }
    }

    private static String problem(IOException e) {
        return switch (e) {
            case JsonEOFException eof -> "not enough input";
            case StreamConstraintsException limit -> "Failed reading: the value is nested too deeply or too long";
            case MismatchedInputException trailing -> "endOfInput";
            case JsonProcessingException p when p.getLocation() != null && p.getLocation().getLineNr() > 0 ->
                    "Failed reading: not a valid json value at line " + p.getLocation().getLineNr() + ", column "
                            + p.getLocation().getColumnNr();
            default -> "Failed reading: not a valid json value";
        };
    }

    public static JsonNode parse(String text) {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
