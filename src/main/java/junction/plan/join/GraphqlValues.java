package junction.plan.join;

import com.fasterxml.jackson.databind.JsonNode;
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
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one conversion of JSON values (row values, templates, variable values) to graphql-java
 * {@link Value}s, and the join templates' placeholders: a {@code "$column"} of a template becomes a
 * variable reference {@code $column} marked as a column (it prints as {@code $column} in explain), which
 * {@link #fill} replaces by the row's value.
 */
public final class GraphqlValues {
    /** The additional-data key marking a variable reference as a row value placeholder: its lhs index. */
    private static final String COLUMN = "junction.column";

    private GraphqlValues() {
    }

    /** A JSON value as a GraphQL literal: objects and lists keep their shape, strings stay strings. */
    public static Value<?> of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NullValue.of();
        }
        if (value.isObject()) {
            List<ObjectField> fields = new ArrayList<>(value.size());
            value.fields().forEachRemaining(e -> fields.add(new ObjectField(e.getKey(), of(e.getValue()))));
            return ObjectValue.newObjectValue().objectFields(fields).build();
        }
        if (value.isArray()) {
            List<Value> values = new ArrayList<>(value.size());
            value.forEach(v -> values.add(of(v)));
            return ArrayValue.newArrayValue().values(values).build();
        }
        if (value.isIntegralNumber()) {
            return new IntValue(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return new FloatValue(value.decimalValue());
        }
        if (value.isBoolean()) {
            return new BooleanValue(value.booleanValue());
        }
        return new StringValue(value.asText());
    }

    /**
     * A JSON value (a variable's) as a literal of the remote input type {@code type}: enum values bare,
     * a single value where a list is expected as that value, the rest as {@link #of(JsonNode)}.
     */
    public static Value<?> of(JsonNode value, GraphQLInputType type) {
        if (value == null || value.isNull()) {
            return NullValue.of();
        }
        GraphQLInputType inner = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (inner instanceof GraphQLEnumType && value.isTextual()) {
            return new EnumValue(value.textValue());
        }
        if (inner instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (!value.isArray()) {
                return of(value, element);
            }
            List<Value> values = new ArrayList<>(value.size());
            value.forEach(v -> values.add(of(v, element)));
            return ArrayValue.newArrayValue().values(values).build();
        }
        if (inner instanceof GraphQLInputObjectType object && value.isObject()) {
            List<ObjectField> fields = new ArrayList<>(value.size());
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                GraphQLInputObjectField declared = object.getField(field.getKey());
                fields.add(new ObjectField(field.getKey(), declared == null ? of(field.getValue())
                        : of(field.getValue(), declared.getType())));
            }
            return ObjectValue.newObjectValue().objectFields(fields).build();
        }
        return of(value);
    }

    /** A join template: JSON where every {@code "$column"} of {@code lhs} becomes a placeholder. */
    public static Value<?> template(JsonNode template, List<String> lhs) {
        if (template.isTextual() && template.textValue().startsWith("$")) {
            int at = lhs.indexOf(template.textValue().substring(1));
            if (at >= 0) {
                return VariableReference.newVariableReference().name(lhs.get(at)).additionalData(COLUMN, Integer.toString(at))
                        .build();
            }
        }
        if (template.isObject()) {
            List<ObjectField> fields = new ArrayList<>(template.size());
            template.fields().forEachRemaining(e -> fields.add(new ObjectField(e.getKey(), template(e.getValue(), lhs))));
            return ObjectValue.newObjectValue().objectFields(fields).build();
        }
        if (template.isArray()) {
            List<Value> values = new ArrayList<>(template.size());
            template.forEach(v -> values.add(template(v, lhs)));
            return ArrayValue.newArrayValue().values(values).build();
        }
        return of(template);
    }

    /** Whether a value holds a row value placeholder. */
    public static boolean hasPlaceholder(Value<?> value) {
        return switch (value) {
            case VariableReference v -> v.getAdditionalData().containsKey(COLUMN);
            case ObjectValue o -> o.getObjectFields().stream().anyMatch(f -> hasPlaceholder(f.getValue()));
            case ArrayValue a -> a.getValues().stream().anyMatch(GraphqlValues::hasPlaceholder);
            default -> false;
        };
    }

    /**
     * {@code value} with every placeholder replaced by the row's value of that column ({@code values} in
     * lhs order); parts without placeholders are shared, not copied.
     */
    public static Value<?> fill(Value<?> value, List<JsonNode> values) {
        return switch (value) {
            case VariableReference v when v.getAdditionalData().containsKey(COLUMN) ->
                    of(values.get(Integer.parseInt(v.getAdditionalData().get(COLUMN))));
            case ObjectValue o -> {
                List<ObjectField> fields = new ArrayList<>(o.getObjectFields().size());
                boolean changed = false;
                for (ObjectField f : o.getObjectFields()) {
                    Value<?> filled = fill(f.getValue(), values);
                    changed |= filled != f.getValue();
                    fields.add(filled == f.getValue() ? f : new ObjectField(f.getName(), filled));
                }
                yield changed ? ObjectValue.newObjectValue().objectFields(fields).build() : o;
            }
            case ArrayValue a -> {
                List<Value> out = new ArrayList<>(a.getValues().size());
                boolean changed = false;
                for (Value<?> v : a.getValues()) {
                    Value<?> filled = fill(v, values);
                    changed |= filled != v;
                    out.add(filled);
                }
                yield changed ? ArrayValue.newArrayValue().values(out).build() : a;
            }
            default -> value;
        };
    }
}
