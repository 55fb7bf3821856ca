package junction.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;

/**
 * A JSON object being read, remembering where it sits in the request so that every parse error
 * carries Hasura's {@code parse-failed} code and the path of the offending key.
 */
public record Obj(ObjectNode node, String path) {

    public static Obj of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Object, but encountered " + kind(node)).at(path);
        }
        return new Obj((ObjectNode) node, path);
    }

    public String pathOf(String key) {
        return JsonPath.key(path, key);
    }

    public boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    public JsonNode get(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    public JsonNode required(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw ApiException.of(Code.PARSE_FAILED, "the key '" + key + "' was not present").at(path);
        }
        return value;
    }

    public String string(String key) {
        return asString(required(key), pathOf(key));
    }

    public Optional<String> optString(String key) {
        JsonNode value = get(key);
        return value == null ? Optional.empty() : Optional.of(asString(value, pathOf(key)));
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode value = get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Boolean, but encountered " + kind(value)).at(pathOf(key));
        }
        return value.booleanValue();
    }

    public Optional<Long> optLong(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Int, but encountered " + kind(value)).at(pathOf(key));
        }
        return Optional.of(value.longValue());
    }

    public Obj obj(String key) {
        return of(required(key), pathOf(key));
    }

    public Optional<Obj> optObj(String key) {
        JsonNode value = get(key);
        return value == null ? Optional.empty() : Optional.of(of(value, pathOf(key)));
    }

    /** Reads an array, each element through {@code reader(element, elementPath)}. */
    public <T> List<T> list(String key, BiFunction<JsonNode, String, T> reader) {
        JsonNode value = get(key);
        if (value == null) {
            return List.of();
        }
        String at = pathOf(key);
        if (!value.isArray()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Array, but encountered " + kind(value)).at(at);
        }
        List<T> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            out.add(reader.apply(value.get(i), JsonPath.index(at, i)));
        }
        return out;
    }

    public List<String> strings(String key) {
        return list(key, Obj::asString);
    }

    /** Reads an object whose values are all read by {@code reader}, keeping key order. */
    public <T> Map<String, T> map(String key, BiFunction<JsonNode, String, T> reader) {
        Optional<Obj> value = optObj(key);
        if (value.isEmpty()) {
            return Map.of();
        }
        Map<String, T> out = new LinkedHashMap<>();
        Obj inner = value.get();
        inner.node.fields().forEachRemaining(e -> out.put(e.getKey(), reader.apply(e.getValue(), inner.pathOf(e.getKey()))));
        return out;
    }

    /** Rejects keys outside {@code allowed}, as Hasura's strict parsers do. */
    public Obj only(String... allowed) {
        List<String> keys = List.of(allowed);
        node.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                throw ApiException.of(Code.PARSE_FAILED, "unexpected key '" + k + "'; expected one of " + String.join(", ", keys)).at(pathOf(k));
            }
        });
        return this;
    }

    public static String asString(JsonNode value, String path) {
        if (value == null || !value.isTextual()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected String, but encountered " + kind(value)).at(path);
        }
        return value.textValue();
    }

    public static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "Null";
        }
        if (node.isObject()) {
            return "Object";
        }
        if (node.isArray()) {
            return "Array";
        }
        if (node.isTextual()) {
            return "String";
        }
        if (node.isBoolean()) {
            return "Boolean";
        }
        return "Number";
    }
}
