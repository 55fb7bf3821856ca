package junction.remote;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Builds what to send to a remote for the client's fields of one remote schema at the root of an
 * operation. Without a namespace, all of them go in one request, as written (names translated).
 * With a namespace, the client selected namespace fields ({@code usersApi { user(id: 1) { … } }});
 * each distinct response key of those becomes one request whose root selection is the namespace
 * field's selection, unwrapped. Variable definitions are copied for the variables used, with their
 * types in the remote's names; fragment definitions for the fragments used, translated.
 */
public final class RemoteQueryBuilder {

    /**
     * @param remoteSchema        the remote schema's name (carried into the result for the caller)
     * @param remote              its customized schema
     * @param operation           query or mutation
     * @param rootFields          the client's root fields that belong to this remote, in document order
     *                            (root-level fragments already flattened by the caller)
     * @param fragments           every fragment definition of the client's document, by name
     * @param variableDefinitions the client operation's variable definitions
     */
    public List<RemoteQuery> build(String remoteSchema, CustomizedSchema remote, OperationDefinition.Operation operation,
                                   List<Field> rootFields, Map<String, FragmentDefinition> fragments,
                                   List<VariableDefinition> variableDefinitions) {
        GraphQLObjectType root = remote.rootType(operation).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                "the remote schema " + remoteSchema + " has no " + operation.name().toLowerCase() + " root"));
        if (remote.namespace().isEmpty()) {
            return List.of(one(remoteSchema, remote, operation, root, rootFields, Optional.empty(), rootFields, fragments,
                    variableDefinitions));
        }
        Map<String, List<Field>> byKey = new LinkedHashMap<>();
        rootFields.forEach(f -> byKey.computeIfAbsent(f.getResultKey(), k -> new ArrayList<>()).add(f));
        List<RemoteQuery> out = new ArrayList<>();
        byKey.forEach((key, namespaceFields) -> out.add(one(remoteSchema, remote, operation, root,
                unwrap(namespaceFields), Optional.of(key), namespaceFields, fragments, variableDefinitions)));
        return out;
    }

    /**
     * Translates a client's selection on the remote type the client knows as {@code customParentType}
     * (for remote joins: the selection under a remote relationship field).
     */
    public RemoteSelection translate(CustomizedSchema remote, String customParentType, List<Selection> selections,
                                     Map<String, FragmentDefinition> fragments) {
        return translate(remote, customParentType, selections, fragments, java.util.Set.of());
    }

    /**
     * The same, for the field of a remote join: {@code filled} are the arguments of the first
     * selection (the joined field) that the join's template fills, whose presets are not added.
     */
    public RemoteSelection translate(CustomizedSchema remote, String customParentType, List<Selection> selections,
                                     Map<String, FragmentDefinition> fragments, java.util.Set<String> filled) {
        SelectionTranslator translator = new SelectionTranslator(remote, fragments).filledByJoin(filled);
        List<Selection> translated = translator.translate(selections, customParentType);
        return new RemoteSelection(translated, translator.fragments(), List.copyOf(translator.variables()),
                new ShapeCollector(fragments).collect(selections), translator.sessions(), translator.patches());
    }

    /**
     * The client variables {@code used} by a translated selection, declared in the remote's type
     * names (for remote joins, which declare them in their own query).
     */
    public List<VariableDefinition> variableDefinitions(CustomizedSchema remote, List<VariableDefinition> variableDefinitions,
                                                        java.util.Collection<String> used) {
        DocumentRenamer types = new DocumentRenamer(reverse(remote.names()));
        List<VariableDefinition> out = new ArrayList<>();
        for (VariableDefinition definition : variableDefinitions) {
            if (used.contains(definition.getName())) {
                out.add(definition.transform(b -> b.type(types.type(definition.getType())).defaultValue(null)
                        .directives(List.of())));
            }
        }
        return out;
    }

    /** The selections under namespace fields; a namespace field's directives stay with its selections. */
    private static List<Selection> unwrap(List<Field> namespaceFields) {
        List<Selection> out = new ArrayList<>();
        for (Field field : namespaceFields) {
            List<Selection> selections = field.getSelectionSet().getSelections();
            if (field.getDirectives().isEmpty()) {
                out.addAll(selections);
            } else {
                out.add(InlineFragment.newInlineFragment().directives(field.getDirectives())
                        .selectionSet(SelectionSet.newSelectionSet(selections).build()).build());
            }
        }
        return out;
    }

    private RemoteQuery one(String remoteSchema, CustomizedSchema remote, OperationDefinition.Operation operation,
                            GraphQLObjectType root, List<? extends Selection> selections, Optional<String> namespaceKey,
                            List<Field> clientFields, Map<String, FragmentDefinition> fragments,
                            List<VariableDefinition> variableDefinitions) {
        SelectionTranslator translator = new SelectionTranslator(remote, fragments);
        List<Selection> translated = translator.translate(List.copyOf(selections), root.getName());
        List<VariableDefinition> used = new ArrayList<>();
        DocumentRenamer types = new DocumentRenamer(reverse(remote.names()));
        for (VariableDefinition definition : variableDefinitions) {
            if (translator.variables().contains(definition.getName())) {
                used.add(definition.transform(b -> b.type(types.type(definition.getType())).directives(List.of())));
            }
        }
        List<String> clientVariables = used.stream().map(VariableDefinition::getName).toList();
        for (SessionPreset session : translator.sessions()) {
            used.add(VariableDefinition.newVariableDefinition(session.variable(), session.variableType()).build());
        }
        List<Definition> definitions = new ArrayList<>();
        definitions.add(OperationDefinition.newOperationDefinition().operation(operation).variableDefinitions(used)
                .selectionSet(SelectionSet.newSelectionSet(translated).build()).build());
        definitions.addAll(translator.fragments());
        String text = CompactPrinter.print(Document.newDocument().definitions(definitions).build());
        List<Selection> shapeSource = namespaceKey.isPresent() ? List.copyOf(selections) : List.copyOf(clientFields);
        ResultShape shape = new ShapeCollector(fragments).collect(shapeSource);
        List<String> rootKeys = clientFields.stream().map(Field::getResultKey).distinct().toList();
        return new RemoteQuery(remoteSchema, text, clientVariables, namespaceKey,
                rootKeys, shape, remote.names(), translator.sessions(), translator.patches(), remote.presets());
    }

    /** Customized → original type names, to write variable types the remote understands. */
    private static RemoteNames reverse(RemoteNames names) {
        Map<String, String> types = new LinkedHashMap<>();
        names.types().forEach((original, custom) -> types.put(custom, original));
        return new RemoteNames(types, Map.of());
    }
}
