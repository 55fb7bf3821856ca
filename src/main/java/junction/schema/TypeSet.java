package junction.schema;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeReference;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named types of a schema under construction, each added once, plus the small vocabulary the
 * type builders share (references, non-null, lists).
 */
final class TypeSet {
    private final Map<String, GraphQLNamedType> types = new LinkedHashMap<>();

    boolean has(String name) {
        return types.containsKey(name);
    }

    /** The built-in scalars that may be referenced by name anywhere. */
    TypeSet() {
        for (String name : new String[] {"Int", "String", "Boolean", "Float"}) {
            add(ScalarTypes.scalar(name));
        }
    }

    void add(GraphQLNamedType type) {
        types.putIfAbsent(type.getName(), type);
    }

    /** The scalar with this name, added on first use. */
    String scalar(String name) {
        add(ScalarTypes.scalar(name));
        return name;
    }

    /** Leaves out the named types. */
    void removeAll(java.util.Set<String> names) {
        types.keySet().removeAll(names);
    }

    Collection<GraphQLNamedType> all() {
        return types.values();
    }

    /**
     * Every type, and every type one of them refers to directly rather than by name (a built-in
     * scalar such as {@code ID} in a remote schema's types): graphql-java's {@code FastBuilder}
     * finds no type it is not given.
     */
    Collection<GraphQLNamedType> closed() {
        Map<String, GraphQLNamedType> out = new LinkedHashMap<>(types);
        java.util.Deque<GraphQLNamedType> todo = new java.util.ArrayDeque<>(types.values());
        while (!todo.isEmpty()) {
            GraphQLNamedType type = todo.poll();
            java.util.List<graphql.schema.GraphQLType> refs = new java.util.ArrayList<>();
            if (type instanceof graphql.schema.GraphQLFieldsContainer container) {
                container.getFieldDefinitions().forEach(f -> {
                    refs.add(f.getType());
                    f.getArguments().forEach(a -> refs.add(a.getType()));
                });
            }
            if (type instanceof graphql.schema.GraphQLInputObjectType input) {
                input.getFieldDefinitions().forEach(f -> refs.add(f.getType()));
            }
            if (type instanceof graphql.schema.GraphQLUnionType union) {
                refs.addAll(union.getTypes());
            }
            if (type instanceof graphql.schema.GraphQLImplementingType implementing) {
                refs.addAll(implementing.getInterfaces());
            }
            for (graphql.schema.GraphQLType ref : refs) {
                while (ref instanceof graphql.schema.GraphQLModifiedType modified) {
                    ref = modified.getWrappedType();
                }
                if (ref instanceof GraphQLNamedType named && !(named instanceof GraphQLTypeReference)
                        && out.putIfAbsent(named.getName(), named) == null) {
                    todo.add(named);
                }
            }
        }
        return out.values();
    }

    static GraphQLTypeReference ref(String name) {
        return GraphQLTypeReference.typeRef(name);
    }

    static GraphQLNonNull nonNull(String name) {
        return GraphQLNonNull.nonNull(ref(name));
    }

    /** {@code [name!]} */
    static GraphQLList listOfNonNull(String name) {
        return GraphQLList.list(nonNull(name));
    }

    /** {@code [name!]!} */
    static GraphQLNonNull nonNullListOfNonNull(String name) {
        return GraphQLNonNull.nonNull(listOfNonNull(name));
    }

    /**
     * The type of a column's values named {@code scalar}: {@code [scalar!]} for an array column (as
     * Hasura exposes Postgres arrays: {@code text[]} is {@code [String!]}), non-null when asked.
     */
    static graphql.schema.GraphQLType columnValue(String scalar, junction.catalog.Column column, boolean nonNull) {
        graphql.schema.GraphQLType type = column.isArray() ? listOfNonNull(scalar) : ref(scalar);
        return nonNull ? GraphQLNonNull.nonNull(type) : type;
    }

    static GraphQLFieldDefinition field(String name, GraphQLOutputType type, String description) {
        return GraphQLFieldDefinition.newFieldDefinition().name(name).type(type).description(description).build();
    }

    static GraphQLInputObjectField input(String name, GraphQLInputType type) {
        return GraphQLInputObjectField.newInputObjectField().name(name).type(type).build();
    }

    static GraphQLArgument argument(String name, GraphQLInputType type, String description) {
        return GraphQLArgument.newArgument().name(name).type(type).description(description).build();
    }
}
