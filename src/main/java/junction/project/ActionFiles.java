package junction.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Actions and custom types split as Hasura's CLI splits them: {@code actions.graphql} holds each
 * action's GraphQL signature and the custom types' fields and values ({@link ActionSdl}),
 * {@code actions.yaml} the rest — each action's name, handler, kind, headers, timeout, transforms,
 * permissions and comment, each custom type's name with its description, enum values and
 * relationships. Reading merges the two back into the metadata document's {@code actions} and
 * {@code custom_types}.
 */
final class ActionFiles {
    /** The definition keys actions.yaml keeps, in the order Hasura's CLI writes them. */
    private static final List<String> YAML_DEFINITION = List.of("kind", "handler", "forward_client_headers", "headers",
            "timeout", "request_transform", "response_transform");
    private static final Set<String> SDL_DEFINITION = Set.of("type", "arguments", "output_type");
    /** An action's definition keys in the order Hasura's server exports them. */
    private static final List<String> SERVER_DEFINITION = List.of("handler", "output_type", "forward_client_headers", "headers",
            "arguments", "request_transform", "response_transform", "type", "kind", "timeout");

    private ActionFiles() {
    }

    /** actions.yaml and actions.graphql for the document's actions and custom types. */
    static void write(JsonNode document, Map<String, String> files) {
        JsonNode actions = document.path("actions");
        JsonNode types = document.path("custom_types");
        ObjectNode yaml = MetadataFiles.NODES.objectNode();
        ArrayNode list = yaml.putArray("actions");
        for (JsonNode action : actions) {
            list.add(yamlAction(action));
        }
        ObjectNode kinds = yaml.putObject("custom_types");
        for (String kind : ActionSdl.KINDS) {
            ArrayNode entries = kinds.putArray(kind);
            for (JsonNode type : types.path(kind)) {
                ObjectNode entry = MetadataFiles.NODES.objectNode();
                for (String key : List.of("name", "description", "values", "relationships")) {
                    if (type.has(key)) {
                        entry.set(key, type.get(key));
                    }
                }
                type.fields().forEachRemaining(f -> {
                    if (!entry.has(f.getKey()) && !f.getKey().equals("fields")) {
                        entry.set(f.getKey(), f.getValue());
                    }
                });
                entries.add(entry);
            }
        }
        files.put("actions.yaml", YamlText.of(yaml));
        files.put("actions.graphql", SdlPrinter.print(ActionSdl.document(actions, types)));
    }

    private static ObjectNode yamlAction(JsonNode action) {
        ObjectNode entry = MetadataFiles.NODES.objectNode();
        entry.set("name", action.path("name"));
        JsonNode definition = action.path("definition");
        ObjectNode kept = entry.putObject("definition");
        kept.set("kind", definition.has("kind") ? definition.get("kind") : MetadataFiles.NODES.textNode(""));
        for (String key : YAML_DEFINITION) {
            if (!key.equals("kind") && definition.has(key)) {
                kept.set(key, definition.get(key));
            }
        }
        definition.fields().forEachRemaining(f -> {
            if (!kept.has(f.getKey()) && !SDL_DEFINITION.contains(f.getKey())) {
                kept.set(f.getKey(), f.getValue());
            }
        });
        action.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("name") && !f.getKey().equals("definition") && !f.getKey().equals("comment")) {
                entry.set(f.getKey(), f.getValue());
            }
        });
        if (action.has("comment")) {
            entry.set("comment", action.get("comment"));
        }
        return entry;
    }

    /** The document's actions and custom_types from actions.yaml's content and actions.graphql's text. */
    static void read(JsonNode yaml, String sdl, String yamlFile, String sdlFile, ObjectNode document) {
        ActionSdl.Read read = ActionSdl.read(sdl, sdlFile);
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (JsonNode entry : yaml.path("actions")) {
            String name = entry.path("name").asText();
            if (!read.actions().containsKey(name)) {
                throw new ProjectException(yamlFile + ": action " + name + " is not present in " + sdlFile);
            }
            entries.put(name, entry);
        }
        ArrayNode actions = MetadataFiles.NODES.arrayNode();
        read.actions().forEach((name, signature) -> {
            JsonNode entry = entries.get(name);
            if (entry == null) {
                throw new ProjectException(sdlFile + ": action " + name + " has no entry (handler, kind) in " + yamlFile);
            }
            actions.add(action(entry, signature));
        });
        if (!actions.isEmpty()) {
            document.set("actions", actions);
        }
        ObjectNode customTypes = MetadataFiles.NODES.objectNode();
        for (String kind : List.of("input_objects", "objects", "scalars", "enums")) {
            Map<String, ObjectNode> fromSdl = read.types().get(kind);
            for (JsonNode entry : yaml.path("custom_types").path(kind)) {
                if (!fromSdl.containsKey(entry.path("name").asText())) {
                    throw new ProjectException(yamlFile + ": custom type " + entry.path("name").asText() + " is not present in " + sdlFile);
                }
            }
            if (fromSdl.isEmpty()) {
                continue;
            }
            ArrayNode list = customTypes.putArray(kind);
            fromSdl.forEach((name, type) -> list.add(type(type, entry(yaml.path("custom_types").path(kind), name))));
        }
        if (!customTypes.isEmpty()) {
            document.set("custom_types", customTypes);
        }
    }

    private static ObjectNode action(JsonNode entry, ObjectNode signature) {
        JsonNode kept = entry.path("definition");
        ObjectNode definition = MetadataFiles.NODES.objectNode();
        for (String key : SERVER_DEFINITION) {
            JsonNode value = signature.has(key) ? signature.get(key) : kept.get(key);
            if (value != null && !(key.equals("kind") && value.asText().isEmpty())) {
                definition.set(key, value);
            }
        }
        kept.fields().forEachRemaining(f -> {
            if (!definition.has(f.getKey()) && !f.getKey().equals("kind") && !SDL_DEFINITION.contains(f.getKey())) {
                definition.set(f.getKey(), f.getValue());
            }
        });
        ObjectNode action = MetadataFiles.NODES.objectNode();
        action.set("name", entry.path("name"));
        action.set("definition", definition);
        for (String key : List.of("comment", "permissions")) {
            if (entry.has(key)) {
                action.set(key, entry.get(key));
            }
        }
        entry.fields().forEachRemaining(f -> {
            if (!action.has(f.getKey())) {
                action.set(f.getKey(), f.getValue());
            }
        });
        return action;
    }

    private static JsonNode entry(JsonNode entries, String name) {
        for (JsonNode entry : entries) {
            if (name.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        return null;
    }

    /**
     * A custom type from actions.graphql with what actions.yaml adds: its description (actions.yaml's
     * wins, as in Hasura's CLI), relationships, and enum values with their other keys when they say
     * the same values and descriptions as the SDL.
     */
    private static ObjectNode type(ObjectNode fromSdl, JsonNode entry) {
        if (entry == null) {
            return fromSdl;
        }
        ObjectNode type = fromSdl.deepCopy();
        type.remove("description");
        if (fromSdl.has("values") && sameValues(entry.path("values"), fromSdl.get("values"))) {
            type.set("values", entry.get("values"));
        }
        if (entry.has("description")) {
            type.set("description", entry.get("description"));
        }
        entry.fields().forEachRemaining(f -> {
            if (!type.has(f.getKey()) && !f.getKey().equals("fields") && !f.getKey().equals("values")) {
                type.set(f.getKey(), f.getValue());
            }
        });
        return type;
    }

    private static boolean sameValues(JsonNode kept, JsonNode fromSdl) {
        if (!kept.isArray() || kept.size() != fromSdl.size()) {
            return false;
        }
        for (int i = 0; i < kept.size(); i++) {
            JsonNode a = kept.get(i);
            JsonNode b = fromSdl.get(i);
            if (!a.path("value").equals(b.path("value")) || !a.path("description").asText("").equals(b.path("description").asText(""))) {
                return false;
            }
        }
        return true;
    }
}
