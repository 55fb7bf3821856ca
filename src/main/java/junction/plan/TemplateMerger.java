package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.join.GraphqlLiteral;
import junction.plan.join.GraphqlText;

/**
 * Merges what a client gives for an argument the join template fixes only in part (an input object
 * or list, offered to the client as a narrowed type) into the template, as Hasura does: objects
 * field by field, lists one after the other. The client's parts become {@link GraphqlText} leaves
 * written as the client wrote them (variable references kept and recorded); a variable standing for
 * a part the template also fills is read now (the plan then depends on its value) and written as a
 * literal of the remote's type, enum values bare.
 */
final class TemplateMerger {
    private final Args args;
    private final Set<String> variables = new LinkedHashSet<>();

    TemplateMerger(Args args) {
        this.args = args;
    }

    /** Client variables the merged parts still refer to (to declare in the remote query). */
    Set<String> variables() {
        return variables;
    }

    /** {@code template} (original remote type {@code type}) with the client's {@code value} merged in. */
    JsonNode merge(JsonNode template, Value<?> value, GraphQLInputType type, String path) {
        GraphQLInputType inner = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        return switch (value) {
            case VariableReference v -> mergeJson(template, args.variable(v.getName()), inner, path);
            case NullValue n -> template;
            case ObjectValue o when template.isObject() && inner instanceof GraphQLInputObjectType object -> {
                ObjectNode out = ((ObjectNode) template).deepCopy();
                for (ObjectField field : o.getObjectFields()) {
                    JsonNode fixed = template.get(field.getName());
                    GraphQLInputType fieldType = fieldType(object, field.getName(), path);
                    out.set(field.getName(), fixed == null ? text(field.getValue())
                            : merge(fixed, field.getValue(), fieldType, path + "." + field.getName()));
                }
                yield out;
            }
            default -> {
                if (template.isArray() && inner instanceof GraphQLList) {
                    ArrayNode out = ((ArrayNode) template).deepCopy();
                    if (value instanceof ArrayValue list) {
                        list.getValues().forEach(v -> out.add(text(v)));
                    } else {
                        out.add(text(value));
                    }
                    yield out;
                }
                throw cannotMerge(path);
            }
        };
    }

    private JsonNode mergeJson(JsonNode template, JsonNode value, GraphQLInputType type, String path) {
        if (value == null || value.isNull()) {
            return template;
        }
        GraphQLInputType inner = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (template.isObject() && value.isObject() && inner instanceof GraphQLInputObjectType object) {
            ObjectNode out = ((ObjectNode) template).deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fixed = template.get(field.getKey());
                GraphQLInputType fieldType = fieldType(object, field.getKey(), path);
                out.set(field.getKey(), fixed == null ? new GraphqlText(literal(field.getValue(), fieldType)).node()
                        : mergeJson(fixed, field.getValue(), fieldType, path + "." + field.getKey()));
            }
            return out;
        }
        if (template.isArray() && inner instanceof GraphQLList list) {
            ArrayNode out = ((ArrayNode) template).deepCopy();
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value.isArray()) {
                value.forEach(v -> out.add(new GraphqlText(literal(v, element)).node()));
            } else {
                out.add(new GraphqlText(literal(value, element)).node());
            }
            return out;
        }
        throw cannotMerge(path);
    }

    /** A JSON value (a variable's) as a GraphQL literal of {@code type}: enum values bare, the rest as JSON. */
    static String literal(JsonNode value, GraphQLInputType type) {
        if (value == null || value.isNull()) {
            return "null";
        }
        GraphQLInputType inner = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (inner instanceof GraphQLEnumType && value.isTextual()) {
            return value.textValue();
        }
        if (inner instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (!value.isArray()) {
                return literal(value, element);
            }
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                out.append(i > 0 ? ", " : "").append(literal(value.get(i), element));
            }
            return out.append(']').toString();
        }
        if (inner instanceof GraphQLInputObjectType object && value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                GraphQLInputObjectField declared = object.getField(field.getKey());
                out.append(field.getKey()).append(": ").append(declared == null ? GraphqlLiteral.of(field.getValue())
                        : literal(field.getValue(), declared.getType()));
                out.append(fields.hasNext() ? ", " : "");
            }
            return out.append('}').toString();
        }
        return GraphqlLiteral.of(value);
    }

    /** The client's own part, kept as written; its variables are recorded. */
    private JsonNode text(Value<?> value) {
        collectVariables(value);
        return new GraphqlText(AstPrinter.printAstCompact(value)).node();
    }

    private void collectVariables(Value<?> value) {
        switch (value) {
            case VariableReference v -> variables.add(v.getName());
            case ArrayValue a -> a.getValues().forEach(this::collectVariables);
            case ObjectValue o -> o.getObjectFields().forEach(f -> collectVariables(f.getValue()));
            default -> {
            }
        }
    }

    private static GraphQLInputType fieldType(GraphQLInputObjectType object, String name, String path) {
        GraphQLInputObjectField field = object.getField(name);
        if (field == null) {
            throw ApiException.of(Code.VALIDATION_FAILED, "field '" + name + "' not found in type: '" + object.getName() + "'")
                    .at(path);
        }
        return field.getType();
    }

    private static ApiException cannotMerge(String path) {
        return ApiException.of(Code.UNEXPECTED, "only objects or lists can be merged").at(path);
    }
}
