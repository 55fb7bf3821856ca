package junction.remote;

import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.ScalarInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Applies a remote schema's customization to its type definitions, as Hasura does: type names get
 * the mapping, else (with a namespace) root types get the namespace as prefix, else the
 * prefix/suffix; built-in scalars and introspection types are never renamed, and root types only
 * with a namespace or an explicit mapping. Field names of the listed parent types get their
 * mapping, else the prefix/suffix. Mappings that would make two types or two fields of one type
 * share a name, or give an interface's field and an implementing type's field different names,
 * are refused with Hasura's {@code remote-schema-error} messages.
 */
public final class RemoteSchemaCustomizer {

    /** Customizes {@code original} (type definitions, as built from introspection or SDL). */
    public CustomizedSchema customize(Document original, RemoteCustomization customization) {
        Map<String, TypeDefinition<?>> types = new LinkedHashMap<>();
        original.getDefinitionsOfType(TypeDefinition.class).forEach(t -> types.put(t.getName(), t));
        Map<String, String> roots = roots(original, types);
        RemoteNames names = new RemoteNames(typeNames(types.keySet(), roots, customization),
                fieldNames(types, customization));
        checkTypesDistinct(types.keySet(), names);
        types.values().forEach(t -> checkFieldsDistinct(t, names));
        checkInterfaces(types, names);
        Document renamed = new DocumentRenamer(names).rename(original, roots);
        return new CustomizedSchema(RemoteSchemaGenerator.generate(renamed), names, customization.rootFieldsNamespace());
    }

    /** Operation → original root type name: from the schema definition, else the default names that exist. */
    static Map<String, String> roots(Document document, Map<String, TypeDefinition<?>> types) {
        Map<String, String> roots = new LinkedHashMap<>();
        Optional<SchemaDefinition> schema = document.getDefinitionsOfType(SchemaDefinition.class).stream().findFirst();
        if (schema.isPresent()) {
            for (OperationTypeDefinition op : schema.get().getOperationTypeDefinitions()) {
                roots.put(op.getName(), op.getTypeName().getName());
            }
        }
        Map.of("query", "Query", "mutation", "Mutation", "subscription", "Subscription").forEach((op, name) -> {
            if (!roots.containsKey(op) && types.containsKey(name)) {
                roots.put(op, name);
            }
        });
        return roots;
    }

    private static Map<String, String> typeNames(Set<String> types, Map<String, String> roots, RemoteCustomization c) {
        Optional<String> namespace = c.rootFieldsNamespace();
        Set<String> rootNames = new HashSet<>(roots.values());
        Map<String, String> out = new LinkedHashMap<>();
        for (String type : types) {
            if (isProtected(type)) {
                continue;
            }
            String custom = type;
            if (c.typeNames().mapping().containsKey(type)) {
                custom = c.typeNames().mapping().get(type);
            } else if (rootNames.contains(type) && namespace.isPresent()) {
                custom = namespace.get() + type;
            } else if (!rootNames.contains(type) || namespace.isPresent()) {
                custom = c.typeNames().prefix().orElse("") + type + c.typeNames().suffix().orElse("");
            }
            if (!custom.equals(type)) {
                out.put(type, custom);
            }
        }
        return out;
    }

    private static boolean isProtected(String type) {
        return type.startsWith("__") || ScalarInfo.isGraphqlSpecifiedScalar(type);
    }

    private static Map<String, Map<String, String>> fieldNames(Map<String, TypeDefinition<?>> types, RemoteCustomization c) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (RemoteCustomization.FieldNames f : c.fieldNames()) {
            List<FieldDefinition> fields = fieldsOf(types.get(f.parentType()));
            Map<String, String> renamed = new LinkedHashMap<>();
            for (FieldDefinition field : fields) {
                String name = field.getName();
                String custom = f.mapping().containsKey(name) ? f.mapping().get(name)
                        : f.prefix().orElse("") + name + f.suffix().orElse("");
                if (!custom.equals(name)) {
                    renamed.put(name, custom);
                }
            }
            if (!renamed.isEmpty()) {
                out.put(f.parentType(), renamed);
            }
        }
        return out;
    }

    private static List<FieldDefinition> fieldsOf(TypeDefinition<?> type) {
        return switch (type) {
            case ObjectTypeDefinition o -> o.getFieldDefinitions();
            case InterfaceTypeDefinition i -> i.getFieldDefinitions();
            case null, default -> List.of();
        };
    }

    private static void checkTypesDistinct(Set<String> types, RemoteNames names) {
        List<String> all = new ArrayList<>(List.of("Int", "Float", "String", "Boolean", "ID"));
        types.stream().filter(t -> !ScalarInfo.isGraphqlSpecifiedScalar(t)).map(names::customType).forEach(all::add);
        Set<String> dups = duplicates(all);
        if (!dups.isEmpty()) {
            throw remoteError("Type name mappings are not distinct; the following types appear more than once: " + quoted(dups));
        }
    }

    private static void checkFieldsDistinct(TypeDefinition<?> type, RemoteNames names) {
        String kind = type instanceof InterfaceTypeDefinition ? "interface" : "object";
        Set<String> dups = duplicates(fieldsOf(type).stream().map(f -> names.customField(type.getName(), f.getName())).toList());
        if (!dups.isEmpty()) {
            throw remoteError("Field name mappings for " + kind + " type \"" + type.getName()
                    + "\" are not distinct; the following fields appear more than once: " + quoted(dups));
        }
    }

    /** An interface's field must get the same name in every object type that implements the interface. */
    private static void checkInterfaces(Map<String, TypeDefinition<?>> types, RemoteNames names) {
        for (TypeDefinition<?> type : types.values()) {
            if (!(type instanceof ObjectTypeDefinition object)) {
                continue;
            }
            for (Type<?> implemented : object.getImplements()) {
                String iface = ((TypeName) implemented).getName();
                for (FieldDefinition field : fieldsOf(types.get(iface))) {
                    String viaInterface = names.customField(iface, field.getName());
                    String viaType = names.customField(object.getName(), field.getName());
                    if (!viaInterface.equals(viaType)) {
                        throw remoteError("Remote schema customization inconsistency: field name mapping for field \""
                                + field.getName() + "\" of interface \"" + iface + "\" is inconsistent with mapping for type \""
                                + object.getName() + "\". Interface field name maps to \"" + viaInterface
                                + "\". Type field name maps to \"" + viaType + "\".");
                    }
                }
            }
        }
    }

    private static Set<String> duplicates(List<String> names) {
        Set<String> seen = new HashSet<>();
        Set<String> dups = new LinkedHashSet<>();
        names.forEach(n -> {
            if (!seen.add(n)) {
                dups.add(n);
            }
        });
        return dups;
    }

    private static String quoted(Set<String> names) {
        return names.stream().sorted().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }

    private static ApiException remoteError(String message) {
        return ApiException.of(Code.REMOTE_SCHEMA_ERROR, message);
    }
}
