package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.catalog.Column;
import junction.catalog.ScalarNames;
import junction.catalog.Table;
import junction.metadata.model.GraphqlName;
import junction.metadata.model.RemoteFieldStep;
import junction.metadata.model.RemoteJoinDefinition;

/**
 * Checks a remote relationship's join template against the remote schema and the table, with
 * Hasura's messages, and works out the relationship field's type and open arguments.
 */
final class RemoteJoinValidator {
    private final Table table;
    private final RemoteJoinDefinition definition;
    private final String narrowedSuffix;

    /** @param narrowedSuffix appended to input types fixed in part: {@code _remote_rel_<table><relationship>} */
    RemoteJoinValidator(Table table, RemoteJoinDefinition definition, String narrowedSuffix) {
        this.table = table;
        this.definition = definition;
        this.narrowedSuffix = narrowedSuffix;
    }

    /** Thrown with Hasura's reason text; the caller turns it into an inconsistency. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    ResolvedRemoteRelationship validate(String name, GraphQLSchema remote) {
        for (String field : definition.lhsFields()) {
            if (table.column(field).isEmpty()) {
                throw new Invalid("field with name \"" + field + "\" not found in table \"" + table.name() + "\"");
            }
        }
        GraphQLFieldsContainer parent = remote.getQueryType();
        List<GraphQLFieldDefinition> path = new ArrayList<>();
        GraphQLFieldDefinition field = null;
        for (RemoteFieldStep step : definition.path()) {
            if (parent == null) {
                throw new Invalid("field with name \"" + step.field() + "\" not found in remote schema");
            }
            field = parent.getFieldDefinition(step.field());
            if (field == null) {
                throw new Invalid("remote field with name \"" + step.field() + "\" and type \"" + parent.getName() + "\" not found");
            }
            for (Map.Entry<String, JsonNode> argument : step.arguments().entrySet()) {
                GraphQLArgument declared = field.getArgument(argument.getKey());
                if (declared == null) {
                    throw new Invalid("argument with name \"" + argument.getKey() + "\" not found in remote schema");
                }
                checkValue(argument.getValue(), declared.getType());
            }
            path.add(field);
            GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(field.getType());
            parent = unwrapped instanceof GraphQLFieldsContainer c ? c : null;
        }
        List<GraphQLArgument> open = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            JsonNode template = definition.last().arguments().get(argument.getName());
            if (template == null) {
                open.add(argument);
                continue;
            }
            GraphQLInputType narrowed = narrow(argument.getType(), template);
            if (narrowed != null) {
                open.add(argument.transform(a -> a.type(narrowed)));
            }
        }
        return new ResolvedRemoteRelationship(name, definition, path, (GraphQLOutputType) field.getType(), open);
    }

    private void checkValue(JsonNode value, GraphQLInputType expected) {
        GraphQLInputType type = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(expected);
        if (value.isNull()) {
            throw new Invalid("null is not allowed here");
        }
        if (value.isTextual() && value.textValue().startsWith("$")) {
            checkColumn(value.textValue().substring(1), type);
            return;
        }
        if (type instanceof GraphQLList list) {
            if (!value.isArray()) {
                checkValue(value, (GraphQLInputType) list.getWrappedType());
                return;
            }
            if (value.size() > 1) {
                throw new Invalid("multiple elements in list value is not supported");
            }
            for (JsonNode element : value) {
                checkValue(element, (GraphQLInputType) list.getWrappedType());
            }
            return;
        }
        if (value.isArray()) {
            throw new Invalid("type \"" + typeName(type) + "\" is not a list type");
        }
        if (value.isObject()) {
            if (!(type instanceof GraphQLInputObjectType object)) {
                throw new Invalid("type \"" + typeName(type) + "\" is invalid for stripping");
            }
            value.fields().forEachRemaining(e -> {
                GraphQLInputObjectField field = object.getField(e.getKey());
                if (field == null) {
                    throw new Invalid("argument with name \"" + e.getKey() + "\" not found in remote schema");
                }
                checkValue(e.getValue(), field.getType());
            });
            return;
        }
        checkLiteral(value, type);
    }

    /**
     * A {@code $column} may feed an argument whose values its values can be written as: numbers feed
     * {@code Int} and {@code Float}, text-like values {@code String}, booleans {@code Boolean};
     * {@code ID} takes numbers, text and uuids; custom scalars take anything; a single value feeds a
     * list argument and an array column a list of what its elements feed. Remote enums and input
     * objects cannot be fed from a column.
     */
    private void checkColumn(String columnName, GraphQLInputType type) {
        if (!definition.lhsFields().contains(columnName)) {
            throw new Invalid("variable \"" + columnName + "\" is not found");
        }
        Column column = table.column(columnName).orElseThrow(() -> new Invalid("variable \"" + columnName + "\" is not found"));
        GraphQLType target = GraphQLTypeUtil.unwrapNonNull(type);
        String pgType = column.type();
        String category = column.category();
        String actual = ScalarNames.of(pgType);
        if (column.isArray()) {
            pgType = pgType.startsWith("_") ? pgType.substring(1) : pgType;
            actual = "[" + ScalarNames.of(pgType) + "]";
            if (!(target instanceof GraphQLList list)) {
                throw new Invalid("expected type \"" + typeName(GraphQLTypeUtil.unwrapAll(type)) + "\" but got \"" + actual + "\"");
            }
            target = GraphQLTypeUtil.unwrapNonNull(list.getWrappedType());
            category = elementCategory(pgType);
        }
        GraphQLType base = GraphQLTypeUtil.unwrapAll(target);
        if (base instanceof GraphQLEnumType) {
            throw new Invalid("enum value is not supported");
        }
        String wanted = typeName(base);
        if (!feeds(pgType, category, base)) {
            throw new Invalid("expected type \"" + wanted + "\" but got \"" + actual + "\"");
        }
    }

    private static boolean feeds(String pgType, String category, GraphQLType base) {
        if (!(base instanceof GraphQLScalarType scalar)) {
            return false;
        }
        boolean json = pgType.equals("json") || pgType.equals("jsonb");
        boolean number = category.equals("N");
        boolean bool = category.equals("B");
        return switch (scalar.getName()) {
            case "Int", "Float" -> number;
            case "Boolean" -> bool;
            case "String" -> !number && !bool && !json;
            case "ID" -> number || category.equals("S") || pgType.equals("uuid");
            default -> true;
        };
    }

    /** Postgres' type category of an array's element type, from its name (arrays report category A). */
    private static String elementCategory(String elementType) {
        return switch (elementType) {
            case "int2", "int4", "int8", "numeric", "float4", "float8" -> "N";
            case "bool" -> "B";
            case "text", "varchar", "bpchar", "name", "citext" -> "S";
            default -> "U";
        };
    }

    private static void checkLiteral(JsonNode value, GraphQLInputType type) {
        if (type instanceof GraphQLEnumType) {
            throw new Invalid("enum value is not supported");
        }
        String wanted = typeName(type);
        String actual = value.isIntegralNumber() ? "Int" : value.isNumber() ? "Float" : value.isBoolean() ? "Boolean" : "String";
        boolean ok = switch (wanted) {
            case "Int" -> actual.equals("Int");
            case "Float" -> actual.equals("Int") || actual.equals("Float");
            case "String", "Boolean" -> actual.equals(wanted);
            case "ID" -> actual.equals("Int") || actual.equals("String");
            default -> !(type instanceof GraphQLInputObjectType);
        };
        if (!ok) {
            throw new Invalid("expected type \"" + wanted + "\" but got \"" + actual + "\"");
        }
    }

    /**
     * The argument type left for the client once the template fixed {@code template}, or null if fixed
     * whole. What the template fixes in part stays non-null only while the rest still has a required
     * field: the template already gives the remote a value there, so the client need not.
     */
    private GraphQLInputType narrow(GraphQLInputType type, JsonNode template) {
        boolean nonNull = type instanceof GraphQLNonNull;
        GraphQLInputType inner = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        GraphQLInputType out;
        if (template.isObject() && inner instanceof GraphQLInputObjectType object) {
            out = narrowObject(object, template);
        } else if (template.isArray() && template.size() == 1 && inner instanceof GraphQLList list) {
            GraphQLInputType element = narrow((GraphQLInputType) list.getWrappedType(), template.get(0));
            out = element == null ? null : GraphQLList.list(element);
        } else {
            out = null;
        }
        if (out == null) {
            return null;
        }
        return nonNull && requiresInput(out) ? GraphQLNonNull.nonNull(out) : out;
    }

    /** Whether a value of this narrowed type must name some field (a non-null one without default). */
    private static boolean requiresInput(GraphQLInputType type) {
        if (!(type instanceof GraphQLInputObjectType object)) {
            return false;
        }
        return object.getFieldDefinitions().stream()
                .anyMatch(f -> f.getType() instanceof GraphQLNonNull && !f.hasSetDefaultValue());
    }

    private GraphQLInputType narrowObject(GraphQLInputObjectType object, JsonNode template) {
        List<GraphQLInputObjectField> remaining = new ArrayList<>();
        for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
            JsonNode fixed = template.get(field.getName());
            if (fixed == null) {
                remaining.add(field);
                continue;
            }
            GraphQLInputType narrowed = narrow(field.getType(), fixed);
            if (narrowed != null) {
                remaining.add(field.transform(f -> f.type(narrowed)));
            }
        }
        if (remaining.isEmpty()) {
            return null;
        }
        remaining.sort(java.util.Comparator.comparing(GraphQLInputObjectField::getName));
        String name = object.getName() + narrowedSuffix;
        if (!GraphqlName.isValid(name)) {
            throw new Invalid(GraphqlName.cannotInclude(name));
        }
        return GraphQLInputObjectType.newInputObject(object).name(name)
                .clearFields().fields(remaining).build();
    }

    private static String typeName(GraphQLType type) {
        return type instanceof GraphQLNamedType named ? named.getName() : GraphQLTypeUtil.simplePrint(type);
    }
}
