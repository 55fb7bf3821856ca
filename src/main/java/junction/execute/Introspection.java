package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.plan.ir.RootNode;
import junction.schema.RoleSchema;
import junction.schema.SchemaBuilder;

/** Answers {@code __schema} / {@code __type} root fields with graphql-java against the role's schema. */
final class Introspection {
    private Introspection() {
    }

    static ObjectNode run(RoleSchema schema, Document document, OperationDefinition operation,
                          List<RootNode.Introspection> fields, JsonNode variables) {
        List<Selection> selections = new ArrayList<>();
        fields.forEach(f -> selections.add(f.field()));
        OperationDefinition only = operation.transform(b -> b.selectionSet(SelectionSet.newSelectionSet(selections).build())
                .directives(List.of()));
        List<Definition> definitions = new ArrayList<>();
        definitions.add(only);
        definitions.addAll(document.getDefinitionsOfType(FragmentDefinition.class));
        Document introspection = Document.newDocument().definitions(definitions).build();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = Json.MAPPER.convertValue(variables, Map.class);
        ExecutionResult result = schema.introspection().execute(ExecutionInput.newExecutionInput()
                .query("# pre-parsed")
                .operationName(operation.getName())
                .variables(values)
                .graphQLContext(Map.of(SchemaBuilder.DOCUMENT, introspection))
                .build());
        if (!result.getErrors().isEmpty()) {
            // the operation passed validation: an error here is the engine's, its text for admins only
            ObjectNode internal = Json.object();
            result.getErrors().forEach(e -> internal.withArray("errors").add(e.getMessage()));
            throw ApiException.of(Code.UNEXPECTED, ApiException.UNEXPECTED_MESSAGE).withInternal(internal);
        }
        return Json.MAPPER.valueToTree(result.getData());
    }
}
