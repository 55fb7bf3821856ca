package junction.remote;

import static junction.remote.RoleSchemaReasons.customInterfaces;
import static junction.remote.RoleSchemaReasons.duplicateArguments;
import static junction.remote.RoleSchemaReasons.duplicateDirectives;
import static junction.remote.RoleSchemaReasons.duplicateEnumValues;
import static junction.remote.RoleSchemaReasons.duplicateFields;
import static junction.remote.RoleSchemaReasons.duplicateTypeNames;
import static junction.remote.RoleSchemaReasons.invalidPresetLocation;
import static junction.remote.RoleSchemaReasons.missingNonNullableArguments;
import static junction.remote.RoleSchemaReasons.multiplePresets;
import static junction.remote.RoleSchemaReasons.nonExistingDirectiveArgument;
import static junction.remote.RoleSchemaReasons.nonExistingEnumValues;
import static junction.remote.RoleSchemaReasons.nonExistingField;
import static junction.remote.RoleSchemaReasons.nonExistingInputArgument;
import static junction.remote.RoleSchemaReasons.nonExistingInterfaces;
import static junction.remote.RoleSchemaReasons.nonExistingUnionMembers;
import static junction.remote.RoleSchemaReasons.nonMatchingDefaultValue;
import static junction.remote.RoleSchemaReasons.nonMatchingType;
import static junction.remote.RoleSchemaReasons.typeDoesNotExist;

import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.idl.ScalarInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Checks a role's remote schema permission — its SDL — against the remote's original
 * (un-customized) type definitions, as Hasura does: every type, field, argument, input field, enum
 * value, union member and interface must exist upstream with the same type and default value, a
 * kept field keeps all its non-null arguments, and {@code @preset(value:, static:)} sits only on
 * arguments and input fields with a value that fits. Reasons are collected as Hasura collects them
 * (a definition stops at its first blocking reason; the other definitions are still checked) and
 * refused together with {@code invalid-role-based-remote-schema}. What passes becomes the role's
 * {@link RoleRemoteSchema}: its SDL without the preset arguments and fields, and the presets.
 */
public final class RoleSchemaValidator {
    private static final String PRESET = "preset";
    private static final List<String> BUILT_IN = List.of("Int", "Float", "String", "Boolean", "ID");
    private static final String ARGUMENT = "Input object argument";

    /** Validates {@code sdl} against {@code upstream} (the remote's type definitions, original names). */
    public RoleRemoteSchema validate(Document upstream, String sdl) {
        Document provided = parse(sdl);
        Problems problems = new Problems();
        Map<String, TypeDefinition<?>> upstreamTypes = new LinkedHashMap<>();
        upstream.getDefinitionsOfType(TypeDefinition.class).forEach(t -> upstreamTypes.put(t.getName(), t));
        List<TypeDefinition> types = provided.getDefinitionsOfType(TypeDefinition.class).stream()
                .filter(t -> !(t instanceof SchemaDefinition)).toList();
        PresetReader presets = new PresetReader(types, problems);
        Map<String, String> roots = new LinkedHashMap<>();
        problems.attempt(() -> {
            List<String> duplicates = duplicates(types.stream().map(TypeDefinition::getName).toList());
            if (!duplicates.isEmpty()) {
                problems.refute(duplicateTypeNames(duplicates));
            }
            roots.putAll(roots(provided, types, upstream, upstreamTypes, problems));
            Set<String> interfaces = new HashSet<>();
            types.forEach(t -> {
                if (t instanceof InterfaceTypeDefinition) {
                    interfaces.add(t.getName());
                }
            });
            for (TypeDefinition<?> type : types) {
                problems.attempt(() -> type(type, upstreamTypes, interfaces, presets, problems));
            }
        });
        problems.throwIfAny();
        Document document = new RolePresetStripper(presets.collected()).strip(types, roots);
        try {
            RemoteSchemaGenerator.generate(document);
        } catch (ApiException e) {
            throw ApiException.of(Code.INVALID_ROLE_BASED_REMOTE_SCHEMA, RoleSchemaReasons.message(List.of(
                    e.getMessage().replaceFirst("^the remote schema is not", "the role-based schema is not"))));
        }
        return new RoleRemoteSchema(document, presets.collected());
    }

    private static Document parse(String sdl) {
        try {
            return Parser.parse(sdl);
        } catch (InvalidSyntaxException e) {
            throw ApiException.of(Code.PARSE_FAILED, "the role-based schema could not be parsed: " + e.getMessage());
        }
    }

    /** Operation → the role's root type name; each must be the remote's own root type for that operation. */
    private static Map<String, String> roots(Document provided, List<TypeDefinition> types, Document upstream,
                                             Map<String, TypeDefinition<?>> upstreamTypes, Problems problems) {
        List<SchemaDefinition> schemas = provided.getDefinitionsOfType(SchemaDefinition.class);
        if (schemas.size() > 1) {
            problems.refute(RoleSchemaReasons.multipleSchemaDefinitions());
        }
        Map<String, TypeDefinition<?>> byName = new LinkedHashMap<>();
        types.forEach(t -> byName.put(t.getName(), t));
        Map<String, String> roots = RemoteSchemaCustomizer.roots(provided, byName);
        Map<String, String> upstreamRoots = RemoteSchemaCustomizer.roots(upstream, upstreamTypes);
        if (!(byName.get(roots.getOrDefault("query", "Query")) instanceof ObjectTypeDefinition)) {
            problems.dispute(RoleSchemaReasons.missingQueryRoot());
        }
        roots.forEach((operation, type) -> {
            String expected = upstreamRoots.get(operation);
            if (!type.equals(expected)) {
                problems.dispute(RoleSchemaReasons.rootTypeMismatch(operation, expected == null ? "" : expected, type));
            }
        });
        return roots;
    }

    private static void type(TypeDefinition<?> type, Map<String, TypeDefinition<?>> upstream, Set<String> interfaces,
                             PresetReader presets, Problems problems) {
        switch (type) {
            case ScalarTypeDefinition s -> {
                if (BUILT_IN.contains(s.getName()) || ScalarInfo.isGraphqlSpecifiedScalar(s.getName())) {
                    return;
                }
                ScalarTypeDefinition up = lookup(upstream, s, ScalarTypeDefinition.class, "Scalar", problems);
                directives(s.getDirectives(), up.getDirectives(), false, "Scalar", s.getName(), problems);
            }
            case InterfaceTypeDefinition i -> {
                InterfaceTypeDefinition up = lookup(upstream, i, InterfaceTypeDefinition.class, "Interface", problems);
                directives(i.getDirectives(), up.getDirectives(), false, "Interface", i.getName(), problems);
                fields(i.getFieldDefinitions(), up.getFieldDefinitions(), "Interface", i.getName(), presets, problems);
            }
            case ObjectTypeDefinition o -> object(o, lookup(upstream, o, ObjectTypeDefinition.class, "Object", problems),
                    interfaces, presets, problems);
            case UnionTypeDefinition u -> {
                UnionTypeDefinition up = lookup(upstream, u, UnionTypeDefinition.class, "Union", problems);
                directives(u.getDirectives(), up.getDirectives(), false, "Union", u.getName(), problems);
                List<String> missing = difference(names(u.getMemberTypes()), names(up.getMemberTypes()));
                if (!missing.isEmpty()) {
                    problems.refute(nonExistingUnionMembers(u.getName(), missing));
                }
            }
            case EnumTypeDefinition e -> {
                EnumTypeDefinition up = lookup(upstream, e, EnumTypeDefinition.class, "Enum", problems);
                directives(e.getDirectives(), up.getDirectives(), false, "Enum", e.getName(), problems);
                List<String> values = e.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
                List<String> dups = duplicates(values);
                if (!dups.isEmpty()) {
                    problems.refute(duplicateEnumValues(e.getName(), dups));
                }
                List<String> missing = difference(values,
                        up.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
                if (!missing.isEmpty()) {
                    problems.dispute(nonExistingEnumValues(e.getName(), missing));
                }
            }
            case InputObjectTypeDefinition i -> {
                InputObjectTypeDefinition up = lookup(upstream, i, InputObjectTypeDefinition.class, "Input object", problems);
                directives(i.getDirectives(), up.getDirectives(), false, "Input object", i.getName(), problems);
                arguments(i.getInputValueDefinitions(), up.getInputValueDefinitions(), i.getName(),
                        field -> presets.inputField(i.getName(), field), problems);
            }
            default -> {
            }
        }
    }

    private static void object(ObjectTypeDefinition o, ObjectTypeDefinition up, Set<String> declaredInterfaces,
                               PresetReader presets, Problems problems) {
        directives(o.getDirectives(), up.getDirectives(), false, "Object", o.getName(), problems);
        List<String> extra = difference(names(o.getImplements()), names(up.getImplements()));
        List<String> custom = extra.stream().filter(declaredInterfaces::contains).toList();
        List<String> unknown = extra.stream().filter(i -> !declaredInterfaces.contains(i)).toList();
        if (!custom.isEmpty()) {
            problems.dispute(customInterfaces(o.getName(), custom));
        }
        if (!unknown.isEmpty()) {
            problems.dispute(nonExistingInterfaces(o.getName(), unknown));
        }
        fields(o.getFieldDefinitions(), up.getFieldDefinitions(), "Object", o.getName(), presets, problems);
    }

    private static void fields(List<FieldDefinition> provided, List<FieldDefinition> upstream, String kind, String parent,
                               PresetReader presets, Problems problems) {
        List<String> dups = duplicates(provided.stream().map(FieldDefinition::getName).toList());
        if (!dups.isEmpty()) {
            problems.refute(duplicateFields(kind, parent, dups));
        }
        Map<String, FieldDefinition> byName = new LinkedHashMap<>();
        upstream.forEach(f -> byName.put(f.getName(), f));
        for (FieldDefinition field : provided) {
            problems.attempt(() -> {
                FieldDefinition up = byName.get(field.getName());
                if (up == null) {
                    problems.refute(nonExistingField(kind, parent, field.getName()));
                }
                directives(field.getDirectives(), up.getDirectives(), false, kind + " field", parent, problems);
                if (!text(field.getType()).equals(text(up.getType()))) {
                    problems.dispute(nonMatchingType(field.getName(), kind + " field", text(up.getType()), text(field.getType())));
                }
                arguments(field.getInputValueDefinitions(), up.getInputValueDefinitions(), field.getName(),
                        argument -> presets.argument(parent, field.getName(), argument), problems);
            });
        }
    }

    /** Arguments of a field, or fields of an input object ({@code parent} names either, as Hasura does). */
    private static void arguments(List<InputValueDefinition> provided, List<InputValueDefinition> upstream, String parent,
                                  java.util.function.Function<InputValueDefinition, Consumer<Directive>> preset,
                                  Problems problems) {
        List<String> dups = duplicates(provided.stream().map(InputValueDefinition::getName).toList());
        if (!dups.isEmpty()) {
            problems.refute(duplicateArguments(parent, dups));
        }
        List<String> missing = difference(nonNull(upstream), nonNull(provided));
        if (!missing.isEmpty()) {
            problems.refute(missingNonNullableArguments(parent, missing));
        }
        Map<String, InputValueDefinition> byName = new LinkedHashMap<>();
        upstream.forEach(a -> byName.put(a.getName(), a));
        for (InputValueDefinition argument : provided) {
            problems.attempt(() -> {
                InputValueDefinition up = byName.get(argument.getName());
                if (up == null) {
                    problems.refute(nonExistingInputArgument(parent, argument.getName()));
                }
                Optional<Directive> presetDirective = directives(argument.getDirectives(), up.getDirectives(), true,
                        ARGUMENT, parent, problems);
                if (!text(argument.getType()).equals(text(up.getType()))) {
                    problems.dispute(nonMatchingType(argument.getName(), ARGUMENT, text(up.getType()), text(argument.getType())));
                }
                String expectedDefault = value(up.getDefaultValue());
                String providedDefault = value(argument.getDefaultValue());
                if (!expectedDefault.equals(providedDefault)) {
                    problems.dispute(nonMatchingDefaultValue(parent, argument.getName(), expectedDefault, providedDefault));
                }
                presetDirective.ifPresent(d -> preset.apply(argument).accept(d));
            });
        }
    }

    /** Checks the non-preset directives against upstream's; the one {@code @preset}, if any. */
    private static Optional<Directive> directives(List<Directive> provided, List<Directive> upstream, boolean presetAllowed,
                                                  String kind, String parent, Problems problems) {
        List<Directive> presets = provided.stream().filter(d -> d.getName().equals(PRESET)).toList();
        List<Directive> others = provided.stream().filter(d -> !d.getName().equals(PRESET)).toList();
        List<String> dups = duplicates(others.stream().map(Directive::getName).toList());
        if (!dups.isEmpty()) {
            problems.refute(duplicateDirectives(kind, parent, dups));
        }
        for (Directive directive : others) {
            Directive up = upstream.stream().filter(d -> d.getName().equals(directive.getName())).findFirst().orElse(null);
            if (up == null) {
                problems.refute(typeDoesNotExist("Directive", directive.getName()));
            }
            List<String> unknown = directive.getArguments().stream().map(a -> a.getName())
                    .filter(a -> up.getArgument(a) == null).toList();
            if (!unknown.isEmpty()) {
                problems.dispute(nonExistingDirectiveArgument(parent, kind, directive.getName(), unknown));
            }
        }
        if (presets.isEmpty()) {
            return Optional.empty();
        }
        if (presets.size() > 1) {
            problems.refute(multiplePresets(kind, parent));
        }
        if (!presetAllowed) {
            problems.dispute(invalidPresetLocation());
            return Optional.empty();
        }
        return Optional.of(presets.getFirst());
    }

    @SuppressWarnings("unchecked")
    private static <T extends TypeDefinition<?>> T lookup(Map<String, TypeDefinition<?>> upstream, TypeDefinition<?> provided,
                                                          Class<T> kind, String label, Problems problems) {
        TypeDefinition<?> found = upstream.get(provided.getName());
        if (!kind.isInstance(found)) {
            problems.refute(typeDoesNotExist(label, provided.getName()));
        }
        return (T) found;
    }

    private static List<String> nonNull(List<InputValueDefinition> arguments) {
        return arguments.stream().filter(a -> a.getType() instanceof NonNullType).map(InputValueDefinition::getName).toList();
    }

    private static List<String> names(List<Type> types) {
        return types.stream().map(t -> ((TypeName) t).getName()).toList();
    }

    /** The names of {@code names} not in {@code of}, once each, in order. */
    private static List<String> difference(List<String> names, List<String> of) {
        Set<String> known = new HashSet<>(of);
        return new ArrayList<>(new LinkedHashSet<>(names.stream().filter(n -> !known.contains(n)).toList()));
    }

    private static List<String> duplicates(List<String> names) {
        Set<String> seen = new HashSet<>();
        Set<String> dups = new LinkedHashSet<>();
        names.forEach(n -> {
            if (!seen.add(n)) {
                dups.add(n);
            }
        });
        return List.copyOf(dups);
    }

    static String text(Type<?> type) {
        return AstPrinter.printAst(type);
    }

    private static String value(Value<?> value) {
        return value == null ? "" : AstPrinter.printAstCompact(value);
    }

    /**
     * The reasons found so far. {@link #refute} records a reason and stops the definition being
     * checked ({@link #attempt} catches it); {@link #dispute} records one and goes on.
     */
    static final class Problems {
        private final List<String> reasons = new ArrayList<>();

        void dispute(String reason) {
            reasons.add(reason);
        }

        void refute(String reason) {
            reasons.add(reason);
            throw Refuted.INSTANCE;
        }

        void attempt(Runnable check) {
            try {
                check.run();
            } catch (Refuted stop) {
                // this definition stops here; its siblings are still checked
            }
        }

        void throwIfAny() {
            if (!reasons.isEmpty()) {
                throw ApiException.of(Code.INVALID_ROLE_BASED_REMOTE_SCHEMA, RoleSchemaReasons.message(reasons));
            }
        }
    }

    private static final class Refuted extends RuntimeException {
        static final Refuted INSTANCE = new Refuted();

        private Refuted() {
            super(null, null, false, false);
        }
    }
}
