package junction.metadata.resolve;

import java.util.List;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.metadata.model.TableEntry;

/** A tracked table whose metadata fits the database: its catalog entry and resolved relationships. */
public record TrackedTable(TableName name, Table table, TableEntry entry, List<ResolvedRelationship> relationships,
                           List<ResolvedRemoteRelationship> remoteRelationships) {
    public TrackedTable {
        relationships = List.copyOf(relationships);
        remoteRelationships = List.copyOf(remoteRelationships);
    }

    public Optional<ResolvedRemoteRelationship> remoteRelationship(String relationshipName) {
        return remoteRelationships.stream().filter(r -> r.name().equals(relationshipName)).findFirst();
    }

    public Optional<ResolvedRelationship> relationship(String relationshipName) {
        return relationships.stream().filter(r -> r.name().equals(relationshipName)).findFirst();
    }

    /** The GraphQL name of a column: its custom name, or the column name. */
    public String fieldName(Column column) {
        return entry.configuration().columnName(column.name()).orElse(column.name());
    }

    /** The GraphQL base name: the custom name, or Hasura's default ({@code schema_table} outside public). */
    public String graphqlName() {
        String custom = entry.configuration().customName();
        return custom != null ? custom : name.graphqlBase();
    }
}
