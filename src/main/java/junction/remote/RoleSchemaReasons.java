package junction.remote;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The reasons a role's remote schema permission is refused, in Hasura's words
 * ({@code Hasura.RemoteSchema.SchemaCache.Permission}), and the message that lists them.
 */
final class RoleSchemaReasons {
    private RoleSchemaReasons() {
    }

    /** One reason: "…failed because r"; several: "…failed for the following reasons:\n • r1\n • r2\n". */
    static String message(List<String> reasons) {
        String head = "validation for the given role-based schema failed ";
        if (reasons.size() == 1) {
            return head + "because " + reasons.getFirst();
        }
        return head + "for the following reasons:\n" + reasons.stream().map(r -> " • " + r + "\n").collect(Collectors.joining());
    }

    static String nonMatchingType(String name, String kind, String expected, String provided) {
        return "expected type of " + q(name) + "(" + q(kind) + ") to be " + expected + " but received " + provided;
    }

    static String typeDoesNotExist(String kind, String name) {
        return q(kind) + ": " + q(name) + " does not exist in the upstream remote schema";
    }

    static String nonMatchingDefaultValue(String inputObject, String name, String expected, String provided) {
        return "expected default value of input value: " + q(name) + "of input object " + q(inputObject) + " to be "
                + expected + " but received " + provided;
    }

    static String nonExistingInputArgument(String parent, String name) {
        return "input argument " + q(name) + " does not exist in the input object:" + q(parent);
    }

    static String missingNonNullableArguments(String field, List<String> names) {
        return "field: " + q(field) + " expects the following non nullable arguments to be present: " + quotedList(names);
    }

    static String nonExistingDirectiveArgument(String parent, String kind, String directive, List<String> names) {
        return "the following directive argument(s) defined in the directive: " + q(directive)
                + " defined with the type name: " + q(parent) + " of type " + q(kind)
                + " do not exist in the corresponding upstream directive: " + quotedList(names);
    }

    static String nonExistingField(String kind, String parent, String name) {
        return "field " + q(name) + " does not exist in the " + q(kind) + ": " + q(parent);
    }

    static String nonExistingUnionMembers(String union, List<String> members) {
        return "union " + q(union) + " contains members which do not exist in the members of the remote schema union :"
                + quotedList(members);
    }

    static String customInterfaces(String object, List<String> interfaces) {
        return "custom interfaces are not supported. Object" + q(object) + " implements the following custom interfaces: "
                + quotedList(interfaces);
    }

    static String nonExistingInterfaces(String object, List<String> interfaces) {
        return "object " + q(object) + " is trying to implement the following interfaces that do not exist in the "
                + "corresponding upstream remote object: " + quotedList(interfaces);
    }

    static String nonExistingEnumValues(String enumName, List<String> values) {
        return "enum " + q(enumName) + " contains the following enum values that do not exist in the corresponding "
                + "upstream remote enum: " + quotedList(values);
    }

    static String missingQueryRoot() {
        return "query root does not exist in the schema definition";
    }

    static String multipleSchemaDefinitions() {
        return "multiple schema definitions found";
    }

    static String duplicateTypeNames(List<String> names) {
        return "duplicate type names found: " + quotedList(names);
    }

    static String duplicateDirectives(String kind, String parent, List<String> names) {
        return "duplicate directives: " + quotedList(names) + "found in the " + q(kind) + " " + q(parent);
    }

    static String duplicateFields(String kind, String parent, List<String> names) {
        return "duplicate fields: " + quotedList(names) + "found in the " + q(kind) + " " + q(parent);
    }

    static String duplicateArguments(String field, List<String> names) {
        return "duplicate arguments: " + quotedList(names) + "found in the field: " + q(field);
    }

    static String duplicateEnumValues(String enumName, List<String> values) {
        return "duplicate enum values: " + quotedList(values) + " found in the " + q(enumName) + " enum";
    }

    static String invalidPresetLocation() {
        return "Preset directives can be defined only on INPUT_FIELD_DEFINITION or ARGUMENT_DEFINITION";
    }

    static String multiplePresets(String kind, String parent) {
        return "found multiple preset directives at " + q(kind) + " " + q(parent);
    }

    static String noPresetArgument() {
        return "no arguments found in the preset directive";
    }

    static String presetValueMissing(String argument) {
        return "preset argument \"value\" not found at " + q(argument);
    }

    static String expectedInputType(String type) {
        return "expected " + q(type) + " to be an input type, but it's an output type";
    }

    static String enumValueNotFound(String enumName, String value) {
        return q(value) + " not found in the enum: " + q(enumName);
    }

    static String expectedEnumValue(String type, String value) {
        return "expected preset value " + q(value) + " of type " + q(type) + " to be an enum value";
    }

    static String expectedScalarValue(String type, String value) {
        return "expected preset value " + q(value) + " of type " + q(type) + " to be a scalar value";
    }

    static String expectedInputObject(String type, String value) {
        return "expected preset value " + q(value) + " of type " + q(type) + " to be an input object value";
    }

    static String keyNotInInputObject(String key, String type) {
        return q(key) + " does not exist in the input object " + q(type);
    }

    static String sessionVariableForList(String name) {
        return "illegal preset value at " + q(name) + ". Session arguments can only be set for singleton values";
    }

    static String invalidStaticValue() {
        return "expected preset static value to be a Boolean value";
    }

    /** Junction's own: a role's root type must be the remote's root type of that operation. */
    static String rootTypeMismatch(String operation, String upstream, String provided) {
        return operation + " root " + q(provided) + " is not the " + operation + " root of the upstream remote schema: "
                + q(upstream);
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    /** Hasura's englishList "and" of quoted names: {@code "a"}, {@code "a" and "b"}, {@code "a", "b", and "c"}. */
    static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(RoleSchemaReasons::q).toList();
        if (quoted.size() == 1) {
            return quoted.getFirst();
        }
        if (quoted.size() == 2) {
            return quoted.get(0) + " and " + quoted.get(1);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.getLast();
    }
}
