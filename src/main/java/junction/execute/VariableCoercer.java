package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLList;
import java.util.Iterator;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.json.Json;

/**
 * Checks the request's variable values against the operation's variable definitions and fills in
 * defaults. Values stay JSON; Postgres-typed scalars are checked by Postgres when cast.
 */
final class VariableCoercer {

    ObjectNode coerce(GraphQLSchema schema, OperationDefinition operation, ObjectNode given) {
        ObjectNode out = Json.object();
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            String name = definition.getName();
            String path = "$.variableValues." + name;
            JsonNode value = given.get(name);
            if (value == null) {
                if (definition.getDefaultValue() != null) {
                    out.set(name, ValueJson.of(definition.getDefaultValue()));
                } else if (definition.getType() instanceof NonNullType) {
                    throw failed("expecting a value for non-nullable variable: \"" + name + "\"", "$");
                }
                continue;
            }
            check(schema, definition.getType(), value, path);
            out.set(name, value);
        }
        return out;
    }

    private void check(GraphQLSchema schema, Type<?> type, JsonNode value, String path) {
        switch (type) {
            case NonNullType nonNull -> {
                if (value.isNull()) {
                    throw failed("null value found for non-nullable type: \"" + print(type) + "\"", path);
                }
                check(schema, nonNull.getType(), value, path);
            }
            case ListType list -> {
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        check(schema, list.getType(), value.get(i), JsonPath.index(path, i));
                    }
                } else if (!value.isNull()) {
                    check(schema, list.getType(), value, path);
                }
            }
            case TypeName named -> {
                if (!value.isNull()) {
                    checkNamed(schema, (GraphQLNamedType) schema.getType(named.getName()), value, path);
                }
            }
            default -> throw failed("unexpected type " + type, path);
        }
    }

    private void checkNamed(GraphQLSchema schema, GraphQLNamedType type, JsonNode value, String path) {
        switch (type) {
            case GraphQLScalarType scalar -> checkScalar(scalar.getName(), value, path);
            case GraphQLEnumType e -> {
                if (!value.isTextual() || e.getValue(value.textValue()) == null) {
                    String values = String.join(", ", e.getValues().stream()
                            .map(GraphQLEnumValueDefinition::getName).map(v -> "'" + v + "'").toList());
                    throw failed("expected one of the values [" + values + "] for type '" + e.getName()
                            + "', but found " + describe(value), path);
                }
            }
            case GraphQLInputObjectType object -> checkObject(schema, object, value, path);
            case null -> throw failed("unknown type", path);
            default -> throw failed("type '" + type.getName() + "' is not an input type", path);
        }
    }

    private void checkObject(GraphQLSchema schema, GraphQLInputObjectType object, JsonNode value, String path) {
        if (!value.isObject()) {
            throw failed("expected an object for type '" + object.getName() + "', but found " + describe(value), path);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            GraphQLInputObjectField field = object.getField(e.getKey());
            String at = JsonPath.key(path, e.getKey());
            if (field == null) {
                throw failed("field '" + e.getKey() + "' not found in type: '" + object.getName() + "'", at);
            }
            checkInput(schema, field.getType(), e.getValue(), at);
        }
        for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
            if (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue() && !value.has(field.getName())) {
                throw failed("missing required field '" + field.getName() + "'", path);
            }
        }
    }

    private void checkInput(GraphQLSchema schema, GraphQLType type, JsonNode value, String path) {
        switch (type) {
            case GraphQLNonNull nonNull -> {
                if (value.isNull()) {
                    throw failed("unexpected null value for non-nullable field", path);
                }
                checkInput(schema, nonNull.getWrappedType(), value, path);
            }
            case GraphQLList list -> {
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        checkInput(schema, list.getWrappedType(), value.get(i), JsonPath.index(path, i));
                    }
                } else if (!value.isNull()) {
                    checkInput(schema, list.getWrappedType(), value, path);
                }
            }
            case GraphQLNamedType named -> {
                if (!value.isNull()) {
                    checkNamed(schema, (GraphQLNamedType) schema.getType(named.getName()), value, path);
                }
            }
            default -> throw failed("unexpected type", path);
        }
    }

    private static void checkScalar(String name, JsonNode value, String path) {
        boolean ok = switch (name) {
            case "Int" -> value.isIntegralNumber() && value.canConvertToInt();
            case "Float" -> value.isNumber();
            case "String" -> value.isTextual();
            case "Boolean" -> value.isBoolean();
            case "ID" -> value.isTextual() || value.isIntegralNumber();
            default -> true;
        };
        if (!ok) {
            String expected = switch (name) {
                case "Int" -> "a 32-bit integer";
                case "Float" -> "a float";
                case "String" -> "a string";
                case "Boolean" -> "a boolean";
                default -> "a String or a 32-bit integer";
            };
            throw failed("expected " + expected + " for type \"" + name + "\", but found " + describe(value), path);
        }
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a float";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isObject() ? "an object" : "null";
    }

    private static String print(Type<?> type) {
        return switch (type) {
            case NonNullType n -> print(n.getType()) + "!";
            case ListType l -> "[" + print(l.getType()) + "]";
            case TypeName t -> t.getName();
            default -> type.toString();
        };
    }

    private static ApiException failed(String message, String path) {
        return ApiException.of(Code.VALIDATION_FAILED, message).at(path);
    }
}
