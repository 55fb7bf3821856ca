package junction.plan.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a role's select permission puts on a selection of a table besides its row filter (which is
 * ANDed into the selection's {@code where}): the most rows it returns, and the columns whose value
 * shows only on rows that satisfy a filter, null elsewhere (inherited roles).
 *
 * @param limit         the permission's {@code limit}: the selection returns at most this many rows
 * @param columnFilters column → the filter its value is shown under
 */
public record Permit(Optional<Integer> limit, Map<String, BoolExp> columnFilters) {
    /** No cap, every column as it is: what admin gets. */
    public static final Permit NONE = new Permit(Optional.empty(), Map.of());

    public Permit {
        columnFilters = Collections.unmodifiableMap(new LinkedHashMap<>(columnFilters));
    }
}
