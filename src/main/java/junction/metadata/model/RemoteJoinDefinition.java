package junction.metadata.model;

import java.util.List;
import java.util.Optional;

/**
 * A table → remote schema relationship, read from either format Hasura accepts: the new
 * {@code definition.to_remote_schema} ({@code lhs_fields}) or the old one ({@code hasura_fields},
 * {@code remote_schema}, {@code remote_field} directly in the definition), with Junction's optional
 * {@code batch} beside {@code remote_field}.
 */
public record RemoteJoinDefinition(String remoteSchema, List<String> lhsFields, List<RemoteFieldStep> path,
                                   Optional<RemoteBatch> batch) {
    public RemoteJoinDefinition {
        lhsFields = List.copyOf(lhsFields);
        path = List.copyOf(path);
    }

    /** A relationship without {@code batch} (Hasura's own). */
    public RemoteJoinDefinition(String remoteSchema, List<String> lhsFields, List<RemoteFieldStep> path) {
        this(remoteSchema, lhsFields, path, Optional.empty());
    }

    public RemoteFieldStep last() {
        return path.getLast();
    }
}
