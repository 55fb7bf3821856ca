package junction.metadata.model;

import java.util.List;

/**
 * A table → remote schema relationship, read from either format Hasura accepts: the new
 * {@code definition.to_remote_schema} ({@code lhs_fields}) or the old one ({@code hasura_fields},
 * {@code remote_schema}, {@code remote_field} directly in the definition).
 */
public record RemoteJoinDefinition(String remoteSchema, List<String> lhsFields, List<RemoteFieldStep> path) {
    public RemoteJoinDefinition {
        lhsFields = List.copyOf(lhsFields);
        path = List.copyOf(path);
    }

    public RemoteFieldStep last() {
        return path.getLast();
    }
}
