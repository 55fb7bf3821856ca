package junction.project;

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
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;
import junction.json.Json;

/**
 * {@code actions.graphql} as Hasura's CLI lays it out (its cli-ext {@code sdlUtils}): each
 * definition followed by a blank line, fields indented by two, an action's arguments one a line
 * between {@code (} and {@code )}, a description before what it describes on the same line as
 * {@code """ text """ } — or, where that would not read back as the same text, as an escaped
 * {@code "…"} string.
 */
final class SdlPrinter {
    private SdlPrinter() {
    }

    static String print(Document document) {
        StringBuilder out = new StringBuilder();
        for (Definition<?> definition : document.getDefinitions()) {
            switch (definition) {
                case ObjectTypeDefinition type -> block(out, type.getDescription(), "type " + type.getName(),
                        type.getFieldDefinitions().stream().map(SdlPrinter::field).toList());
                case InputObjectTypeDefinition input -> block(out, input.getDescription(), "input " + input.getName(),
                        input.getInputValueDefinitions().stream().map(v -> value(v, "  ")).toList());
                case EnumTypeDefinition e -> block(out, e.getDescription(), "enum " + e.getName(),
                        e.getEnumValueDefinitions().stream().map(SdlPrinter::enumValue).toList());
                case ScalarTypeDefinition scalar -> out.append(description(scalar.getDescription()))
                        .append("scalar ").append(scalar.getName()).append("\n\n");
                default -> throw new IllegalArgumentException("not an action type: " + definition);
            }
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Description description, String head, List<String> lines) {
        out.append(description(description)).append(head).append(" {\n");
        lines.forEach(line -> out.append(line).append('\n'));
        out.append("}\n\n");
    }

    private static String field(FieldDefinition field) {
        StringBuilder line = new StringBuilder("  ").append(description(field.getDescription())).append(field.getName());
        if (!field.getInputValueDefinitions().isEmpty()) {
            line.append("(\n");
            field.getInputValueDefinitions().forEach(argument -> line.append(value(argument, "    ")).append('\n'));
            line.append("  )");
        }
        return line.append(": ").append(AstPrinter.printAst(field.getType())).toString();
    }

    private static String value(InputValueDefinition value, String indent) {
        return indent + description(value.getDescription()) + value.getName() + ": " + AstPrinter.printAst(value.getType());
    }

    private static String enumValue(EnumValueDefinition value) {
        return "  " + description(value.getDescription()) + value.getName();
    }

    /** {@code """ text """ } as Hasura writes it when it reads back as the same text, else {@code "text" }. */
    static String description(Description description) {
        if (description == null) {
            return "";
        }
        String text = description.getContent();
        String block = "\"\"\" " + text + " \"\"\" ";
        if (text.equals(text.strip()) && text.equals(read(block))) {
            return block;
        }
        // GraphQL's string escapes are JSON's
        return Json.write(Json.NODES.textNode(text)) + " ";
    }

    /** What a description reads back as, block strings trimmed as Hasura's CLI trims them. */
    private static String read(String description) {
        try {
            Description read = ((ScalarTypeDefinition) Parser.parse(description + "scalar X").getDefinitions().getFirst())
                    .getDescription();
            return text(read);
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }

    /** A description as it is read from actions.graphql: a block string trimmed (as Hasura's CLI does), a string as it is. */
    static String text(Description description) {
        return description.isMultiLine() ? description.getContent().strip() : description.getContent();
    }
}
