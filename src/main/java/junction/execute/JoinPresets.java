package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import junction.json.Json;
import junction.plan.join.AnswerJoin;
import junction.plan.join.AnswerJoins;
import junction.plan.join.JoinField;
import junction.plan.join.JoinTree;
import junction.plan.join.JoinTrees;
import junction.remote.RemotePresets;
import junction.schema.RoleSchema;
import junction.session.Session;

/**
 * The variables remote joins are sent with, once a role's remote schema presets are in: the
 * session presets the join fields use, read from the session ({@code not-found} /
 * {@code coercion-error} before anything is sent), and client input objects with the role's input
 * field presets added. Without presets, the request's variables as they are. The join fields are
 * those of the tree and every one nested under them (relationships of remote types, and the rows
 * those join to).
 */
final class JoinPresets {
    private JoinPresets() {
    }

    static JsonNode variables(JoinTree joins, RoleSchema schema, Session session, JsonNode requestVariables) {
        List<JoinField> fields = new ArrayList<>();
        collect(joins, fields);
        return variables(fields, schema, session, requestVariables);
    }

    static JsonNode variables(AnswerJoins joins, RoleSchema schema, Session session, JsonNode requestVariables) {
        List<JoinField> fields = new ArrayList<>();
        collect(joins, fields);
        return variables(fields, schema, session, requestVariables);
    }

    private static JsonNode variables(List<JoinField> fields, RoleSchema schema, Session session, JsonNode requestVariables) {
        if (fields.stream().allMatch(j -> j.sessions().isEmpty() && j.patches().isEmpty())) {
            return requestVariables;
        }
        ObjectNode out = requestVariables instanceof ObjectNode given ? given.deepCopy() : Json.object();
        for (JoinField field : fields) {
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
        return out;
    }

    private static void collect(JoinTree tree, List<JoinField> out) {
        for (JoinField field : tree.joins()) {
            out.add(field);
            collect(field.answers(), out);
        }
        tree.children().values().forEach(child -> collect(child, out));
    }

    private static void collect(AnswerJoins tree, List<JoinField> out) {
        for (AnswerJoin join : tree.joins()) {
            switch (join.target()) {
                case AnswerJoin.ToRemote remote -> {
                    out.add(remote.field());
                    collect(remote.field().answers(), out);
                }
                case AnswerJoin.ToSource rows -> collect(JoinTrees.ofRows(rows.select().fields()), out);
            }
        }
        tree.children().values().forEach(child -> collect(child, out));
    }
}
