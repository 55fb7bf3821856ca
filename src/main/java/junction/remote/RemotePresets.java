package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import junction.json.Json;

/**
 * A role's {@code @preset}s on one remote schema, in the remote's original names: on arguments (by
 * parent type, field and argument) and on input object fields (by input type and field). Preset
 * arguments and fields are not in the role's schema; the engine adds them to what it sends.
 *
 * @param arguments   parent type → field → argument → preset
 * @param inputFields input object type → field → preset
 * @param inputTypes  input object type → field → the field's named type (input objects of the role's schema)
 */
public record RemotePresets(Map<String, Map<String, Map<String, Preset>>> arguments,
                           Map<String, Map<String, Preset>> inputFields, Map<String, Map<String, String>> inputTypes) {
    public static final RemotePresets NONE = new RemotePresets(Map.of(), Map.of(), Map.of());

    public RemotePresets {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        inputFields = Collections.unmodifiableMap(new LinkedHashMap<>(inputFields));
        inputTypes = Collections.unmodifiableMap(new LinkedHashMap<>(inputTypes));
    }

    public boolean isEmpty() {
        return arguments.isEmpty() && inputFields.isEmpty();
    }

    /** The presets of the arguments of {@code field} of the type originally named {@code parent}, by argument. */
    public Map<String, Preset> arguments(String parent, String field) {
        return arguments.getOrDefault(parent, Map.of()).getOrDefault(field, Map.of());
    }

    /** The presets of the fields of the input object originally named {@code type}, by field. */
    public Map<String, Preset> inputFields(String type) {
        return inputFields.getOrDefault(type, Map.of());
    }

    /** Whether a value of the input type {@code type} needs presets added (on its fields or deeper). */
    public boolean reaches(String type) {
        return reaches(type, new HashSet<>());
    }

    private boolean reaches(String type, Set<String> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (!inputFields(type).isEmpty()) {
            return true;
        }
        return inputTypes.getOrDefault(type, Map.of()).values().stream().anyMatch(t -> reaches(t, seen));
    }

    /** The named type of field {@code field} of input object {@code type}, or null. */
    public String fieldType(String type, String field) {
        return inputTypes.getOrDefault(type, Map.of()).get(field);
    }

    /** Every preset read from the session. */
    public List<SessionPreset> sessions() {
        List<SessionPreset> out = new ArrayList<>();
        arguments.values().forEach(f -> f.values().forEach(a -> a.values().forEach(p -> out.addAll(p.sessions()))));
        inputFields.values().forEach(f -> f.values().forEach(p -> out.addAll(p.sessions())));
        return out.stream().distinct().toList();
    }

    /**
     * A client's JSON value (a variable's) of input type {@code type} with the presets of its input
     * objects set, at every depth, session presets read from {@code session}.
     */
    public JsonNode patch(JsonNode value, String type, Map<String, String> session) {
        if (value == null || value.isNull() || !reaches(type)) {
            return value;
        }
        if (value.isArray()) {
            ArrayNode out = Json.array();
            value.forEach(v -> out.add(patch(v, type, session)));
            return out;
        }
        if (!value.isObject()) {
            return value;
        }
        ObjectNode out = Json.object();
        value.fields().forEachRemaining(e -> {
            String fieldType = fieldType(type, e.getKey());
            out.set(e.getKey(), fieldType == null ? e.getValue() : patch(e.getValue(), fieldType, session));
        });
        inputFields(type).forEach((field, preset) -> {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            preset.sessions().forEach(s -> values.put(s.variable(), s.value(session)));
            out.set(field, json(preset.value(), values));
        });
        return out;
    }

    /** A preset's literal as JSON, session variables filled from {@code session} (by variable name). */
    static JsonNode json(Value<?> value, Map<String, JsonNode> session) {
        return switch (value) {
            case NullValue n -> Json.NODES.nullNode();
            case StringValue s -> Json.NODES.textNode(s.getValue());
            case BooleanValue b -> Json.NODES.booleanNode(b.isValue());
            case IntValue i -> Json.NODES.numberNode(i.getValue());
            case FloatValue f -> Json.NODES.numberNode(f.getValue());
            case EnumValue e -> Json.NODES.textNode(e.getName());
            case VariableReference v -> session.getOrDefault(v.getName(), Json.NODES.nullNode());
            case ArrayValue a -> {
                ArrayNode out = Json.array();
                a.getValues().forEach(v -> out.add(json(v, session)));
                yield out;
            }
            case ObjectValue o -> {
                ObjectNode out = Json.object();
                for (ObjectField f : o.getObjectFields()) {
                    out.set(f.getName(), json(f.getValue(), session));
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("unexpected preset literal " + value);
        };
    }
}
