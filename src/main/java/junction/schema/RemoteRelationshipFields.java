package junction.schema;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.metadata.resolve.ResolvedRemoteRelationship;
import junction.remote.RemoteNames;
import junction.remote.RemoteSchemaState;

/**
 * The fields remote relationships add to a table's object type: named as the relationship, typed as
 * the last remote field of its path, with the arguments the join leaves open — all in the remote
 * schema's customized names. Input objects the join fixes in part become narrower input types
 * ({@code <Type>_remote_rel_<table><relationship>}) holding only the remaining fields. A role sees
 * the field only as {@link RemoteRelationshipAccess} derives it from its view of the remote schema.
 */
final class RemoteRelationshipFields {
    private RemoteRelationshipFields() {
    }

    static List<GraphQLFieldDefinition> of(TableInfo table, Map<String, RemoteSchemaState.Ready> remotes, TypeSet types) {
        List<GraphQLFieldDefinition> fields = new ArrayList<>();
        for (ResolvedRemoteRelationship rel : table.tracked().remoteRelationships()) {
            field(rel, remotes, types).ifPresent(fields::add);
        }
        return fields;
    }

    /** The field of one relationship to a remote schema, if the role may use it. */
    static java.util.Optional<GraphQLFieldDefinition> field(ResolvedRemoteRelationship rel,
                                                            Map<String, RemoteSchemaState.Ready> remotes, TypeSet types) {
        RemoteSchemaState.Ready remote = remotes.get(rel.definition().remoteSchema());
        if (remote == null) {
            return java.util.Optional.empty();
        }
        java.util.Optional<List<GraphQLArgument>> open = RemoteRelationshipAccess.openArguments(rel, remote);
        if (open.isEmpty()) {
            return java.util.Optional.empty();
        }
        Customizer customizer = new Customizer(remote, types);
        List<GraphQLArgument> arguments = new ArrayList<>();
        for (GraphQLArgument argument : open.get()) {
            GraphQLInputType type = customizer.input(argument.getType());
            arguments.add(argument.transform(a -> a.type(type)));
        }
        arguments.sort(java.util.Comparator.comparing(GraphQLArgument::getName));
        return java.util.Optional.of(GraphQLFieldDefinition.newFieldDefinition().name(rel.name())
                .type(customizer.output(rel.type())).arguments(arguments)
                .description("A remote relationship").build());
    }

    /** Rewrites types of the remote's original schema to the names clients see. */
    private record Customizer(RemoteSchemaState.Ready remote, TypeSet types) {
        RemoteNames names() {
            return remote.customized().names();
        }

        GraphQLOutputType output(GraphQLType type) {
            return (GraphQLOutputType) wrap(type, inner -> GraphQLTypeReference.typeRef(names().customType(name(inner))));
        }

        GraphQLInputType input(GraphQLType type) {
            return (GraphQLInputType) wrap(type, inner -> {
                if (inner instanceof GraphQLInputObjectType object && remote.original().getType(object.getName()) == null) {
                    return narrowed(object);
                }
                return GraphQLTypeReference.typeRef(names().customType(name(inner)));
            });
        }

        /** A narrowed input type made for this relationship: registered under its customized name. */
        private GraphQLTypeReference narrowed(GraphQLInputObjectType object) {
            int cut = object.getName().indexOf("_remote_rel_");
            String name = names().customType(object.getName().substring(0, cut)) + object.getName().substring(cut);
            if (!types.has(name)) {
                List<GraphQLInputObjectField> fields = new ArrayList<>();
                for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                    GraphQLInputType type = input(field.getType());
                    fields.add(field.transform(f -> f.type(type)));
                }
                types.add(GraphQLInputObjectType.newInputObject(object).name(name).clearFields().fields(fields).build());
            }
            return GraphQLTypeReference.typeRef(name);
        }

        private static GraphQLType wrap(GraphQLType type, java.util.function.Function<GraphQLType, GraphQLType> named) {
            if (type instanceof GraphQLNonNull nonNull) {
                return GraphQLNonNull.nonNull(wrap(nonNull.getWrappedType(), named));
            }
            if (type instanceof GraphQLList list) {
                return GraphQLList.list(wrap(list.getWrappedType(), named));
            }
            return named.apply(type);
        }

        private static String name(GraphQLType type) {
            return ((GraphQLNamedType) type).getName();
        }
    }
}
