package junction.remoterel;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import junction.json.Json;

/** An engine's log sink: every line it got, parsed; waits a little for lines written after an answer. */
final class LogSink extends ByteArrayOutputStream {
    synchronized List<JsonNode> lines() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(Json.parse(line));
            }
        }
        return out;
    }

    /** The {@code query-log} detail of the request with this id, waiting up to 5 s for it. */
    JsonNode queryLog(String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode line : lines()) {
                if (line.path("type").asText().equals("query-log")
                        && line.at("/detail/request_id").asText().equals(requestId)) {
                    return line.get("detail");
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no query-log line for request " + requestId);
    }
}
