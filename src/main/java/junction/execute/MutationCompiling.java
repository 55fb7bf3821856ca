package junction.execute;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.ir.Mutation;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.plan.ir.DbQuery;
import junction.sql.MutationCompiler;
import junction.sql.SelectCompiler;

/**
 * Compiles the database mutation root fields of a plan, one statement each (several for
 * update_many; a VOLATILE function's the select over its call); remote ones travel as the given
 * remote requests.
 */
final class MutationCompiling {
    private MutationCompiling() {
    }

    static Compiled compile(Plan plan, junction.sql.SqlOptions options, List<RemoteRoot> remotes) {
        List<Compiled.Mutation> mutations = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (RootNode root : plan.roots()) {
            if (root instanceof RootNode.Database d && d.query() instanceof Mutation m) {
                sources.add(d.source());
                List<Optional<String>> checks = MutationCompiler.checkedStatements(m).stream()
                        .map(checked -> checked ? Optional.of(checkPath(d.key(), m)) : Optional.<String>empty()).toList();
                mutations.add(new Compiled.Mutation(d, MutationCompiler.compile(m, options), m instanceof Mutation.UpdateMany,
                        checks));
            } else if (root instanceof RootNode.Database d && d.query() instanceof DbQuery.FromFunction f) {
                sources.add(d.source());
                mutations.add(new Compiled.Mutation(d, List.of(SelectCompiler.compileOne(f, options)), false));
            }
        }
        if (sources.size() > 1) {
            throw ApiException.of(Code.NOT_SUPPORTED, "mutations on several sources in one request are not supported");
        }
        return new Compiled(plan, Map.of(), mutations, remotes, false);
    }

    /** Hasura reports a failed insert check at the field's {@code objects} (or {@code object}), an update's at the root. */
    private static String checkPath(String key, Mutation mutation) {
        if (mutation instanceof Mutation.Insert insert) {
            boolean one = insert.output() instanceof Mutation.Row;
            return "$.selectionSet." + key + ".args." + (one ? "object" : "objects");
        }
        return "$";
    }
}
