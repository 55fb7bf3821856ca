package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import junction.catalog.TableName;

/** One tracked table with everything metadata attaches to it. */
public record TableEntry(TableName table, TableConfig configuration, boolean isEnum,
                         List<Relationship> objectRelationships, List<Relationship> arrayRelationships,
                         List<RemoteRelationship> remoteRelationships,
                         List<Permission> selectPermissions, List<Permission> insertPermissions,
                         List<Permission> updatePermissions, List<Permission> deletePermissions,
                         List<ComputedField> computedFields, List<JsonNode> eventTriggers) {
    public TableEntry {
        objectRelationships = List.copyOf(objectRelationships);
        arrayRelationships = List.copyOf(arrayRelationships);
        remoteRelationships = List.copyOf(remoteRelationships);
        selectPermissions = List.copyOf(selectPermissions);
        insertPermissions = List.copyOf(insertPermissions);
        updatePermissions = List.copyOf(updatePermissions);
        deletePermissions = List.copyOf(deletePermissions);
        computedFields = List.copyOf(computedFields);
        eventTriggers = List.copyOf(eventTriggers);
    }

    public static TableEntry tracked(TableName table, TableConfig configuration, boolean isEnum) {
        return new TableEntry(table, configuration, isEnum, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    /** Object and array relationships, in that order. */
    public Stream<Relationship> relationships() {
        return Stream.concat(objectRelationships.stream(), arrayRelationships.stream());
    }

    public Optional<Relationship> relationship(String name) {
        return relationships().filter(r -> r.name().equals(name)).findFirst();
    }

    public boolean hasFieldNamed(String name) {
        return relationship(name).isPresent() || remoteRelationships.stream().anyMatch(r -> r.name().equals(name))
                || computedField(name).isPresent();
    }

    public Optional<ComputedField> computedField(String name) {
        return computedFields.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public TableEntry withComputedFields(List<ComputedField> fields) {
        return new TableEntry(table, configuration, isEnum, objectRelationships, arrayRelationships,
                remoteRelationships, selectPermissions, insertPermissions, updatePermissions, deletePermissions,
                fields, eventTriggers);
    }

    public TableEntry withTable(TableName newTable) {
        return new TableEntry(newTable, configuration, isEnum, objectRelationships, arrayRelationships,
                remoteRelationships, selectPermissions, insertPermissions, updatePermissions, deletePermissions,
                computedFields, eventTriggers);
    }

    public TableEntry withConfiguration(TableConfig newConfiguration) {
        return new TableEntry(table, newConfiguration, isEnum, objectRelationships, arrayRelationships,
                remoteRelationships, selectPermissions, insertPermissions, updatePermissions, deletePermissions,
                computedFields, eventTriggers);
    }

    public TableEntry withRelationships(List<Relationship> objects, List<Relationship> arrays) {
        return new TableEntry(table, configuration, isEnum, objects, arrays, remoteRelationships, selectPermissions,
                insertPermissions, updatePermissions, deletePermissions, computedFields, eventTriggers);
    }

    public TableEntry withRemoteRelationships(List<RemoteRelationship> remotes) {
        return new TableEntry(table, configuration, isEnum, objectRelationships, arrayRelationships, remotes,
                selectPermissions, insertPermissions, updatePermissions, deletePermissions, computedFields,
                eventTriggers);
    }

    public TableEntry withPermissions(List<Permission> select, List<Permission> insert, List<Permission> update,
                                      List<Permission> delete) {
        return new TableEntry(table, configuration, isEnum, objectRelationships, arrayRelationships,
                remoteRelationships, select, insert, update, delete, computedFields, eventTriggers);
    }

    /** This entry without {@code role}'s permission of a kind ({@code select}, {@code insert}, {@code update}, {@code delete}). */
    public TableEntry withoutPermission(String kind, String role) {
        return withPermissions(
                kind.equals("select") ? withoutRole(selectPermissions, role) : selectPermissions,
                kind.equals("insert") ? withoutRole(insertPermissions, role) : insertPermissions,
                kind.equals("update") ? withoutRole(updatePermissions, role) : updatePermissions,
                kind.equals("delete") ? withoutRole(deletePermissions, role) : deletePermissions);
    }

    private static List<Permission> withoutRole(List<Permission> list, String role) {
        return list.stream().filter(p -> !p.role().equals(role)).toList();
    }

    /** This entry without the named object/array relationship. */
    public TableEntry withoutRelationship(String name) {
        return withRelationships(without(objectRelationships, name), without(arrayRelationships, name));
    }

    private static List<Relationship> without(List<Relationship> list, String name) {
        List<Relationship> out = new ArrayList<>(list);
        out.removeIf(r -> r.name().equals(name));
        return out;
    }
}
