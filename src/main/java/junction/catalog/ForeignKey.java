package junction.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** A foreign key: {@code columns} of the owning table → columns of {@code target}, in order. */
public record ForeignKey(String constraint, TableName target, Map<String, String> columns) {
    public ForeignKey {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
