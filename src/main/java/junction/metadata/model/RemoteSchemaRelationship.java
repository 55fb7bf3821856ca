package junction.metadata.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import junction.catalog.TableName;

/**
 * A relationship from a remote schema's type ({@code create_remote_schema_remote_relationship}), read
 * from its definition: to a table of a database source, or to another remote schema. The definition
 * itself is stored as written ({@code remote_schemas[].remote_relationships[].relationships[]}).
 */
public sealed interface RemoteSchemaRelationship {
    /** The remote schema the relationship belongs to. */
    String remoteSchema();

    /** The type of that remote schema it adds a field to (original, un-customized name). */
    String typeName();

    String name();

    /**
     * {@code to_source}: rows of {@code table} whose columns equal the remote object's fields
     * ({@code fieldMapping}: remote field → column, in the order written).
     */
    record ToSource(String remoteSchema, String typeName, String name, String source, TableName table, boolean array,
                    Map<String, String> fieldMapping) implements RemoteSchemaRelationship {
        public ToSource {
            fieldMapping = Collections.unmodifiableMap(new LinkedHashMap<>(fieldMapping));
        }
    }

    /** {@code to_remote_schema}: a field of another remote schema, its arguments filled from the object's fields. */
    record ToRemote(String remoteSchema, String typeName, String name, RemoteJoinDefinition join)
            implements RemoteSchemaRelationship {
    }
}
