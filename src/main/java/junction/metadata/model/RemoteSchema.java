package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A remote GraphQL server: definition, comment, role permissions and its own relationships. */
public record RemoteSchema(String name, JsonNode definition, String comment, List<JsonNode> permissions,
                           List<JsonNode> remoteRelationships) {
    public RemoteSchema {
        permissions = List.copyOf(permissions);
        remoteRelationships = List.copyOf(remoteRelationships);
    }
}
