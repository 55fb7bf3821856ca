package junction.metadata.resolve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names tracked tables add to {@code query_root} and {@code mutation_root}, as Hasura names
 * them ({@code T}, {@code T_by_pk}, {@code T_aggregate}, {@code insert_T}, …, custom root fields
 * first), with the source's {@link Naming} (convention, root field namespace, prefix, suffix) applied. Used to
 * refuse remote root fields that would collide with them.
 */
record TableRootFields(Set<String> query, Set<String> mutation) {

    static TableRootFields of(Iterable<SourceSnapshot> sources) {
        Set<String> query = new LinkedHashSet<>();
        Set<String> mutation = new LinkedHashSet<>();
        for (SourceSnapshot source : sources) {
            add(source, query, mutation);
        }
        return new TableRootFields(query, mutation);
    }

    private static void add(SourceSnapshot source, Set<String> query, Set<String> mutation) {
        Naming naming = source.naming();
        if (naming.namespace().isPresent() && (!source.tables().isEmpty() || !source.functions().isEmpty())) {
            query.add(naming.namespace().get());
            mutation.add(naming.namespace().get());
            return;
        }
        for (TrackedTable table : source.tables().values()) {
            boolean pk = table.table().primaryKey().isPresent();
            for (String kind : List.of("select", "select_aggregate", "select_by_pk")) {
                if (pk || !kind.endsWith("_by_pk")) {
                    query.add(naming.rootField(table, kind));
                }
            }
            for (String kind : List.of("insert", "insert_one", "update", "update_many", "delete", "update_by_pk", "delete_by_pk")) {
                if (pk || !kind.endsWith("_by_pk")) {
                    mutation.add(naming.rootField(table, kind));
                }
            }
        }
        for (TrackedFunction function : source.functions().values()) {
            Set<String> names = function.mutation() ? mutation : query;
            names.add(function.rootFieldName(naming));
            if (!function.mutation()) {
                names.add(function.aggregateFieldName(naming));
            }
        }
    }
}
