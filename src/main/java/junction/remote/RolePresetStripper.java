package junction.remote;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.ScalarInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated role SDL as the role's schema: preset arguments and input fields taken out, no
 * {@code @preset} directive left, built-in scalars not redefined, and the root types named in a
 * schema definition.
 */
final class RolePresetStripper {
    private final RemotePresets presets;

    RolePresetStripper(RemotePresets presets) {
        this.presets = presets;
    }

    Document strip(List<TypeDefinition> types, Map<String, String> roots) {
        List<Definition> out = new ArrayList<>();
        for (TypeDefinition<?> type : types) {
            if (type instanceof ScalarTypeDefinition s && ScalarInfo.isGraphqlSpecifiedScalar(s.getName())) {
                continue;
            }
            out.add(strip(type));
        }
        SchemaDefinition.Builder schema = SchemaDefinition.newSchemaDefinition();
        roots.forEach((operation, type) -> schema.operationTypeDefinition(OperationTypeDefinition.newOperationTypeDefinition()
                .name(operation).typeName(new TypeName(type)).build()));
        out.add(schema.build());
        return Document.newDocument().definitions(out).build();
    }

    private Definition<?> strip(TypeDefinition<?> type) {
        return switch (type) {
            case ObjectTypeDefinition o -> o.transform(b -> b.fieldDefinitions(fields(o.getName(), o.getFieldDefinitions())));
            case InterfaceTypeDefinition i -> i.transform(b -> b.definitions(fields(i.getName(), i.getFieldDefinitions())));
            case InputObjectTypeDefinition i -> i.transform(b -> b.inputValueDefinitions(
                    inputs(i.getInputValueDefinitions(), presets.inputFields(i.getName()).keySet())));
            default -> type;
        };
    }

    private List<FieldDefinition> fields(String parent, List<FieldDefinition> fields) {
        return fields.stream().map(f -> f.transform(b -> b.directives(withoutPreset(f.getDirectives()))
                .inputValueDefinitions(inputs(f.getInputValueDefinitions(),
                        presets.arguments(parent, f.getName()).keySet())))).toList();
    }

    private static List<InputValueDefinition> inputs(List<InputValueDefinition> inputs, java.util.Set<String> preset) {
        return inputs.stream().filter(i -> !preset.contains(i.getName()))
                .map(i -> i.transform(b -> b.directives(withoutPreset(i.getDirectives())))).toList();
    }

    private static List<Directive> withoutPreset(List<Directive> directives) {
        return directives.stream().filter(d -> !d.getName().equals("preset")).toList();
    }
}
