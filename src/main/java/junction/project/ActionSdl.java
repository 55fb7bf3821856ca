package junction.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SourceLocation;
import graphql.language.Type;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL half of actions, as Hasura's CLI keeps it in {@code actions.graphql}: each action a
 * field of {@code type Mutation} or {@code type Query} (its arguments and output type), and the
 * custom types (enums, input objects, objects, scalars) with their fields, values and descriptions.
 * Metadata → graphql-java AST ({@link #document}) and AST → metadata ({@link #read}).
 */
final class ActionSdl {
    /** The custom type kinds in the order Hasura's CLI writes them. */
    static final List<String> KINDS = List.of("enums", "input_objects", "objects", "scalars");

    private ActionSdl() {
    }

    /** What actions.graphql says: each action's type, arguments and output type; each custom type by kind. */
    record Read(Map<String, ObjectNode> actions, Map<String, Map<String, ObjectNode>> types) {
    }

    static Document document(JsonNode actions, JsonNode customTypes) {
        List<Definition> definitions = new ArrayList<>();
        for (JsonNode action : actions) {
            JsonNode definition = action.path("definition");
            FieldDefinition field = FieldDefinition.newFieldDefinition().name(action.path("name").asText())
                    .inputValueDefinitions(values(definition.path("arguments")))
                    .type(type(definition.path("output_type"))).build();
            definitions.add(ObjectTypeDefinition.newObjectTypeDefinition()
                    .name("query".equals(definition.path("type").asText()) ? "Query" : "Mutation")
                    .fieldDefinition(field).build());
        }
        for (JsonNode type : customTypes.path("enums")) {
            List<EnumValueDefinition> values = new ArrayList<>();
            for (JsonNode value : type.path("values")) {
                values.add(EnumValueDefinition.newEnumValueDefinition().name(value.path("value").asText())
                        .description(description(value)).build());
            }
            definitions.add(EnumTypeDefinition.newEnumTypeDefinition().name(name(type)).description(description(type))
                    .enumValueDefinitions(values).build());
        }
        for (JsonNode type : customTypes.path("input_objects")) {
            definitions.add(InputObjectTypeDefinition.newInputObjectDefinition().name(name(type))
                    .description(description(type)).inputValueDefinitions(values(type.path("fields"))).build());
        }
        for (JsonNode type : customTypes.path("objects")) {
            List<FieldDefinition> fields = new ArrayList<>();
            for (JsonNode field : type.path("fields")) {
                fields.add(FieldDefinition.newFieldDefinition().name(name(field)).type(type(field.path("type")))
                        .description(description(field)).build());
            }
            definitions.add(ObjectTypeDefinition.newObjectTypeDefinition().name(name(type)).description(description(type))
                    .fieldDefinitions(fields).build());
        }
        for (JsonNode type : customTypes.path("scalars")) {
            definitions.add(ScalarTypeDefinition.newScalarTypeDefinition().name(name(type)).description(description(type)).build());
        }
        return Document.newDocument().definitions(definitions).build();
    }

    private static List<InputValueDefinition> values(JsonNode list) {
        List<InputValueDefinition> values = new ArrayList<>();
        for (JsonNode value : list) {
            values.add(InputValueDefinition.newInputValueDefinition().name(name(value)).type(type(value.path("type")))
                    .description(description(value)).build());
        }
        return values;
    }

    private static String name(JsonNode node) {
        return node.path("name").asText();
    }

    private static Type<?> type(JsonNode type) {
        try {
            return Parser.parseType(type.asText());
        } catch (InvalidSyntaxException e) {
            throw new ProjectException("not a GraphQL type: " + type);
        }
    }

    private static Description description(JsonNode node) {
        JsonNode description = node.path("description");
        return description.isTextual() ? new Description(description.asText(), null, false) : null;
    }

    /** The actions and custom types an actions.graphql text defines; an error names the file and line. */
    static Read read(String sdl, String file) {
        Map<String, ObjectNode> actions = new LinkedHashMap<>();
        Map<String, Map<String, ObjectNode>> types = new LinkedHashMap<>();
        KINDS.forEach(kind -> types.put(kind, new LinkedHashMap<>()));
        if (sdl.isBlank()) {
            return new Read(actions, types);
        }
        Document document;
        try {
            document = Parser.parse(sdl);
        } catch (InvalidSyntaxException e) {
            SourceLocation at = e.getLocation();
            throw new ProjectException(file + (at == null ? "" : ":" + at.getLine()) + ": invalid GraphQL: " + e.getMessage());
        }
        for (Definition<?> definition : document.getDefinitions()) {
            switch (definition) {
                case ObjectTypeDefinition root when root.getName().equals("Query") || root.getName().equals("Mutation") -> {
                    for (FieldDefinition field : root.getFieldDefinitions()) {
                        actions.put(field.getName(), action(field, root.getName().equals("Query") ? "query" : "mutation"));
                    }
                }
                case ObjectTypeDefinition object -> types.get("objects").put(object.getName(),
                        type(object.getName(), object.getDescription(), "fields", fields(object.getFieldDefinitions())));
                case InputObjectTypeDefinition input -> types.get("input_objects").put(input.getName(),
                        type(input.getName(), input.getDescription(), "fields", arguments(input.getInputValueDefinitions())));
                case EnumTypeDefinition e -> types.get("enums").put(e.getName(),
                        type(e.getName(), e.getDescription(), "values", enumValues(e.getEnumValueDefinitions())));
                case ScalarTypeDefinition scalar -> types.get("scalars").put(scalar.getName(),
                        type(scalar.getName(), scalar.getDescription(), null, null));
                default -> throw new ProjectException(file + ":" + definition.getSourceLocation().getLine()
                        + ": actions.graphql holds only object, input, enum and scalar types");
            }
        }
        return new Read(actions, types);
    }

    private static ObjectNode action(FieldDefinition field, String kind) {
        ObjectNode definition = MetadataFiles.NODES.objectNode();
        definition.put("output_type", AstPrinter.printAst(field.getType()));
        if (!field.getInputValueDefinitions().isEmpty()) {
            definition.set("arguments", arguments(field.getInputValueDefinitions()));
        }
        definition.put("type", kind);
        return definition;
    }

    private static ObjectNode type(String name, Description description, String key, ArrayNode members) {
        ObjectNode type = MetadataFiles.NODES.objectNode();
        type.put("name", name);
        if (key != null) {
            type.set(key, members);
        }
        describe(type, description);
        return type;
    }

    private static ArrayNode arguments(List<InputValueDefinition> values) {
        ArrayNode list = MetadataFiles.NODES.arrayNode();
        for (InputValueDefinition value : values) {
            ObjectNode entry = list.addObject().put("name", value.getName()).put("type", AstPrinter.printAst(value.getType()));
            describe(entry, value.getDescription());
        }
        return list;
    }

    private static ArrayNode fields(List<FieldDefinition> fields) {
        ArrayNode list = MetadataFiles.NODES.arrayNode();
        for (FieldDefinition field : fields) {
            ObjectNode entry = list.addObject().put("name", field.getName()).put("type", AstPrinter.printAst(field.getType()));
            describe(entry, field.getDescription());
        }
        return list;
    }

    private static ArrayNode enumValues(List<EnumValueDefinition> values) {
        ArrayNode list = MetadataFiles.NODES.arrayNode();
        for (EnumValueDefinition value : values) {
            describe(list.addObject().put("value", value.getName()), value.getDescription());
        }
        return list;
    }

    private static void describe(ObjectNode node, Description description) {
        if (description != null) {
            node.put("description", SdlPrinter.text(description));
        }
    }
}
