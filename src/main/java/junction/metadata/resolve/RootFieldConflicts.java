package junction.metadata.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Root fields that two objects would both define — a table's and a function's, two tables' custom
 * root fields, the same name in two sources — as Hasura reports them when a change would make one:
 * "Encountered conflicting definitions in the selection set for 'query_root' for field 'x' defined in
 * [table public.a in source default, function public.f in source default]. Fields must not be defined
 * more than once across all sources." A source with a root field namespace is checked inside it
 * (its namespace type). Remote schemas' clashes with tables are {@link RemoteSchemaResolver}'s.
 */
public final class RootFieldConflicts {
    private RootFieldConflicts() {
    }

    /** The first conflict {@code next} has that {@code before} had not, as Hasura words it. */
    public static Optional<String> added(Snapshot before, Snapshot next) {
        List<String> old = of(before.sources().values());
        return of(next.sources().values()).stream().filter(c -> !old.contains(c)).findFirst();
    }

    /** Every conflict, in the order the root types and fields are met. */
    static List<String> of(Iterable<SourceSnapshot> sources) {
        Map<String, Map<String, List<String>>> byType = new LinkedHashMap<>();
        for (SourceSnapshot source : sources) {
            Naming naming = source.naming();
            String query = naming.namespaceType("_query").orElse("query_root");
            String mutation = naming.namespaceType("_mutation_frontend").orElse("mutation_root");
            TableRootFields.each(source, (isMutation, field, definer) -> define(byType, isMutation ? mutation : query, field, definer));
        }
        List<String> out = new ArrayList<>();
        byType.forEach((type, fields) -> fields.forEach((field, definers) -> {
            if (definers.size() > 1) {
                out.add("Encountered conflicting definitions in the selection set for '" + type + "' for field '" + field
                        + "' defined in [" + String.join(", ", definers) + "]. Fields must not be defined more than once"
                        + " across all sources.");
            }
        }));
        return out;
    }

    private static void define(Map<String, Map<String, List<String>>> byType, String type, String field, String definer) {
        List<String> definers = byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).computeIfAbsent(field, f -> new ArrayList<>());
        if (!definers.contains(definer)) {
            definers.add(definer);
        }
    }
}
