package junction.metadata.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A role's select permission on a table, resolved.
 *
 * @param columns          the columns the role may read (database names, in table order)
 * @param filter           the rows it may read
 * @param limit            the most rows one selection of the table returns
 * @param queryRootFields  which of {@code select}, {@code select_by_pk}, {@code select_aggregate},
 *                         {@code select_stream} exist on {@code query_root} (all when the permission
 *                         does not say)
 * @param subscriptionRootFields the same for {@code subscription_root}
 * @param columnFilters    for inherited roles: a column whose value is shown only on the rows that
 *                         satisfy its filter (null elsewhere), because the member roles that grant
 *                         it do not see every row the inherited role sees; empty for other roles
 * @param computedFieldFilters the same for scalar computed fields, by name
 */
public record SelectPermission(List<String> columns, Filter filter, Optional<Integer> limit, boolean allowAggregations,
                               Set<String> queryRootFields, Set<String> subscriptionRootFields,
                               List<String> computedFields, Map<String, Filter> columnFilters,
                               Map<String, Filter> computedFieldFilters) {
    public static final Set<String> ROOT_FIELDS = Set.of("select", "select_by_pk", "select_aggregate", "select_stream");

    public SelectPermission {
        columns = List.copyOf(columns);
        queryRootFields = Set.copyOf(queryRootFields);
        subscriptionRootFields = Set.copyOf(subscriptionRootFields);
        computedFields = List.copyOf(computedFields);
        columnFilters = Collections.unmodifiableMap(new LinkedHashMap<>(columnFilters));
        computedFieldFilters = Collections.unmodifiableMap(new LinkedHashMap<>(computedFieldFilters));
    }

    /** A permission whose computed fields are shown on every row it allows. */
    public SelectPermission(List<String> columns, Filter filter, Optional<Integer> limit, boolean allowAggregations,
                            Set<String> queryRootFields, Set<String> subscriptionRootFields,
                            List<String> computedFields, Map<String, Filter> columnFilters) {
        this(columns, filter, limit, allowAggregations, queryRootFields, subscriptionRootFields, computedFields,
                columnFilters, Map.of());
    }

    public boolean allowsColumn(String column) {
        return columns.contains(column);
    }
}
