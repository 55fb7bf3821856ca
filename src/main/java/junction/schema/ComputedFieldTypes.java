package junction.schema;

import static junction.schema.TypeSet.argument;
import static junction.schema.TypeSet.input;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.nonNullListOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import junction.catalog.Column;
import junction.catalog.FunctionArgument;
import junction.catalog.TableName;
import junction.metadata.resolve.ResolvedComputedField;

/**
 * The fields computed fields add to a table's type: a scalar as a nullable field, rows of a table
 * as a list field with the list arguments of an array relationship; either with {@code args:
 * <function>_args} when the function takes arguments besides the row and the session.
 */
final class ComputedFieldTypes {
    private ComputedFieldTypes() {
    }

    static List<GraphQLFieldDefinition> fields(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables) {
        List<GraphQLFieldDefinition> out = new ArrayList<>();
        table.computedFields().forEach((name, field) -> {
            List<GraphQLArgument> arguments = new ArrayList<>();
            argumentsArgument(types, table, field).ifPresent(arguments::add);
            GraphQLFieldDefinition.Builder builder = GraphQLFieldDefinition.newFieldDefinition().name(name)
                    .description(field.description());
            if (field.scalar()) {
                builder.type(ref(types.scalar(ScalarTypes.graphqlName(field.returnColumn()))));
            } else {
                TableInfo target = tables.apply(field.returnTable().orElseThrow());
                builder.type(nonNullListOfNonNull(target.typeName()));
                arguments.addAll(TableTypes.listArguments(target));
            }
            arguments.sort(Comparator.comparing(GraphQLArgument::getName));
            out.add(builder.arguments(arguments).build());
        });
        return out;
    }

    /**
     * {@code args: <function>_args}, required when some argument has no default; none when the
     * function takes only the row (and the session).
     */
    private static java.util.Optional<GraphQLArgument> argumentsArgument(TypeSet types, TableInfo table,
                                                                      ResolvedComputedField field) {
        List<FunctionArgument> arguments = field.arguments();
        if (arguments.isEmpty()) {
            return java.util.Optional.empty();
        }
        String name = field.argumentsTypeName(table.naming());
        List<GraphQLInputObjectField> inputs = new ArrayList<>();
        boolean required = false;
        for (int i = 0; i < arguments.size(); i++) {
            Column column = ResolvedComputedField.argumentColumn(arguments.get(i), i);
            String scalar = types.scalar(ScalarTypes.graphqlName(column));
            GraphQLInputType type = arguments.get(i).hasDefault() ? ref(scalar) : nonNull(scalar);
            required |= !arguments.get(i).hasDefault();
            inputs.add(input(column.name(), type));
        }
        if (!types.has(name)) {
            types.add(GraphQLInputObjectType.newInputObject().name(name)
                    .description("input arguments for function \"" + field.function().name() + "\"")
                    .fields(inputs).build());
        }
        return java.util.Optional.of(argument("args", required ? nonNull(name) : ref(name),
                "input parameters for computed field \"" + field.name() + "\" defined on table \""
                        + table.name().name() + "\""));
    }
}
