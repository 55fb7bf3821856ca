package junction.metadata.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's insert permission on a table, resolved.
 *
 * @param check       what every inserted row must satisfy (checked in the same statement)
 * @param set         column presets: the value the column gets whatever the client sends (the column
 *                    is not in the role's insert input)
 * @param columns     the columns the role may give values to (database names, in table order)
 * @param backendOnly only for requests with the admin secret and
 *                    {@code x-hasura-use-backend-only-permissions: true}
 */
public record InsertPermission(Filter check, Map<String, Operand> set, List<String> columns, boolean backendOnly) {
    public InsertPermission {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        columns = List.copyOf(columns);
    }
}
