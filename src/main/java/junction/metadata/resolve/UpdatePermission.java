package junction.metadata.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's update permission on a table, resolved.
 *
 * @param columns the columns the role may change (database names, in table order)
 * @param filter  the rows it may change
 * @param check   what every row must satisfy after the change ({@link Filter#TRUE} when not given)
 * @param set     column presets applied on every update
 */
public record UpdatePermission(List<String> columns, Filter filter, Filter check, Map<String, Operand> set,
                               boolean backendOnly) {
    public UpdatePermission {
        columns = List.copyOf(columns);
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }
}
