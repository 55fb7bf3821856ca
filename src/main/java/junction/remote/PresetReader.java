package junction.remote;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads the {@code @preset(value: V, static: B)} directives of a role's SDL into {@link Preset}s,
 * checking V against the type (as the role's SDL defines it) the way Hasura does: a scalar takes a
 * scalar literal, an enum one of its values, an input object only its own fields; a string starting
 * with {@code x-hasura-} is a session variable unless {@code static: true} (for enums always), and
 * only for a single value, not a list.
 */
final class PresetReader {
    private static final Set<String> BUILT_IN = Set.of("Int", "Float", "String", "Boolean", "ID");

    private final Map<String, TypeDefinition<?>> types = new LinkedHashMap<>();
    private final RoleSchemaValidator.Problems problems;
    private final Map<String, Map<String, Map<String, Preset>>> arguments = new LinkedHashMap<>();
    private final Map<String, Map<String, Preset>> inputFields = new LinkedHashMap<>();

    PresetReader(List<TypeDefinition> provided, RoleSchemaValidator.Problems problems) {
        provided.forEach(t -> types.putIfAbsent(t.getName(), t));
        this.problems = problems;
    }

    /** Reads a preset on argument {@code argument} of field {@code field} of {@code parent}. */
    Consumer<Directive> argument(String parent, String field, InputValueDefinition argument) {
        return directive -> arguments.computeIfAbsent(parent, p -> new LinkedHashMap<>())
                .computeIfAbsent(field, f -> new LinkedHashMap<>()).put(argument.getName(), read(directive, argument));
    }

    /** Reads a preset on field {@code field} of input object {@code type}. */
    Consumer<Directive> inputField(String type, InputValueDefinition field) {
        return directive -> inputFields.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(field.getName(),
                read(directive, field));
    }

    /** The presets read, and the fields' types of the role's input objects. */
    RemotePresets collected() {
        Map<String, Map<String, String>> inputTypes = new LinkedHashMap<>();
        types.values().forEach(t -> {
            if (t instanceof InputObjectTypeDefinition input) {
                Map<String, String> fields = new LinkedHashMap<>();
                input.getInputValueDefinitions().forEach(f -> fields.put(f.getName(), named(f.getType())));
                inputTypes.put(input.getName(), fields);
            }
        });
        return new RemotePresets(arguments, inputFields, inputTypes);
    }

    private Preset read(Directive directive, InputValueDefinition target) {
        if (directive.getArguments().isEmpty()) {
            problems.refute(RoleSchemaReasons.noPresetArgument());
        }
        Argument value = directive.getArgument("value");
        if (value == null) {
            problems.refute(RoleSchemaReasons.presetValueMissing(target.getName()));
        }
        Argument staticArgument = directive.getArgument("static");
        boolean isStatic = false;
        if (staticArgument != null) {
            if (!(staticArgument.getValue() instanceof BooleanValue b)) {
                problems.refute(RoleSchemaReasons.invalidStaticValue());
                return null;
            }
            isStatic = b.isValue();
        }
        List<SessionPreset> sessions = new ArrayList<>();
        Value<?> parsed = value(target.getType(), target.getName(), isStatic, value.getValue(), sessions);
        return new Preset(parsed, sessions);
    }

    private Value<?> value(Type<?> type, String name, boolean isStatic, Value<?> value, List<SessionPreset> sessions) {
        if (type instanceof NonNullType nonNull) {
            return value(nonNull.getType(), name, isStatic, value, sessions);
        }
        if (type instanceof ListType list) {
            if (value instanceof ArrayValue array) {
                List<Value> items = new ArrayList<>();
                array.getValues().forEach(v -> items.add(value(list.getType(), name, isStatic, v, sessions)));
                return ArrayValue.newArrayValue().values(items).build();
            }
            if (value instanceof StringValue s && SessionPreset.isSessionVariable(s.getValue())) {
                problems.refute(RoleSchemaReasons.sessionVariableForList(name));
            }
            return value(list.getType(), name, isStatic, value, sessions);
        }
        String typeName = ((TypeName) type).getName();
        TypeDefinition<?> definition = types.get(typeName);
        if (BUILT_IN.contains(typeName) || definition instanceof ScalarTypeDefinition) {
            return scalar(typeName, isStatic, value, sessions);
        }
        if (definition instanceof EnumTypeDefinition enumType) {
            return enumValue(enumType, value, sessions);
        }
        if (definition instanceof InputObjectTypeDefinition input) {
            return object(input, isStatic, value, sessions);
        }
        problems.refute(RoleSchemaReasons.expectedInputType(typeName));
        return null;
    }

    private Value<?> scalar(String typeName, boolean isStatic, Value<?> value, List<SessionPreset> sessions) {
        if (value instanceof EnumValue || value instanceof ArrayValue || value instanceof ObjectValue
                || value instanceof VariableReference) {
            problems.refute(RoleSchemaReasons.expectedScalarValue(typeName, print(value)));
        }
        if (value instanceof StringValue s && SessionPreset.isSessionVariable(s.getValue()) && !isStatic) {
            return session(new SessionPreset(s.getValue(), typeName, null), sessions);
        }
        return value;
    }

    private Value<?> enumValue(EnumTypeDefinition enumType, Value<?> value, List<SessionPreset> sessions) {
        Set<String> values = enumType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName)
                .collect(Collectors.toSet());
        if (value instanceof EnumValue e) {
            if (!values.contains(e.getName())) {
                problems.refute(RoleSchemaReasons.enumValueNotFound(enumType.getName(), e.getName()));
            }
            return value;
        }
        if (value instanceof StringValue s && SessionPreset.isSessionVariable(s.getValue())) {
            return session(new SessionPreset(s.getValue(), enumType.getName(), values), sessions);
        }
        problems.refute(RoleSchemaReasons.expectedEnumValue(enumType.getName(), print(value)));
        return null;
    }

    private Value<?> object(InputObjectTypeDefinition input, boolean isStatic, Value<?> value, List<SessionPreset> sessions) {
        if (!(value instanceof ObjectValue object)) {
            problems.refute(RoleSchemaReasons.expectedInputObject(input.getName(), print(value)));
            return null;
        }
        Map<String, InputValueDefinition> fields = new LinkedHashMap<>();
        input.getInputValueDefinitions().forEach(f -> fields.put(f.getName(), f));
        List<ObjectField> out = new ArrayList<>();
        for (ObjectField field : object.getObjectFields()) {
            InputValueDefinition definition = fields.get(field.getName());
            if (definition == null) {
                problems.refute(RoleSchemaReasons.keyNotInInputObject(field.getName(), input.getName()));
            }
            out.add(new ObjectField(field.getName(), value(definition.getType(), field.getName(), isStatic, field.getValue(),
                    sessions)));
        }
        return ObjectValue.newObjectValue().objectFields(out).build();
    }

    private static Value<?> session(SessionPreset preset, List<SessionPreset> sessions) {
        sessions.add(preset);
        return new VariableReference(preset.variable());
    }

    private static String print(Value<?> value) {
        return AstPrinter.printAstCompact(value);
    }

    static String named(Type<?> type) {
        return switch (type) {
            case NonNullType n -> named(n.getType());
            case ListType l -> named(l.getType());
            case TypeName t -> t.getName();
            default -> throw new IllegalArgumentException("unexpected type " + type);
        };
    }
}
