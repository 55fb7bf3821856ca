package junction.observe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import junction.json.Json;

/** An engine's log sink for tests: every line it got, parsed; waits a little for lines written after an answer. */
final class LogLines extends ByteArrayOutputStream {
    synchronized List<JsonNode> all() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.parse(line));
            }
        }
        return lines;
    }

    List<JsonNode> ofType(String type) {
        return all().stream().filter(l -> l.get("type").asText().equals(type)).toList();
    }

    /** The first line of {@code type} matching {@code test}, waiting up to 5 s for it. */
    JsonNode await(String type, Predicate<JsonNode> test) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            for (JsonNode line : ofType(type)) {
                if (test.test(line)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type + " line as expected in:\n" + String.join("\n", all().stream().map(Json::write).toList()));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
