package junction.catalog;

import java.util.List;

/** A primary key or unique constraint. */
public record UniqueKey(String constraint, List<String> columns) {
    public UniqueKey {
        columns = List.copyOf(columns);
    }
}
