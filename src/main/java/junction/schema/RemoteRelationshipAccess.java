package junction.schema;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.metadata.model.RemoteFieldStep;
import junction.metadata.resolve.ResolvedRemoteRelationship;
import junction.remote.RemotePresets;
import junction.remote.RemoteSchemaState;

/**
 * Derives a role's permission for a remote relationship from its view of the remote schema (the
 * seed's "Remote Schema relationship permissions are derived from the Remote Schema permissions
 * defined for the role"): the relationship exists for the role only if the role's schema still has
 * every field of the path, every argument and input field the join's template fills (a preset on
 * it is ignored: the row's value wins) and so the types involved. The arguments it leaves open are
 * those the role's last field still has: an argument the role has a preset for is not offered (the
 * preset is applied when joining), nor an input field the role's input type does not have. A preset
 * on an argument of an earlier field of the path that the template does not fill cannot be applied
 * there, so the relationship is left out (fails closed). For admin, and for every role when remote
 * schema permissions are off, the view is the whole remote schema and every relationship passes.
 */
final class RemoteRelationshipAccess {
    private RemoteRelationshipAccess() {
    }

    /** The open arguments of {@code rel} for the role whose view of the remote schema is {@code remote}; empty when it may not use it. */
    static Optional<List<GraphQLArgument>> openArguments(ResolvedRemoteRelationship rel, RemoteSchemaState.Ready remote) {
        GraphQLSchema role = remote.original();
        RemotePresets presets = remote.customized().presets();
        GraphQLType parent = role.getQueryType();
        List<RemoteFieldStep> steps = rel.definition().path();
        GraphQLFieldDefinition field = null;
        for (int i = 0; i < steps.size(); i++) {
            RemoteFieldStep step = steps.get(i);
            if (!(parent instanceof GraphQLFieldsContainer container)) {
                return Optional.empty();
            }
            field = container.getFieldDefinition(step.field());
            if (field == null) {
                return Optional.empty();
            }
            Map<String, ?> fieldPresets = presets.arguments(container.getName(), step.field());
            for (Map.Entry<String, JsonNode> template : step.arguments().entrySet()) {
                GraphQLArgument argument = field.getArgument(template.getKey());
                if (argument == null ? !fieldPresets.containsKey(template.getKey())
                        : !fits(template.getValue(), argument.getType(), role, presets)) {
                    return Optional.empty();
                }
            }
            boolean last = i == steps.size() - 1;
            if (!last && fieldPresets.keySet().stream().anyMatch(a -> !step.arguments().containsKey(a))) {
                return Optional.empty();
            }
            parent = GraphQLTypeUtil.unwrapAll(field.getType());
        }
        return Optional.of(open(rel.openArguments(), field, role));
    }

    /** Whether the role's input type has every input field an object template fills (or a preset for it). */
    private static boolean fits(JsonNode template, GraphQLInputType type, GraphQLSchema role, RemotePresets presets) {
        GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
        if (inner instanceof GraphQLList list && template.isArray()) {
            for (JsonNode item : template) {
                if (!fits(item, (GraphQLInputType) list.getWrappedType(), role, presets)) {
                    return false;
                }
            }
            return true;
        }
        if (!template.isObject()) {
            return true;
        }
        GraphQLType named = GraphQLTypeUtil.unwrapAll(inner);
        if (!(named instanceof GraphQLInputObjectType object)) {
            return true;
        }
        var fields = template.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            GraphQLInputObjectField field = object.getField(entry.getKey());
            if (field == null ? !presets.inputFields(object.getName()).containsKey(entry.getKey())
                    : !fits(entry.getValue(), field.getType(), role, presets)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The relationship's open arguments the role's last field still has; narrowed input types keep
     * the role's fields, and one left with none is not offered.
     */
    private static List<GraphQLArgument> open(List<GraphQLArgument> all, GraphQLFieldDefinition roleField, GraphQLSchema role) {
        List<GraphQLArgument> out = new ArrayList<>();
        for (GraphQLArgument argument : all) {
            if (roleField.getArgument(argument.getName()) == null) {
                continue;
            }
            narrowed(argument.getType(), role).ifPresent(type -> out.add(argument.transform(a -> a.type(type))));
        }
        return out;
    }

    /** A narrowed input type ({@code <Type>_remote_rel_…}) without the fields the role's {@code <Type>} lacks; empty if none is left. */
    private static Optional<GraphQLInputType> narrowed(GraphQLInputType type, GraphQLSchema role) {
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType object)
                || !object.getName().contains("_remote_rel_") || role.getType(object.getName()) != null) {
            return Optional.of(type);
        }
        String original = object.getName().substring(0, object.getName().indexOf("_remote_rel_"));
        if (!(role.getType(original) instanceof GraphQLInputObjectType roleType)) {
            return Optional.empty();
        }
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
            if (roleType.getField(field.getName()) != null) {
                narrowed(field.getType(), role).ifPresent(t -> fields.add(field.transform(f -> f.type(t))));
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        GraphQLInputObjectType kept = object.transform(b -> b.clearFields().fields(fields));
        return Optional.of((GraphQLInputType) rewrap(type, kept));
    }

    private static GraphQLType rewrap(GraphQLType type, GraphQLNamedType inner) {
        if (type instanceof graphql.schema.GraphQLNonNull nonNull) {
            return graphql.schema.GraphQLNonNull.nonNull(rewrap(nonNull.getWrappedType(), inner));
        }
        if (type instanceof GraphQLList list) {
            return GraphQLList.list(rewrap(list.getWrappedType(), inner));
        }
        return inner;
    }
}
