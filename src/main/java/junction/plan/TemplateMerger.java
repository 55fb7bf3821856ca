package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.ArrayValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.join.GraphqlValues;

/**
 * Merges what a client gives for an argument the join template fixes only in part (an input object
 * or list, offered to the client as a narrowed type) into the template, as Hasura does: objects
 * field by field, lists one after the other. The client's parts are kept as its own values
 * (variable references kept and recorded); a variable standing for a part the template also fills is
 * read now (the plan then depends on its value) and converted to a literal of the remote's type,
 * enum values bare ({@link GraphqlValues#of(JsonNode, GraphQLInputType)}).
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
    Value<?> merge(Value<?> template, Value<?> value, GraphQLInputType type, String path) {
        GraphQLInputType inner = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        return switch (value) {
            case VariableReference v -> mergeJson(template, args.variable(v.getName()), inner, path);
            case NullValue n -> template;
            case ObjectValue o when template instanceof ObjectValue fixedObject && inner instanceof GraphQLInputObjectType object -> {
                Map<String, Value<?>> out = fields(fixedObject);
                for (ObjectField field : o.getObjectFields()) {
                    Value<?> fixed = out.get(field.getName());
                    GraphQLInputType fieldType = fieldType(object, field.getName(), path);
                    out.put(field.getName(), fixed == null ? own(field.getValue())
                            : merge(fixed, field.getValue(), fieldType, path + "." + field.getName()));
                }
                yield object(out);
            }
            default -> {
                if (template instanceof ArrayValue fixedList && inner instanceof GraphQLList) {
                    List<Value> out = new ArrayList<>(fixedList.getValues());
                    if (value instanceof ArrayValue list) {
                        list.getValues().forEach(v -> out.add(own(v)));
                    } else {
                        out.add(own(value));
                    }
                    yield ArrayValue.newArrayValue().values(out).build();
                }
                throw cannotMerge(path);
            }
        };
    }

    private Value<?> mergeJson(Value<?> template, JsonNode value, GraphQLInputType type, String path) {
        if (value == null || value.isNull()) {
            return template;
        }
        GraphQLInputType inner = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (template instanceof ObjectValue fixedObject && value.isObject() && inner instanceof GraphQLInputObjectType object) {
            Map<String, Value<?>> out = fields(fixedObject);
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Value<?> fixed = out.get(field.getKey());
                GraphQLInputType fieldType = fieldType(object, field.getKey(), path);
                out.put(field.getKey(), fixed == null ? GraphqlValues.of(field.getValue(), fieldType)
                        : mergeJson(fixed, field.getValue(), fieldType, path + "." + field.getKey()));
            }
            return object(out);
        }
        if (template instanceof ArrayValue fixedList && inner instanceof GraphQLList list) {
            List<Value> out = new ArrayList<>(fixedList.getValues());
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value.isArray()) {
                value.forEach(v -> out.add(GraphqlValues.of(v, element)));
            } else {
                out.add(GraphqlValues.of(value, element));
            }
            return ArrayValue.newArrayValue().values(out).build();
        }
        throw cannotMerge(path);
    }

    private static Map<String, Value<?>> fields(ObjectValue object) {
        Map<String, Value<?>> out = new LinkedHashMap<>();
        object.getObjectFields().forEach(f -> out.put(f.getName(), f.getValue()));
        return out;
    }

    private static ObjectValue object(Map<String, Value<?>> fields) {
        List<ObjectField> out = new ArrayList<>(fields.size());
        fields.forEach((name, value) -> out.add(new ObjectField(name, value)));
        return ObjectValue.newObjectValue().objectFields(out).build();
    }

    /** The client's own part, kept as its value; its variables are recorded. */
    private Value<?> own(Value<?> value) {
        collectVariables(value);
        return value;
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
