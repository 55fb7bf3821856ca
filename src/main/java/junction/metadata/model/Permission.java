package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A role's permission entry on a table, kept as written until permissions are interpreted. */
public record Permission(String role, JsonNode permission, String comment) {
}
