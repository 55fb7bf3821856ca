package junction.schema;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import java.util.Set;
import junction.catalog.Column;
import junction.catalog.ScalarNames;

/**
 * Postgres types as Hasura names them in GraphQL: {@code int4 → Int}, {@code text/varchar →
 * String}, {@code bool → Boolean}, {@code float4 → Float}; every other type keeps its Postgres name
 * as a custom scalar ({@code bigint}, {@code numeric}, {@code uuid}, {@code jsonb}, …); an array column
 * has its element's scalar ({@code int4[]} is {@code [Int!]}, see {@link TypeSet#columnValue}).
 */
public final class ScalarTypes {
    private static final Set<String> BUILT_IN = Set.of("Int", "String", "Boolean", "Float", "ID");

    private ScalarTypes() {
    }

    /** The GraphQL scalar name of a column's type. */
    public static String graphqlName(Column column) {
        return ScalarNames.of(column.isArray() ? elementType(column) : column.type());
    }

    /** An array column's element type: {@code text} for {@code _text} (Postgres names array types so). */
    static String elementType(Column column) {
        return column.type().startsWith("_") ? column.type().substring(1) : column.type();
    }

    public static boolean isNumeric(Column column) {
        return column.category().equals("N");
    }

    /** Text types: they get the {@code _like}/{@code _regex} family of operators. */
    public static boolean isText(Column column) {
        return column.category().equals("S");
    }

    public static boolean isJsonb(Column column) {
        return column.type().equals("jsonb");
    }

    /** Types Postgres can order, for {@code max}/{@code min}: numbers, strings, dates and times. */
    public static boolean isComparable(Column column) {
        return switch (column.category()) {
            case "N", "S", "D", "T" -> true;
            default -> false;
        };
    }

    /** json has no equality in Postgres: only {@code _is_null} applies to it. */
    public static boolean hasEquality(Column column) {
        return !column.type().equals("json");
    }

    public static GraphQLScalarType scalar(String name) {
        return switch (name) {
            case "Int" -> Scalars.GraphQLInt;
            case "String" -> Scalars.GraphQLString;
            case "Boolean" -> Scalars.GraphQLBoolean;
            case "Float" -> Scalars.GraphQLFloat;
            case "ID" -> Scalars.GraphQLID;
            default -> custom(name);
        };
    }

    public static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name);
    }

    /** A Postgres-typed scalar: any JSON value passes here; Postgres checks it when it is cast. */
    private static GraphQLScalarType custom(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(LENIENT).build();
    }

    private static final Coercing<Object, Object> LENIENT = new Coercing<>() {
        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) {
            return result;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return input;
        }
    };
}
