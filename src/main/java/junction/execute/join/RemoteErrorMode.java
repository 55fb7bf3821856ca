package junction.execute.join;

/**
 * What a remote join does when the remote fails. {@code HASURA} (default): the whole request fails as
 * Hasura's does. {@code PARTIAL} ({@code JUNCTION_REMOTE_ERRORS=partial}): the database data is kept,
 * each affected relationship field is null with its error at that field's path.
 */
public enum RemoteErrorMode {
    HASURA, PARTIAL
}
