package junction.metadata.resolve;

import java.util.List;
import junction.catalog.TableName;
import junction.metadata.model.RemoteSchemaRelationship;

/**
 * A relationship from a remote schema's type, checked against the remote schemas and the tables it
 * joins: the fields of the remote type whose values are joined on ({@code lhsFields}, original names),
 * and the target.
 */
public sealed interface ResolvedRemoteSchemaRelationship {
    RemoteSchemaRelationship definition();

    /** The remote type's fields the join reads, in join order (original names). */
    List<String> lhsFields();

    default String name() {
        return definition().name();
    }

    default String remoteSchema() {
        return definition().remoteSchema();
    }

    default String typeName() {
        return definition().typeName();
    }

    /** To rows of a table: {@code columns.get(i)} equals {@code lhsFields.get(i)}; their Postgres types. */
    record ToSource(RemoteSchemaRelationship.ToSource definition, List<String> lhsFields, List<String> columns,
                    List<String> columnTypes) implements ResolvedRemoteSchemaRelationship {
        public ToSource {
            lhsFields = List.copyOf(lhsFields);
            columns = List.copyOf(columns);
            columnTypes = List.copyOf(columnTypes);
        }

        public String source() {
            return definition.source();
        }

        public TableName table() {
            return definition.table();
        }

        public boolean array() {
            return definition.array();
        }
    }

    /** To a field of another remote schema: resolved as a table's remote relationship would be. */
    record ToRemote(RemoteSchemaRelationship.ToRemote definition, ResolvedRemoteRelationship join)
            implements ResolvedRemoteSchemaRelationship {
        @Override
        public List<String> lhsFields() {
            return join.definition().lhsFields();
        }
    }
}
