package junction.schema;

import static junction.schema.TypeSet.nonNullListOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.TableName;
import junction.metadata.resolve.ResolvedRemoteSchemaRelationship;
import junction.metadata.resolve.Snapshot;
import junction.remote.RemoteSchemaState;

/**
 * The fields relationships of remote schemas add to the remote's object types in a role's schema:
 * to a table, {@code rel: [T!]!} with the list arguments (array) or {@code rel: T} (object); to
 * another remote schema, the remote field's type with the arguments the join leaves open. A role sees
 * such a field only when it sees both sides: the type and its join fields in its view of the remote
 * schema, and the target table (select permission) or the target remote field
 * ({@link RemoteRelationshipAccess}). The extended types are added before the remote's own, which
 * then keep them.
 */
final class RemoteSchemaRelationshipFields {
    private RemoteSchemaRelationshipFields() {
    }

    /** Adds the extended types; returns the relationships added, by type name (in the role's schema) and field name. */
    static Map<String, Map<String, ResolvedRemoteSchemaRelationship>> add(Snapshot snapshot,
                                                                          Map<String, RemoteSchemaState.Ready> remotes,
                                                                          Map<String, Map<TableName, TableInfo>> tables,
                                                                          TypeSet types) {
        Map<String, Map<String, ResolvedRemoteSchemaRelationship>> added = new LinkedHashMap<>();
        remotes.forEach((name, remote) -> {
            Map<String, List<GraphQLFieldDefinition>> byType = new LinkedHashMap<>();
            for (ResolvedRemoteSchemaRelationship rel : snapshot.remoteSchemaRelationships(name)) {
                if (!sees(remote, rel)) {
                    continue;
                }
                String typeName = remote.customized().names().customType(rel.typeName());
                field(rel, remotes, tables, types).ifPresent(field -> {
                    byType.computeIfAbsent(typeName, k -> new ArrayList<>()).add(field);
                    added.computeIfAbsent(typeName, k -> new LinkedHashMap<>()).put(rel.name(), rel);
                });
            }
            byType.forEach((typeName, fields) -> {
                if (remote.customized().schema().getType(typeName) instanceof GraphQLObjectType type) {
                    List<GraphQLFieldDefinition> all = new ArrayList<>(type.getFieldDefinitions());
                    all.addAll(fields);
                    GraphQLObjectType extended = type.transform(b -> b.replaceFields(all));
                    types.add(ByNameTypes.type(extended));
                }
            });
        });
        return added;
    }

    /** Whether the role's view of the remote has the type and every join field. */
    private static boolean sees(RemoteSchemaState.Ready remote, ResolvedRemoteSchemaRelationship rel) {
        if (!(remote.original().getType(rel.typeName()) instanceof GraphQLFieldsContainer type)) {
            return false;
        }
        return rel.lhsFields().stream().allMatch(f -> type.getFieldDefinition(f) != null);
    }

    private static Optional<GraphQLFieldDefinition> field(ResolvedRemoteSchemaRelationship rel,
                                                          Map<String, RemoteSchemaState.Ready> remotes,
                                                          Map<String, Map<TableName, TableInfo>> tables, TypeSet types) {
        return switch (rel) {
            case ResolvedRemoteSchemaRelationship.ToRemote toRemote -> RemoteRelationshipFields.field(toRemote.join(), remotes, types);
            case ResolvedRemoteSchemaRelationship.ToSource toSource -> {
                TableInfo table = tables.getOrDefault(toSource.source(), Map.of()).get(toSource.table());
                if (table == null || !table.selectable()) {
                    yield Optional.empty();
                }
                GraphQLFieldDefinition.Builder field = GraphQLFieldDefinition.newFieldDefinition().name(rel.name())
                        .description("A remote relationship");
                if (toSource.array()) {
                    field.type(nonNullListOfNonNull(table.typeName())).arguments(TableTypes.listArguments(table));
                } else {
                    field.type(ref(table.typeName()));
                }
                yield Optional.of(field.build());
            }
        };
    }
}
