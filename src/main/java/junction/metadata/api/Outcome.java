package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;
import junction.json.Json;
import junction.metadata.model.Metadata;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;

/** What a metadata command produced: an answer only, or new metadata to validate and store. */
public sealed interface Outcome {

    record Read(JsonNode response) implements Outcome {
    }

    /**
     * New metadata, checked by {@link ConsistencyCheck} before it is stored. {@code target} is the
     * object the command is about (Hasura reports it with {@code invalid-configuration} when the
     * change makes it inconsistent). {@code response} builds the answer from the resolved snapshot.
     */
    record Write(Metadata metadata, ConsistencyCheck check, Optional<Inconsistency.Location> target,
                 Function<Snapshot, JsonNode> response) implements Outcome {
    }

    /** A change that may not make any consistent object inconsistent; answers {@code {"message": "success"}}. */
    static Write success(Metadata metadata, Inconsistency.Location target) {
        return new Write(metadata, ConsistencyCheck.NEW, Optional.of(target), snapshot -> Responses.success());
    }

    static Write success(Metadata metadata) {
        return new Write(metadata, ConsistencyCheck.NEW, Optional.empty(), snapshot -> Responses.success());
    }

    final class Responses {
        private Responses() {
        }

        static JsonNode success() {
            return Json.object().put("message", "success");
        }
    }
}
