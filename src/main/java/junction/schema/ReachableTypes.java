package junction.schema;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of the types a schema's root types lead to, through fields, arguments, input fields,
 * union members and interface implementations. A role's schema shows only these, as Hasura's does:
 * a table type the role can reach by no root field and no relationship is not in its introspection.
 */
final class ReachableTypes {
    private ReachableTypes() {
    }

    static Set<String> of(GraphQLSchema schema) {
        Set<String> seen = new HashSet<>();
        Deque<GraphQLNamedType> todo = new ArrayDeque<>();
        for (GraphQLNamedType root : new GraphQLNamedType[] {schema.getQueryType(), schema.getMutationType(),
                schema.getSubscriptionType()}) {
            if (root != null && seen.add(root.getName())) {
                todo.add(root);
            }
        }
        while (!todo.isEmpty()) {
            GraphQLNamedType type = todo.poll();
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    visit(schema, field.getType(), seen, todo);
                    for (GraphQLArgument argument : field.getArguments()) {
                        visit(schema, argument.getType(), seen, todo);
                    }
                }
            }
            if (type instanceof GraphQLInterfaceType iface) {
                schema.getImplementations(iface).forEach(o -> visit(schema, o, seen, todo));
            }
            if (type instanceof GraphQLUnionType union) {
                union.getTypes().forEach(member -> visit(schema, member, seen, todo));
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    visit(schema, field.getType(), seen, todo);
                }
            }
        }
        return seen;
    }

    private static void visit(GraphQLSchema schema, GraphQLType type, Set<String> seen, Deque<GraphQLNamedType> todo) {
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        GraphQLNamedType resolved = schema.getType(named.getName()) instanceof GraphQLNamedType t ? t : named;
        if (seen.add(resolved.getName())) {
            todo.add(resolved);
        }
    }
}
