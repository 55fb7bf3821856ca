package junction.schema;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeReference;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.ScalarInfo;

/**
 * Copies of a remote schema's types and root fields that name every type they use (but the
 * GraphQL spec's scalars, one instance everywhere) instead of holding the remote's own instance. graphql-java allows one instance per type name in a
 * schema; by name, a type that two remotes share (same shape) is merged once and every field of
 * either remote resolves to it.
 */
final class ByNameTypes {
    private ByNameTypes() {
    }

    static GraphQLNamedType type(GraphQLNamedType type) {
        return switch (type) {
            case GraphQLObjectType o -> o.transform(b -> b.replaceFields(o.getFieldDefinitions().stream().map(ByNameTypes::field).toList())
                    .replaceInterfaces(o.getInterfaces().stream().map(i -> GraphQLTypeReference.typeRef(i.getName())).toList()));
            case GraphQLInterfaceType i -> i.transform(b -> b.replaceFields(i.getFieldDefinitions().stream().map(ByNameTypes::field).toList())
                    .replaceInterfacesOrReferences(i.getInterfaces().stream().map(t -> GraphQLTypeReference.typeRef(t.getName())).toList()));
            case GraphQLUnionType u -> u.transform(b -> b.replacePossibleTypes(
                    u.getTypes().stream().map(t -> GraphQLTypeReference.typeRef(t.getName())).toList()));
            case GraphQLInputObjectType in -> in.transform(b -> b.replaceFields(in.getFieldDefinitions().stream()
                    .map(f -> f.transform(fb -> fb.type((GraphQLInputType) ref(f.getType())))).toList()));
            case GraphQLEnumType e -> e;
            case GraphQLScalarType s -> s;
            default -> throw new IllegalArgumentException("unexpected remote type " + type);
        };
    }

    static GraphQLFieldDefinition field(GraphQLFieldDefinition field) {
        return field.transform(b -> b.type((GraphQLOutputType) ref(field.getType()))
                .replaceArguments(field.getArguments().stream().map(ByNameTypes::argument).toList()));
    }

    private static GraphQLArgument argument(GraphQLArgument argument) {
        return argument.transform(b -> b.type((GraphQLInputType) ref(argument.getType())));
    }

    private static GraphQLType ref(GraphQLType type) {
        return switch (type) {
            case GraphQLNonNull n -> GraphQLNonNull.nonNull(ref(n.getWrappedType()));
            case GraphQLList l -> GraphQLList.list(ref(l.getWrappedType()));
            case GraphQLScalarType builtIn when ScalarInfo.isGraphqlSpecifiedScalar(builtIn) -> builtIn;
            case GraphQLNamedType named -> GraphQLTypeReference.typeRef(named.getName());
            default -> throw new IllegalArgumentException("unexpected type " + type);
        };
    }
}
