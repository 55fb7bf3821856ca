package junction.metadata.store;

import com.fasterxml.jackson.databind.JsonNode;

/** The metadata document as stored, with its resource version. */
public record StoredMetadata(long resourceVersion, JsonNode document) {
}
