package junction.execute;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The first thing wrong with a literal argument value against its input type, found by walking
 * both (graphql-java says only that the argument is wrong), in Hasura's words: a field the input
 * type does not have, a required field missing, or a value of the wrong kind — with the path to it.
 */
record ValueProblem(String message, String path) {
    static Optional<ValueProblem> find(Value<?> value, GraphQLInputType type, String path) {
        return Optional.ofNullable(check(value, type, path));
    }

    private static ValueProblem check(Value<?> value, GraphQLInputType type, String path) {
        if (value instanceof VariableReference) {
            return null;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            if (value instanceof NullValue) {
                return new ValueProblem("expected a non-null value for type '" + GraphQLTypeUtil.simplePrint(type)
                        + "', but found null", path);
            }
            return check(value, (GraphQLInputType) nonNull.getWrappedType(), path);
        }
        if (value instanceof NullValue) {
            return null;
        }
        return switch (type) {
            case GraphQLList list -> list(value, (GraphQLInputType) list.getWrappedType(), path);
            case GraphQLInputObjectType object -> object(value, object, path);
            case GraphQLEnumType e -> value instanceof EnumValue v && e.getValue(v.getName()) != null ? null
                    : new ValueProblem(expected(e, value), path);
            case GraphQLScalarType scalar -> parses(scalar, value) ? null : new ValueProblem(expected(scalar, value), path);
            default -> null;
        };
    }

    private static ValueProblem list(Value<?> value, GraphQLInputType element, String path) {
        if (!(value instanceof ArrayValue array)) {
            return check(value, element, path);
        }
        for (int i = 0; i < array.getValues().size(); i++) {
            ValueProblem problem = check(array.getValues().get(i), element, path + "[" + i + "]");
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static ValueProblem object(Value<?> value, GraphQLInputObjectType type, String path) {
        if (!(value instanceof ObjectValue object)) {
            return new ValueProblem(expected(type, value), path);
        }
        Set<String> given = new HashSet<>();
        for (ObjectField field : object.getObjectFields()) {
            given.add(field.getName());
            GraphQLInputObjectField definition = type.getField(field.getName());
            String fieldPath = path + "." + field.getName();
            if (definition == null) {
                return new ValueProblem("field '" + field.getName() + "' not found in type: '" + type.getName() + "'",
                        fieldPath);
            }
            ValueProblem problem = check(field.getValue(), definition.getType(), fieldPath);
            if (problem != null) {
                return problem;
            }
        }
        for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
            if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue() && !given.contains(field.getName())) {
                return new ValueProblem("missing required field '" + field.getName() + "'", path);
            }
        }
        return null;
    }

    private static boolean parses(GraphQLScalarType scalar, Value<?> value) {
        try {
            scalar.getCoercing().parseLiteral(value, CoercedVariables.emptyVariables(), GraphQLContext.getDefault(),
                    Locale.ENGLISH);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Hasura's wording for a value of the wrong kind: what the type expects, and what was found. */
    static String expected(graphql.schema.GraphQLNamedType type, Value<?> value) {
        String found = switch (value) {
            case StringValue s -> "a string";
            case IntValue i -> "an integer";
            case FloatValue f -> "a float";
            case BooleanValue b -> "a boolean";
            case EnumValue e -> "an enum value '" + e.getName() + "'";
            case ObjectValue o -> "an object";
            case ArrayValue a -> "a list";
            case NullValue n -> "null";
            default -> "a value";
        };
        if (type instanceof GraphQLEnumType e) {
            String values = String.join(", ", e.getValues().stream().map(v -> "'" + v.getName() + "'").toList());
            return "expected one of the values [" + values + "] for type '" + type.getName() + "', but found " + found;
        }
        String expectation = switch (type.getName()) {
            case "Int" -> "a 32-bit integer";
            case "Float" -> "a float";
            case "String" -> "a string";
            case "Boolean" -> "a boolean";
            default -> type instanceof GraphQLInputObjectType ? "an object" : "a value";
        };
        return "expected " + expectation + " for type '" + type.getName() + "', but found " + found;
    }
}
