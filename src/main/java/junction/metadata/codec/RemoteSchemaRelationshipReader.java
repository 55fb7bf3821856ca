package junction.metadata.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.model.RemoteJoinDefinition;
import junction.metadata.model.RemoteSchema;
import junction.metadata.model.RemoteSchemaRelationship;

/**
 * Reads the relationships of a remote schema's types, kept as written under
 * {@code remote_relationships: [{type_name, relationships: [{name, definition}]}]}: a definition
 * has exactly one of {@code to_source} ({@code source}, {@code table}, {@code relationship_type},
 * {@code field_mapping}) and {@code to_remote_schema} ({@code remote_schema}, {@code lhs_fields},
 * {@code remote_field}).
 */
public final class RemoteSchemaRelationshipReader {
    private RemoteSchemaRelationshipReader() {
    }

    /** Every relationship of {@code remote}, in metadata order. */
    public static List<RemoteSchemaRelationship> all(RemoteSchema remote) {
        List<RemoteSchemaRelationship> out = new ArrayList<>();
        for (JsonNode onType : remote.remoteRelationships()) {
            String type = onType.path("type_name").asText();
            for (JsonNode relationship : onType.path("relationships")) {
                out.add(read(remote.name(), type, relationship.path("name").asText(), relationship.path("definition"),
                        "$.definition"));
            }
        }
        return out;
    }

    /** The relationship {@code name} on {@code type}, whose definition is {@code definition} (checked: {@code parse-failed} at {@code path}). */
    public static RemoteSchemaRelationship read(String remoteSchema, String type, String name, JsonNode definition,
                                                String path) {
        Obj def = Obj.of(definition, path);
        if (def.has("to_source") == def.has("to_remote_schema")) {
            throw ApiException.of(Code.PARSE_FAILED, "remote relationship definition (strict format) expects exactly one of: "
                    + "to_source, to_remote_schema").at(path);
        }
        def.only("to_source", "to_remote_schema");
        if (def.has("to_remote_schema")) {
            RemoteJoinDefinition join = RemoteRelationshipReader.read(definition, path);
            return new RemoteSchemaRelationship.ToRemote(remoteSchema, type, name, join);
        }
        Obj to = def.obj("to_source").only("source", "table", "relationship_type", "field_mapping");
        String kind = to.string("relationship_type");
        if (!kind.equals("object") && !kind.equals("array")) {
            throw ApiException.of(Code.PARSE_FAILED, "relationship_type must be one of: object, array")
                    .at(to.pathOf("relationship_type"));
        }
        Map<String, String> mapping = new LinkedHashMap<>(to.map("field_mapping", Obj::asString));
        if (mapping.isEmpty()) {
            throw ApiException.of(Code.PARSE_FAILED, "field_mapping cannot be empty").at(to.pathOf("field_mapping"));
        }
        return new RemoteSchemaRelationship.ToSource(remoteSchema, type, name, to.optString("source").orElse("default"),
                MetadataReader.tableName(to.required("table"), to.pathOf("table")), kind.equals("array"), mapping);
    }
}
