package junction.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Json#rawElements}: each element of a statement's JSON array written back exactly as it came. */
class RawElementsTest {

    @Test
    void everyKindOfElementIsWrittenBackByteForByte() {
        String array = "[{\"id\": 1, \"name\": \"a \\\"quoted\\\" \\u00e9 é name\", \"tags\": [1, [2, {}]], \"n\": null},"
                + " null, \"plain \\\\ string\", 12.50, -3, true, false, [], {}, [{\"x\": \"]\"}], \"é\"]";
        List<JsonNode> elements = Json.rawElements(array.getBytes(StandardCharsets.UTF_8));

        assertThat(elements).hasSize(11);
        assertThat(elements.get(1).isNull()).isTrue();
        ArrayNode written = Json.array();
        elements.forEach(written::add);
        String expected = "[{\"id\": 1, \"name\": \"a \\\"quoted\\\" \\u00e9 é name\", \"tags\": [1, [2, {}]], \"n\": null},"
                + "null,\"plain \\\\ string\",12.50,-3,true,false,[],{},[{\"x\": \"]\"}],\"é\"]";
        assertThat(new String(Json.bytes(written), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(Json.parse(Json.bytes(written))).isEqualTo(Json.parse(array));
    }

    @Test
    void anEmptyArrayHasNoElements() {
        assertThat(Json.rawElements("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
