package junction.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;

/** Small helpers shared by the remote join tests. */
final class Joins {
    private static final Pattern ALIAS = Pattern.compile("\\br\\d+_\\d+:");

    private Joins() {
    }

    /** {@code add_remote_schema} with a plain URL and an optional customization (JSON text, or null). */
    static void addRemoteSchema(EngineFixture junction, String name, GraphqlTestServer server, String customization) {
        junction.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"" + name + "\", \"definition\": {\"url\": \""
                + server.url() + "\"" + (customization == null ? "" : ", \"customization\": " + customization)
                + ", \"timeout_seconds\": 5}}}");
    }

    /** A field's type as GraphQL writes it ({@code [User]!}), read by introspection. */
    static String fieldType(EngineFixture junction, String typeName, String fieldName) {
        JsonNode field = field(junction, typeName, fieldName);
        return field == null ? null : typeText(field.get("type"));
    }

    /** A field of a type by introspection ({@code name}, {@code type}, {@code args}), or null when absent. */
    static JsonNode field(EngineFixture junction, String typeName, String fieldName) {
        JsonNode type = junction.gql("{ __type(name: \"" + typeName + "\") { fields { name type { ...T } args { name type { ...T } } } } }"
                + " fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }")
                .at("/data/__type/fields");
        for (JsonNode field : type) {
            if (field.get("name").asText().equals(fieldName)) {
                return field;
            }
        }
        return null;
    }

    /** The arguments of a field as {@code name: Type} texts, in introspection order. */
    static List<String> arguments(EngineFixture junction, String typeName, String fieldName) {
        List<String> out = new ArrayList<>();
        field(junction, typeName, fieldName).get("args").forEach(a -> out.add(a.get("name").asText() + ": " + typeText(a.get("type"))));
        return out;
    }

    /** The input fields of an input type as {@code name: Type} texts; empty when the type does not exist. */
    static List<String> inputFields(EngineFixture junction, String typeName) {
        JsonNode type = junction.gql("{ __type(name: \"" + typeName + "\") { inputFields { name type { ...T } } } }"
                + " fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }")
                .at("/data/__type");
        List<String> out = new ArrayList<>();
        if (type.isNull() || type.isMissingNode()) {
            return out;
        }
        type.get("inputFields").forEach(f -> out.add(f.get("name").asText() + ": " + typeText(f.get("type"))));
        return out;
    }

    static String typeText(JsonNode type) {
        return switch (type.get("kind").asText()) {
            case "NON_NULL" -> typeText(type.get("ofType")) + "!";
            case "LIST" -> "[" + typeText(type.get("ofType")) + "]";
            default -> type.get("name").asText();
        };
    }

    /** How many aliased fields ({@code r<batch>_<set>:}) a query sent to a remote holds. */
    static int aliases(String query) {
        Matcher m = ALIAS.matcher(query);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
