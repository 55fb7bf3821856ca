package junction.metadata.model;

/** {@code column_config} of one column: its GraphQL name and comment. */
public record ColumnConfig(String customName, String comment) {
}
