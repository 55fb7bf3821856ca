package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import junction.metadata.model.Metadata;
import junction.metadata.model.RemoteRelationship;
import junction.metadata.model.RemoteSchema;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;

/**
 * The remote relationships that use a remote schema — of tables (new format
 * {@code definition.to_remote_schema.remote_schema}, old format {@code definition.remote_schema})
 * and of other remote schemas — described as Hasura reports dependent objects, sorted.
 */
final class RemoteSchemaDependents {
    private RemoteSchemaDependents() {
    }

    static List<String> of(Metadata metadata, String remoteSchema) {
        List<String> out = new ArrayList<>();
        for (Source source : metadata.sources()) {
            for (TableEntry table : source.tables()) {
                for (RemoteRelationship relationship : table.remoteRelationships()) {
                    if (remoteSchema.equals(target(relationship.definition()))) {
                        out.add("remote relationship " + table.table() + "." + relationship.name() + " in source \""
                                + source.name() + "\"");
                    }
                }
            }
        }
        for (RemoteSchema remote : metadata.remoteSchemas()) {
            if (remote.name().equals(remoteSchema)) {
                continue;
            }
            for (JsonNode onType : remote.remoteRelationships()) {
                for (JsonNode relationship : onType.path("relationships")) {
                    if (remoteSchema.equals(target(relationship.path("definition")))) {
                        out.add("remote_relationship " + relationship.path("name").asText() + " on type "
                                + onType.path("type_name").asText() + " in remote schema " + remote.name());
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The remote schema a relationship definition points to, in either format; null if none. */
    private static String target(JsonNode definition) {
        JsonNode name = definition.path("to_remote_schema").path("remote_schema");
        if (!name.isTextual()) {
            name = definition.path("remote_schema");
        }
        return name.isTextual() ? name.textValue() : null;
    }
}
