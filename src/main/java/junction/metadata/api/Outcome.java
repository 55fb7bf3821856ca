package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import junction.json.Json;
import junction.metadata.model.Metadata;
import junction.metadata.resolve.Snapshot;

/** What a metadata command produced: an answer only, or new metadata to validate and store. */
public sealed interface Outcome {

    record Read(JsonNode response) implements Outcome {
    }

    /**
     * New metadata. Unless {@code allowInconsistent}, it may not make any object inconsistent that
     * was consistent before. {@code response} builds the answer from the resolved snapshot.
     */
    record Write(Metadata metadata, boolean allowInconsistent, Function<Snapshot, JsonNode> response) implements Outcome {
    }

    static Write success(Metadata metadata) {
        return new Write(metadata, false, snapshot -> Responses.success());
    }

    final class Responses {
        private Responses() {
        }

        static JsonNode success() {
            return Json.object().put("message", "success");
        }
    }
}
