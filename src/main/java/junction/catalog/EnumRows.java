package junction.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The rows of a table metadata marks as an enum table ({@code is_enum}): each row's key value and
 * comment, or the database's error when they could not be read. Empty (and read from no database)
 * when the table's shape is not an enum table's: no single-column text primary key to read.
 */
public record EnumRows(List<Row> rows, Optional<String> error) {
    public static final EnumRows NOT_READ = new EnumRows(List.of(), Optional.empty());

    /** One row: the value (the key column's text) and its comment (null without a comment column). */
    public record Row(String value, String comment) {
    }

    public EnumRows {
        rows = List.copyOf(rows);
    }

    public static EnumRows failed(String error) {
        return new EnumRows(List.of(), Optional.of(error));
    }
}
