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

    /**
     * The elements of a JSON array that Junction's own SQL produced (trusted, well-formed), each kept
     * as its text: a node that writes those bytes as they are ({@code null} elements are null nodes).
     * One token pass, no tree: for values that are only spliced into an answer and written out again
     * (the rows of a remote schema's relationship to a table).
     */
    public static java.util.List<JsonNode> rawElements(byte[] array) {
        try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.getFactory().createParser(array)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                throw new IllegalStateException("not a JSON array");
            }
            java.util.List<JsonNode> out = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.core.JsonToken token = parser.nextToken();
                 token != com.fasterxml.jackson.core.JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                    out.add(NODES.nullNode());
                    continue;
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                parser.finishToken(); // a string is read lazily: to its closing quote
                int end = (int) parser.currentLocation().getByteOffset();
                out.add(NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(
                        new String(array, start, end - start, java.nio.charset.StandardCharsets.UTF_8))));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
