package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A table's remote relationship; {@code definition} is kept in the format it was written in. */
public record RemoteRelationship(String name, JsonNode definition) {
}
