package junction.metadata.resolve;

import java.util.LinkedHashMap;
import java.util.Map;
import junction.catalog.TableName;

/**
 * A relationship checked against the catalog: {@code mapping} pairs this table's columns with the
 * target table's columns, in order.
 */
public record ResolvedRelationship(String name, Kind kind, TableName target, Map<String, String> mapping,
                                   String comment) {
    public enum Kind { OBJECT, ARRAY }

    public ResolvedRelationship {
        mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }
}
