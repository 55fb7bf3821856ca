package junction.remote;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a customization renames a remote's types and fields, both ways. Only renamed names are
 * stored; every other name maps to itself. Field maps are keyed by the parent type's original name.
 */
public final class RemoteNames {
    public static final RemoteNames IDENTITY = new RemoteNames(Map.of(), Map.of());

    private final Map<String, String> typeToCustom;
    private final Map<String, String> typeToOriginal = new HashMap<>();
    private final Map<String, Map<String, String>> fieldToCustom;
    private final Map<String, Map<String, String>> fieldToOriginal = new HashMap<>();

    /**
     * @param types  original type name → customized name
     * @param fields original parent type name → (original field name → customized name)
     */
    public RemoteNames(Map<String, String> types, Map<String, Map<String, String>> fields) {
        this.typeToCustom = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        types.forEach((original, custom) -> typeToOriginal.put(custom, original));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        fields.forEach((parent, map) -> {
            copy.put(parent, Collections.unmodifiableMap(new LinkedHashMap<>(map)));
            Map<String, String> reverse = new HashMap<>();
            map.forEach((original, custom) -> reverse.put(custom, original));
            fieldToOriginal.put(parent, reverse);
        });
        this.fieldToCustom = Collections.unmodifiableMap(copy);
    }

    public String customType(String original) {
        return typeToCustom.getOrDefault(original, original);
    }

    public String originalType(String custom) {
        return typeToOriginal.getOrDefault(custom, custom);
    }

    /** The client's name of field {@code originalField} of the type originally named {@code originalParent}. */
    public String customField(String originalParent, String originalField) {
        return fieldToCustom.getOrDefault(originalParent, Map.of()).getOrDefault(originalField, originalField);
    }

    /** The remote's name of field {@code customField} of the type the client knows as {@code customParent}. */
    public String originalField(String customParent, String customField) {
        return fieldToOriginal.getOrDefault(originalType(customParent), Map.of()).getOrDefault(customField, customField);
    }

    /** Original → customized type names that differ. */
    public Map<String, String> types() {
        return typeToCustom;
    }

    /** Original parent → (original field → customized field), for fields that differ. */
    public Map<String, Map<String, String>> fields() {
        return fieldToCustom;
    }

    public boolean renamesTypes() {
        return !typeToCustom.isEmpty();
    }

    public boolean isIdentity() {
        return typeToCustom.isEmpty() && fieldToCustom.values().stream().allMatch(Map::isEmpty);
    }
}
