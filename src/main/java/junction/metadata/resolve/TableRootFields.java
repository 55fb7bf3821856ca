package junction.metadata.resolve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names tracked tables and functions add to {@code query_root} and {@code mutation_root}, as
 * Hasura names them ({@code T}, {@code T_by_pk}, {@code T_aggregate}, {@code insert_T}, …, custom root
 * fields first; {@code <fn>}, {@code <fn>_aggregate}), with the source's {@link Naming} (convention,
 * root field namespace, prefix, suffix) applied. Used to refuse remote root fields that would collide
 * with them, and root fields two objects would both define ({@link RootFieldConflicts}).
 */
record TableRootFields(Set<String> query, Set<String> mutation) {

    /** Receives each root field of a source: whether it is a mutation, its name, and who defines it. */
    interface Sink {
        void define(boolean mutation, String field, String definer);
    }

    static TableRootFields of(Iterable<SourceSnapshot> sources) {
        Set<String> query = new LinkedHashSet<>();
        Set<String> mutation = new LinkedHashSet<>();
        for (SourceSnapshot source : sources) {
            Naming naming = source.naming();
            if (naming.namespace().isPresent() && (!source.tables().isEmpty() || !source.functions().isEmpty())) {
                query.add(naming.namespace().get());
                mutation.add(naming.namespace().get());
                continue;
            }
            each(source, (isMutation, field, definer) -> (isMutation ? mutation : query).add(field));
        }
        return new TableRootFields(query, mutation);
    }

    /**
     * Every root field of the source's tables and functions (inside its namespace, if it has one), each
     * with its definer as Hasura names it ({@code table public.t in source default}).
     */
    static void each(SourceSnapshot source, Sink sink) {
        Naming naming = source.naming();
        String in = " in source " + source.name();
        for (TrackedTable table : source.tables().values()) {
            String definer = "table " + table.name().schema() + "." + table.name().name() + in;
            boolean pk = table.table().primaryKey().isPresent();
            for (String kind : List.of("select", "select_aggregate", "select_by_pk")) {
                if (pk || !kind.endsWith("_by_pk")) {
                    sink.define(false, naming.rootField(table, kind), definer);
                }
            }
            for (String kind : List.of("insert", "insert_one", "update", "update_many", "delete", "update_by_pk", "delete_by_pk")) {
                if (pk || !kind.endsWith("_by_pk")) {
                    sink.define(true, naming.rootField(table, kind), definer);
                }
            }
        }
        for (TrackedFunction function : source.functions().values()) {
            String definer = "function " + function.name().schema() + "." + function.name().name() + in;
            sink.define(function.mutation(), function.rootFieldName(naming), definer);
            if (!function.mutation() && function.returnsSet()) {
                sink.define(false, function.aggregateFieldName(naming), definer);
            }
        }
    }
}
