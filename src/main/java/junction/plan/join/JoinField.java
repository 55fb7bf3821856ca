package junction.plan.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import junction.metadata.model.RemoteJoinDefinition;
import junction.remote.RemoteNames;
import junction.remote.ResultShape;
import junction.remote.SessionPreset;

/**
 * One remote relationship field as the client selected it at one place of the response, ready to
 * be sent: everything here is in the remote's own (un-customized) names.
 *
 * @param responseKey     the key of the field in each row (the client's alias or the field name)
 * @param joinKeys        the row keys holding the join values, one per {@code lhs_fields} entry, in that
 *                        order: hidden "phantom" keys the SQL adds and the splice removes
 * @param remoteSchema    the remote schema to call
 * @param definition      the relationship's path and argument templates
 * @param lastArguments   the argument templates of the path's last field, with what the client gave
 *                        for arguments the template fixes in part merged in
 * @param arguments       the client's other arguments of the last field, as GraphQL text ("" if none)
 * @param selection       the client's selection set under the field, as GraphQL text ("" for scalars)
 * @param fragments       fragment definitions the selection uses, by name, as GraphQL text
 * @param variables       client variables the field uses, by name, with their types in remote names
 * @param shape           where {@code __typename} values appear in the answer (to customize them)
 * @param names           the remote schema's customized names
 * @param sessions        the role's session presets the field uses: declared in {@code variables}, filled
 *                        from the session when the join is sent
 * @param patches         client variables whose values get the role's input field presets (variable →
 *                        original input type)
 */
public record JoinField(String responseKey, List<String> joinKeys, String remoteSchema, RemoteJoinDefinition definition,
                        Map<String, JsonNode> lastArguments, String arguments, String selection, Map<String, String> fragments,
                        Map<String, String> variables, ResultShape shape, RemoteNames names, List<SessionPreset> sessions,
                        Map<String, String> patches) {
    public JoinField {
        joinKeys = List.copyOf(joinKeys);
        lastArguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lastArguments));
        fragments = Map.copyOf(fragments);
        variables = Map.copyOf(variables);
        sessions = List.copyOf(sessions);
        patches = Map.copyOf(patches);
    }

    /** A join field without presets of a role. */
    public JoinField(String responseKey, List<String> joinKeys, String remoteSchema, RemoteJoinDefinition definition,
                     Map<String, JsonNode> lastArguments, String arguments, String selection, Map<String, String> fragments,
                     Map<String, String> variables, ResultShape shape, RemoteNames names) {
        this(responseKey, joinKeys, remoteSchema, definition, lastArguments, arguments, selection, fragments, variables, shape,
                names, List.of(), Map.of());
    }

    /** The hidden key under which the SQL returns a join column. */
    public static String phantomKey(String column) {
        return "__j_" + column;
    }
}
