package junction.metadata.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.metadata.model.TableEntry;

/**
 * A tracked table whose metadata fits the database: its catalog entry, resolved relationships and
 * computed fields. {@code enumColumns}: the columns typed with an enum table's enum, by column name.
 */
public record TrackedTable(TableName name, Table table, TableEntry entry, List<ResolvedRelationship> relationships,
                           List<ResolvedRemoteRelationship> remoteRelationships,
                           Map<String, TablePermissions> permissions, List<ResolvedComputedField> computedFields,
                           Map<String, EnumReference> enumColumns) {
    public TrackedTable {
        computedFields = List.copyOf(computedFields);
        relationships = List.copyOf(relationships);
        remoteRelationships = List.copyOf(remoteRelationships);
        permissions = Collections.unmodifiableMap(new LinkedHashMap<>(permissions));
        enumColumns = Collections.unmodifiableMap(new LinkedHashMap<>(enumColumns));
    }

    /** A table without computed fields and with no column typed with an enum table's enum. */
    public TrackedTable(TableName name, Table table, TableEntry entry, List<ResolvedRelationship> relationships,
                        List<ResolvedRemoteRelationship> remoteRelationships, Map<String, TablePermissions> permissions) {
        this(name, table, entry, relationships, remoteRelationships, permissions, List.of(), Map.of());
    }

    /** A table without permissions resolved yet. */
    public TrackedTable(TableName name, Table table, TableEntry entry, List<ResolvedRelationship> relationships,
                        List<ResolvedRemoteRelationship> remoteRelationships) {
        this(name, table, entry, relationships, remoteRelationships, Map.of());
    }

    /** What {@code role} may do with this table: everything for admin, {@link TablePermissions#NONE} without a permission. */
    public TablePermissions permissions(String role) {
        return role.equals(TablePermissions.ADMIN) ? TablePermissions.full(table)
                : permissions.getOrDefault(role, TablePermissions.NONE);
    }

    public TrackedTable withPermissions(Map<String, TablePermissions> newPermissions) {
        return new TrackedTable(name, table, entry, relationships, remoteRelationships, newPermissions, computedFields,
                enumColumns);
    }

    public TrackedTable withRemoteRelationships(List<ResolvedRemoteRelationship> remotes) {
        return new TrackedTable(name, table, entry, relationships, remotes, permissions, computedFields, enumColumns);
    }

    public TrackedTable withComputedFields(List<ResolvedComputedField> fields) {
        return new TrackedTable(name, table, entry, relationships, remoteRelationships, permissions, fields, enumColumns);
    }

    public TrackedTable withEnumColumns(Map<String, EnumReference> newEnumColumns) {
        return new TrackedTable(name, table, entry, relationships, remoteRelationships, permissions, computedFields,
                newEnumColumns);
    }

    /** The enum table's enum a column is typed with, if it has one. */
    public Optional<EnumReference> enumColumn(String columnName) {
        return Optional.ofNullable(enumColumns.get(columnName));
    }

    /** A computed field that fits the database, by name. */
    public Optional<ResolvedComputedField> computedField(String fieldName) {
        return computedFields.stream().filter(c -> c.name().equals(fieldName)).findFirst();
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
