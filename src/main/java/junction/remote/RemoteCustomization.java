package junction.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;

/**
 * A remote schema's {@code customization}: a namespace field for its root fields, type name
 * prefix/suffix/mapping, and per-type field name prefix/suffix/mapping. All names given here are
 * the remote's original names on the left and new names on the right.
 */
public record RemoteCustomization(Optional<String> rootFieldsNamespace, TypeNames typeNames, List<FieldNames> fieldNames) {
    public static final RemoteCustomization NONE = new RemoteCustomization(Optional.empty(), TypeNames.NONE, List.of());
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    /** {@code type_names}: applied to every type but built-in scalars, introspection types and (without a namespace) root types. */
    public record TypeNames(Optional<String> prefix, Optional<String> suffix, Map<String, String> mapping) {
        public static final TypeNames NONE = new TypeNames(Optional.empty(), Optional.empty(), Map.of());

        public TypeNames {
            mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        }
    }

    /** One {@code field_names} entry: renames the fields of {@code parentType} (an original type name). */
    public record FieldNames(String parentType, Optional<String> prefix, Optional<String> suffix, Map<String, String> mapping) {
        public FieldNames {
            mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        }
    }

    public RemoteCustomization {
        fieldNames = List.copyOf(fieldNames);
    }

    public boolean isEmpty() {
        return rootFieldsNamespace.isEmpty() && typeNames.equals(TypeNames.NONE) && fieldNames.isEmpty();
    }

    static RemoteCustomization read(Obj c) {
        Optional<String> namespace = name(c, "root_fields_namespace");
        TypeNames types = c.optObj("type_names").map(RemoteCustomization::typeNames).orElse(TypeNames.NONE);
        List<FieldNames> fields = c.list("field_names", (n, p) -> fieldNames(Obj.of(n, p)));
        return new RemoteCustomization(namespace, types, fields);
    }

    private static TypeNames typeNames(Obj t) {
        return new TypeNames(name(t, "prefix"), name(t, "suffix"), mapping(t));
    }

    private static FieldNames fieldNames(Obj f) {
        String parent = name(f, "parent_type").orElseThrow(() ->
                ApiException.of(Code.PARSE_FAILED, "the key 'parent_type' was not present").at(f.path()));
        return new FieldNames(parent, name(f, "prefix"), name(f, "suffix"), mapping(f));
    }

    private static Map<String, String> mapping(Obj o) {
        Map<String, String> mapping = o.map("mapping", Obj::asString);
        String at = o.pathOf("mapping");
        mapping.forEach((from, to) -> {
            requireName(from, at);
            requireName(to, at);
        });
        return mapping;
    }

    /** An optional GraphQL name; an empty string counts as absent. */
    private static Optional<String> name(Obj o, String key) {
        Optional<String> value = o.optString(key).filter(v -> !v.isEmpty());
        value.ifPresent(v -> requireName(v, o.pathOf(key)));
        return value;
    }

    private static void requireName(String name, String path) {
        if (!NAME.matcher(name).matches()) {
            throw ApiException.of(Code.PARSE_FAILED, name + " is not valid GraphQL name").at(path);
        }
    }
}
