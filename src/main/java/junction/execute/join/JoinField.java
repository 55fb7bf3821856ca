package junction.execute.join;

import java.util.List;
import junction.metadata.resolve.ResolvedRemoteRelationship;

/**
 * One remote relationship field as selected by the client at one place of the response.
 *
 * @param responseKey      the key of the field in each row (the client's alias or the field name)
 * @param joinKeys         the row keys holding the join values, one per {@code lhs_fields} entry, in that order
 *                         (hidden "phantom" keys when the client did not select the columns)
 * @param phantomKeys      the keys to remove from each row once the join is done
 * @param remoteSchema     the remote schema to call
 * @param relationship     the resolved relationship (path, templates)
 * @param clientArguments  the client's own arguments of the last field, as GraphQL text with remote names ("" if none)
 * @param selection        the client's selection set under the field, as GraphQL text with remote names ("" for scalars)
 */
public record JoinField(String responseKey, List<String> joinKeys, List<String> phantomKeys, String remoteSchema,
                        ResolvedRemoteRelationship relationship, String clientArguments, String selection) {
    public JoinField {
        joinKeys = List.copyOf(joinKeys);
        phantomKeys = List.copyOf(phantomKeys);
    }
}
