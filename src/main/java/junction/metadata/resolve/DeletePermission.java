package junction.metadata.resolve;

/** A role's delete permission on a table, resolved: the rows it may delete. */
public record DeletePermission(Filter filter, boolean backendOnly) {
}
