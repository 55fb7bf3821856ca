package junction.plan.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import junction.metadata.model.RemoteJoinDefinition;
import junction.remote.RemoteNames;
import junction.remote.ResultShape;

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
 */
public record JoinField(String responseKey, List<String> joinKeys, String remoteSchema, RemoteJoinDefinition definition,
                        Map<String, JsonNode> lastArguments, String arguments, String selection, Map<String, String> fragments,
                        Map<String, String> variables, ResultShape shape, RemoteNames names) {
    public JoinField {
        joinKeys = List.copyOf(joinKeys);
        lastArguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lastArguments));
        fragments = Map.copyOf(fragments);
        variables = Map.copyOf(variables);
    }

    /** The hidden key under which the SQL returns a join column. */
    public static String phantomKey(String column) {
        return "__j_" + column;
    }
}
