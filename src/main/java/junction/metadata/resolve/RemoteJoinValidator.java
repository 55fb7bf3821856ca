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
import junction.metadata.model.GraphqlName;
import junction.metadata.model.RemoteBatch;
import junction.metadata.model.RemoteFieldStep;
import junction.metadata.model.RemoteJoinDefinition;

/**
 * Checks a remote relationship's join template against the remote schema and the table, with
 * Hasura's messages, and works out the relationship field's type and open arguments.
 */
final class RemoteJoinValidator {
    private final TrackedTable table;
    private final RemoteJoinDefinition definition;
    private final String narrowedSuffix;

    /** @param narrowedSuffix appended to input types fixed in part: {@code _remote_rel_<table><relationship>} */
    RemoteJoinValidator(TrackedTable table, RemoteJoinDefinition definition, String narrowedSuffix) {
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

    /**
     * A join field: a column, or a scalar computed field whose function takes only the row (and
     * the session), as a column-like value.
     */
    private java.util.Optional<Column> joinField(String name) {
        return table.table().column(name)
                .or(() -> table.computedField(name).filter(ResolvedComputedField::plain).map(ResolvedComputedField::returnColumn));
    }

    ResolvedRemoteRelationship validate(String name, GraphQLSchema remote) {
        for (String field : definition.lhsFields()) {
            if (joinField(field).isEmpty()) {
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
        GraphQLFieldDefinition batchField = definition.batch().isEmpty() ? null
                : batch(definition.batch().get(), remote, field, open);
        return new ResolvedRemoteRelationship(name, definition, path, (GraphQLOutputType) field.getType(), open, batchField);
    }

    /**
     * Checks {@code batch}: one field in {@code remote_field}, whose result is not a list, whose template
     * arguments take join columns (the items replace them) or are fixed values the list field takes
     * too (sent to it as they are); a list field of the query root whose
     * list argument takes the items (the column's type, or the item template's) and whose result is a
     * list of the relationship's type (or of an abstract type holding it); the key a field of that type;
     * the client's open arguments arguments of the list field too.
     */
    private GraphQLFieldDefinition batch(RemoteBatch batch, GraphQLSchema remote, GraphQLFieldDefinition field,
                                         List<GraphQLArgument> open) {
        if (definition.path().size() != 1) {
            throw new Invalid("batch needs a remote_field of one field");
        }
        GraphQLType result = GraphQLTypeUtil.unwrapNonNull(field.getType());
        if (result instanceof GraphQLList) {
            throw new Invalid("batch needs a remote field whose type is not a list");
        }
        GraphQLFieldDefinition list = remote.getQueryType().getFieldDefinition(batch.field());
        if (list == null) {
            throw new Invalid("batch field with name \"" + batch.field() + "\" not found in remote schema");
        }
        for (Map.Entry<String, JsonNode> argument : definition.last().arguments().entrySet()) {
            if (!usesColumn(argument.getValue())) {
                GraphQLArgument same = list.getArgument(argument.getKey());
                if (same == null || argument.getKey().equals(batch.argument())) {
                    throw new Invalid("with batch, the fixed argument \"" + argument.getKey() + "\" of \"" + field.getName()
                            + "\" must be an argument of batch field \"" + batch.field() + "\" other than \"" + batch.argument() + "\"");
                }
                checkValue(argument.getValue(), same.getType());
            }
        }
        GraphQLArgument argument = list.getArgument(batch.argument());
        if (argument == null) {
            throw new Invalid("argument with name \"" + batch.argument() + "\" not found in batch field \"" + batch.field() + "\"");
        }
        if (!(GraphQLTypeUtil.unwrapNonNull(argument.getType()) instanceof GraphQLList items)) {
            throw new Invalid("batch argument \"" + batch.argument() + "\" of \"" + batch.field() + "\" is not a list type");
        }
        GraphQLInputType item = (GraphQLInputType) items.getWrappedType();
        if (batch.item() != null) {
            checkItem(batch.item(), item);
        } else if (definition.lhsFields().size() != 1) {
            throw new Invalid("batch without \"item\" needs exactly one join field");
        } else {
            checkColumn(definition.lhsFields().getFirst(), item);
        }
        if (!(GraphQLTypeUtil.unwrapNonNull(list.getType()) instanceof GraphQLList answers)) {
            throw new Invalid("batch field \"" + batch.field() + "\" does not return a list");
        }
        GraphQLType answer = GraphQLTypeUtil.unwrapAll(answers);
        GraphQLType own = GraphQLTypeUtil.unwrapAll(field.getType());
        if (!typeName(answer).equals(typeName(own)) && !holds(remote, answer, own)) {
            throw new Invalid("batch field \"" + batch.field() + "\" returns \"" + typeName(answer) + "\", not a list of \""
                    + typeName(own) + "\"");
        }
        if (batch.key() != null) {
            if (definition.lhsFields().size() != 1) {
                throw new Invalid("batch \"key\" needs exactly one join field to compare with");
            }
            if (!(own instanceof GraphQLFieldsContainer fields) || fields.getFieldDefinition(batch.key()) == null) {
                throw new Invalid("key field with name \"" + batch.key() + "\" not found in type \"" + typeName(own) + "\"");
            }
        }
        for (GraphQLArgument given : open) {
            if (list.getArgument(given.getName()) == null) {
                throw new Invalid("argument \"" + given.getName() + "\" of \"" + field.getName() + "\" is not an argument of batch field \""
                        + batch.field() + "\"");
            }
        }
        return list;
    }

    /** Whether an abstract type (union, interface) of the remote may be the object type {@code own}. */
    private static boolean holds(GraphQLSchema remote, GraphQLType abstractType, GraphQLType own) {
        return abstractType instanceof graphql.schema.GraphQLNamedOutputType named
                && named instanceof graphql.schema.GraphQLCompositeType
                && !(named instanceof graphql.schema.GraphQLObjectType)
                && own instanceof graphql.schema.GraphQLObjectType object
                && remote.isPossibleType(named, object);
    }

    /** An item template: a custom scalar ({@code _Any}) takes any JSON; otherwise checked as an argument value. */
    private void checkItem(JsonNode item, GraphQLInputType type) {
        GraphQLType base = GraphQLTypeUtil.unwrapNonNull(type);
        if (base instanceof GraphQLScalarType scalar
                && !java.util.Set.of("Int", "Float", "String", "Boolean", "ID").contains(scalar.getName())) {
            checkColumns(item);
            return;
        }
        checkValue(item, type);
    }

    private void checkColumns(JsonNode value) {
        if (value.isTextual() && value.textValue().startsWith("$")
                && !definition.lhsFields().contains(value.textValue().substring(1))) {
            throw new Invalid("variable \"" + value.textValue().substring(1) + "\" is not found");
        }
        value.forEach(this::checkColumns);
    }

    private static boolean usesColumn(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue().startsWith("$");
        }
        for (JsonNode child : value) {
            if (usesColumn(child)) {
                return true;
            }
        }
        return false;
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
        Column column = joinField(columnName).orElseThrow(() -> new Invalid("variable \"" + columnName + "\" is not found"));
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
