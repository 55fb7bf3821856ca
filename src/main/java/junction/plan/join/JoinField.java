package junction.plan.join;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import java.util.List;
import java.util.Map;
import junction.metadata.model.RemoteJoinDefinition;
import junction.remote.RemoteNames;
import junction.remote.ResultShape;
import junction.remote.SessionPreset;

/**
 * One remote relationship field as the client selected it at one place of the response, ready to
 * be sent: graphql-java AST in the remote's own (un-customized) names, built once per cached plan.
 *
 * @param responseKey  the key of the field in each row (the client's alias or the field name)
 * @param joinKeys     the row keys holding the join values, one per {@code lhs_fields} entry, in that
 *                     order: hidden "phantom" keys the SQL adds and the splice removes
 * @param remoteSchema the remote schema to call
 * @param definition   the relationship's metadata (path, templates, join columns)
 * @param steps        the path's fields with their arguments: the template's (row values as
 *                     placeholders, the client's merged parts as its own values) and, on the last field,
 *                     the client's other arguments
 * @param selection    the client's selection under the last field (null for scalars)
 * @param fragments    fragment definitions the selection uses
 * @param variables    client variables (and session presets) the field uses, typed in remote names
 * @param shape        where {@code __typename} values appear in the answer (to customize them)
 * @param names        the remote schema's customized names
 * @param sessions     the role's session presets the field uses: declared in {@code variables}, filled
 *                     from the session when the join is sent
 * @param patches      client variables whose values get the role's input field presets (variable →
 *                     original input type)
 * @param batch        how the relationship's {@code batch} is sent, or null: one aliased field per argument set
 * @param answers      relationships of the remote's types selected under the field, joined into its answer
 */
public record JoinField(String responseKey, List<String> joinKeys, String remoteSchema, RemoteJoinDefinition definition,
                        List<JoinStep> steps, SelectionSet selection, List<FragmentDefinition> fragments,
                        List<VariableDefinition> variables, ResultShape shape, RemoteNames names, List<SessionPreset> sessions,
                        Map<String, String> patches, BatchCall batch, AnswerJoins answers) {
    public JoinField {
        joinKeys = List.copyOf(joinKeys);
        steps = List.copyOf(steps);
        fragments = List.copyOf(fragments);
        variables = List.copyOf(variables);
        sessions = List.copyOf(sessions);
        patches = Map.copyOf(patches);
    }

    /** A join field without presets of a role. */
    public JoinField(String responseKey, List<String> joinKeys, String remoteSchema, RemoteJoinDefinition definition,
                     List<JoinStep> steps, SelectionSet selection, List<FragmentDefinition> fragments,
                     List<VariableDefinition> variables, ResultShape shape, RemoteNames names) {
        this(responseKey, joinKeys, remoteSchema, definition, steps, selection, fragments, variables, shape, names,
                List.of(), Map.of(), null, AnswerJoins.EMPTY);
    }

    /** A join field without relationships of the remote's types under it. */
    public JoinField(String responseKey, List<String> joinKeys, String remoteSchema, RemoteJoinDefinition definition,
                     List<JoinStep> steps, SelectionSet selection, List<FragmentDefinition> fragments,
                     List<VariableDefinition> variables, ResultShape shape, RemoteNames names, List<SessionPreset> sessions,
                     Map<String, String> patches, BatchCall batch) {
        this(responseKey, joinKeys, remoteSchema, definition, steps, selection, fragments, variables, shape, names, sessions,
                patches, batch, AnswerJoins.EMPTY);
    }

    /**
     * The field sent for one argument set: {@code alias: user(id: 7) { … }} ({@code values} in
     * {@code lhs_fields} order); with null values and alias, the template with {@code $column}
     * placeholders (for explain).
     */
    public Field call(String alias, List<JsonNode> values) {
        if (batch != null && values == null) {
            return batch.template();
        }
        Field inner = null;
        for (int i = steps.size() - 1; i >= 0; i--) {
            JoinStep step = steps.get(i);
            SelectionSet under = inner == null ? selection : SelectionSet.newSelectionSet().selection(inner).build();
            Field.Builder field = Field.newField(step.field()).arguments(step.arguments(values)).selectionSet(under);
            if (i == 0 && alias != null) {
                field.alias(alias);
            }
            inner = field.build();
        }
        return inner;
    }

    /** The hidden key under which the SQL returns a join column. */
    public static String phantomKey(String column) {
        return "__j_" + column;
    }
}
