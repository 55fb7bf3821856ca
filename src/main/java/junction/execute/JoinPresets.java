package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import junction.plan.join.JoinField;
import junction.plan.join.JoinTree;
import junction.remote.RemotePresets;
import junction.schema.RoleSchema;
import junction.session.Session;

/**
 * The variables remote joins are sent with, once a role's remote schema presets are in: the
 * session presets the join fields use, read from the session ({@code not-found} /
 * {@code coercion-error} before anything is sent), and client input objects with the role's input
 * field presets added. Without presets, the request's variables as they are.
 */
final class JoinPresets {
    private JoinPresets() {
    }

    static JsonNode variables(JoinTree joins, RoleSchema schema, Session session, JsonNode requestVariables) {
        if (!usesPresets(joins)) {
            return requestVariables;
        }
        ObjectNode out = requestVariables instanceof ObjectNode given ? given.deepCopy() : Json.object();
        add(joins, schema, session, requestVariables, out);
        return out;
    }

    private static boolean usesPresets(JoinTree tree) {
        return tree.joins().stream().anyMatch(j -> !j.sessions().isEmpty() || !j.patches().isEmpty())
                || tree.children().values().stream().anyMatch(JoinPresets::usesPresets);
    }

    private static void add(JoinTree tree, RoleSchema schema, Session session, JsonNode requestVariables, ObjectNode out) {
        for (JoinField field : tree.joins()) {
            field.sessions().forEach(s -> out.set(s.variable(), s.value(session.variables())));
            RemotePresets presets = schema.remote(field.remoteSchema()).map(r -> r.customized().presets())
                    .orElse(RemotePresets.NONE);
            field.patches().forEach((variable, type) -> {
                JsonNode value = requestVariables == null ? null : requestVariables.get(variable);
                if (value != null) {
                    out.set(variable, presets.patch(value, type, session.variables()));
                }
            });
        }
        tree.children().values().forEach(child -> add(child, schema, session, requestVariables, out));
    }
}
