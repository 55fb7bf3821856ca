package junction.remote;

import graphql.language.Argument;
import graphql.schema.GraphQLArgument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Turns a client's selection on a remote's customized types into the same selection in the
 * remote's original names: field names (a renamed field keeps the client's name as its alias, so
 * the answer comes back under the client's keys), type conditions of inline fragments and fragment
 * definitions. Arguments, variables, directives, aliases and {@code __typename} are kept. Records
 * the fragments and variables the translated selection uses.
 */
final class SelectionTranslator {
    private final GraphQLSchema schema;
    private final RemoteNames names;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, FragmentDefinition> translatedFragments = new LinkedHashMap<>();
    private final Set<String> variables = new LinkedHashSet<>();
    private final RemotePresets presets;
    private final Set<SessionPreset> sessions = new LinkedHashSet<>();
    private final Map<String, String> patches = new LinkedHashMap<>();
    private Set<String> filledByJoin = Set.of();

    SelectionTranslator(CustomizedSchema remote, Map<String, FragmentDefinition> fragments) {
        this.schema = remote.schema();
        this.names = remote.names();
        this.fragments = fragments;
        this.presets = remote.presets();
    }

    /**
     * Arguments of the first field translated that a remote join's template fills: the role's
     * presets on them are not added (the row's value wins).
     */
    SelectionTranslator filledByJoin(Set<String> arguments) {
        this.filledByJoin = Set.copyOf(arguments);
        return this;
    }

    /** The session presets the translated selection uses (operation variables to declare and fill), in first-use order. */
    List<SessionPreset> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Client variables whose values need the role's input field presets added at request time:
     * variable → the original name of its input object type.
     */
    Map<String, String> patches() {
        return Map.copyOf(patches);
    }

    /** Fragment definitions used so far, translated, in first-use order. */
    List<FragmentDefinition> fragments() {
        return List.copyOf(translatedFragments.values());
    }

    /** Variables used so far (by name), in first-use order. */
    Set<String> variables() {
        return variables;
    }

    List<Selection> translate(List<Selection> selections, String customParent) {
        List<Selection> out = new ArrayList<>(selections.size());
        for (Selection<?> selection : selections) {
            out.add(translate(selection, customParent));
        }
        return out;
    }

    private Selection<?> translate(Selection<?> selection, String customParent) {
        return switch (selection) {
            case Field field -> field(field, customParent);
            case InlineFragment inline -> {
                TypeName condition = inline.getTypeCondition();
                String parent = condition == null ? customParent : condition.getName();
                directives(inline.getDirectives());
                yield inline.transform(b -> b.typeCondition(condition == null ? null : new TypeName(names.originalType(parent)))
                        .selectionSet(selectionSet(inline.getSelectionSet(), parent)));
            }
            case FragmentSpread spread -> {
                directives(spread.getDirectives());
                fragment(spread.getName());
                yield spread;
            }
            default -> throw new IllegalArgumentException("unexpected selection " + selection);
        };
    }

    private Field field(Field field, String customParent) {
        directives(field.getDirectives());
        if (field.getName().startsWith("__")) {
            arguments(field.getArguments());
            return field;
        }
        GraphQLFieldDefinition definition = definition(customParent, field.getName());
        String original = names.originalField(customParent, field.getName());
        String alias = field.getAlias() != null || original.equals(field.getName()) ? field.getAlias() : field.getName();
        List<Argument> arguments = presetArguments(field.getArguments(), definition, names.originalType(customParent), original);
        SelectionSet children = field.getSelectionSet() == null ? null
                : selectionSet(field.getSelectionSet(), namedType(definition.getType()));
        return field.transform(b -> b.name(original).alias(alias).arguments(arguments).selectionSet(children));
    }

    /** The client's arguments (input field presets added to literal input objects) and the role's preset arguments. */
    private List<Argument> presetArguments(List<Argument> given, GraphQLFieldDefinition definition, String originalParent,
                                           String originalField) {
        List<Argument> out = new ArrayList<>();
        for (Argument argument : given) {
            GraphQLArgument declared = definition.getArgument(argument.getName());
            String type = declared == null ? null : names.originalType(namedType(declared.getType()));
            out.add(argument.transform(b -> b.value(value(argument.getValue(), type))));
        }
        Set<String> filled = filledByJoin;
        filledByJoin = Set.of();
        presets.arguments(originalParent, originalField).forEach((name, preset) -> {
            if (!filled.contains(name) && out.stream().noneMatch(a -> a.getName().equals(name))) {
                sessions.addAll(preset.sessions());
                out.add(new Argument(name, preset.value()));
            }
        });
        for (GraphQLArgument declared : definition.getArguments()) {
            if (out.stream().noneMatch(a -> a.getName().equals(declared.getName())) && !filled.contains(declared.getName())
                    && !(GraphQLTypeUtil.unwrapNonNull(declared.getType()) instanceof graphql.schema.GraphQLList)) {
                String type = names.originalType(namedType(declared.getType()));
                if (!presets.inputFields(type).isEmpty()) {
                    out.add(new Argument(declared.getName(), value(ObjectValue.newObjectValue().build(), type)));
                }
            }
        }
        return out;
    }

    /** A client's argument value of the input type originally named {@code type} (null: unknown), with presets added. */
    private Value<?> value(Value<?> value, String type) {
        return switch (value) {
            case VariableReference v -> {
                variables.add(v.getName());
                if (type != null && presets.reaches(type)) {
                    patches.put(v.getName(), type);
                }
                yield v;
            }
            case ArrayValue a -> a.transform(b -> b.values(a.getValues().stream().<Value>map(v -> value(v, type)).toList()));
            case ObjectValue o -> {
                List<ObjectField> fields = new ArrayList<>();
                for (ObjectField f : o.getObjectFields()) {
                    fields.add(f.transform(b -> b.value(value(f.getValue(), type == null ? null : presets.fieldType(type, f.getName())))));
                }
                if (type != null) {
                    presets.inputFields(type).forEach((name, preset) -> {
                        sessions.addAll(preset.sessions());
                        fields.removeIf(f -> f.getName().equals(name));
                        fields.add(new ObjectField(name, preset.value()));
                    });
                }
                yield o.transform(b -> b.objectFields(fields));
            }
            default -> value;
        };
    }

    private SelectionSet selectionSet(SelectionSet set, String customParent) {
        return SelectionSet.newSelectionSet(translate(set.getSelections(), customParent)).build();
    }

    private void fragment(String name) {
        if (translatedFragments.containsKey(name)) {
            return;
        }
        FragmentDefinition fragment = fragments.get(name);
        if (fragment == null) {
            throw ApiException.of(Code.VALIDATION_FAILED, "fragment '" + name + "' not found");
        }
        translatedFragments.put(name, fragment);
        String parent = fragment.getTypeCondition().getName();
        directives(fragment.getDirectives());
        translatedFragments.put(name, fragment.transform(b -> b.typeCondition(new TypeName(names.originalType(parent)))
                .selectionSet(selectionSet(fragment.getSelectionSet(), parent))));
    }

    private GraphQLFieldDefinition definition(String customParent, String fieldName) {
        GraphQLType parent = schema.getType(customParent);
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(fieldName) : null;
        if (definition == null) {
            throw ApiException.of(Code.VALIDATION_FAILED, "field '" + fieldName + "' not found in type: '" + customParent + "'");
        }
        return definition;
    }

    private static String namedType(GraphQLType type) {
        return GraphQLTypeUtil.simplePrint(GraphQLTypeUtil.unwrapAll(type));
    }

    private void arguments(List<Argument> arguments) {
        arguments.forEach(a -> value(a.getValue()));
    }

    private void directives(List<Directive> directives) {
        directives.forEach(d -> arguments(d.getArguments()));
    }

    private void value(Value<?> value) {
        switch (value) {
            case VariableReference v -> variables.add(v.getName());
            case ArrayValue a -> a.getValues().forEach(this::value);
            case ObjectValue o -> o.getObjectFields().stream().map(ObjectField::getValue).forEach(this::value);
            default -> {
            }
        }
    }
}
