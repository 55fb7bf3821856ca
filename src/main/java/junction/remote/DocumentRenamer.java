package junction.remote;

import graphql.language.Definition;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a remote's type definitions with customized names: every type definition and every
 * reference to a type, and the fields of objects and interfaces. Everything else — descriptions,
 * deprecations, arguments, default values, enum values — is kept. The schema definition names
 * the (possibly renamed) root types explicitly.
 */
final class DocumentRenamer {
    private final RemoteNames names;

    DocumentRenamer(RemoteNames names) {
        this.names = names;
    }

    Document rename(Document document, Map<String, String> roots) {
        List<Definition> out = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof SchemaDefinition) {
                continue;
            }
            out.add(rename(definition));
        }
        SchemaDefinition.Builder schema = SchemaDefinition.newSchemaDefinition();
        roots.forEach((operation, type) -> schema.operationTypeDefinition(OperationTypeDefinition.newOperationTypeDefinition()
                .name(operation).typeName(new TypeName(names.customType(type))).build()));
        out.add(schema.build());
        return Document.newDocument().definitions(out).build();
    }

    private Definition<?> rename(Definition<?> definition) {
        return switch (definition) {
            case ObjectTypeDefinition o -> o.transform(b -> b.name(names.customType(o.getName()))
                    .implementz(types(o.getImplements()))
                    .fieldDefinitions(fields(o.getName(), o.getFieldDefinitions())));
            case InterfaceTypeDefinition i -> i.transform(b -> b.name(names.customType(i.getName()))
                    .implementz(types(i.getImplements()))
                    .definitions(fields(i.getName(), i.getFieldDefinitions())));
            case UnionTypeDefinition u -> u.transform(b -> b.name(names.customType(u.getName()))
                    .memberTypes(types(u.getMemberTypes())));
            case EnumTypeDefinition e -> e.transform(b -> b.name(names.customType(e.getName())));
            case ScalarTypeDefinition s -> s.transform(b -> b.name(names.customType(s.getName())));
            case InputObjectTypeDefinition i -> i.transform(b -> b.name(names.customType(i.getName()))
                    .inputValueDefinitions(inputs(i.getInputValueDefinitions())));
            case DirectiveDefinition d -> d.transform(b -> b.inputValueDefinitions(inputs(d.getInputValueDefinitions())));
            default -> definition;
        };
    }

    private List<FieldDefinition> fields(String originalParent, List<FieldDefinition> fields) {
        return fields.stream().map(f -> f.transform(b -> b.name(names.customField(originalParent, f.getName()))
                .type(type(f.getType()))
                .inputValueDefinitions(inputs(f.getInputValueDefinitions())))).toList();
    }

    private List<InputValueDefinition> inputs(List<InputValueDefinition> inputs) {
        return inputs.stream().map(i -> i.transform(b -> b.type(type(i.getType())))).toList();
    }

    private List<Type> types(List<Type> types) {
        return types.stream().<Type>map(this::type).toList();
    }

    /** A type reference with the named type renamed, keeping list and non-null wrappers. */
    Type<?> type(Type<?> type) {
        return switch (type) {
            case NonNullType n -> NonNullType.newNonNullType(type(n.getType())).build();
            case ListType l -> ListType.newListType(type(l.getType())).build();
            case TypeName t -> new TypeName(names.customType(t.getName()));
            default -> type;
        };
    }
}
