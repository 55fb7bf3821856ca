package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import junction.catalog.Catalog;
import junction.catalog.Function;
import junction.catalog.FunctionName;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.model.FunctionEntry;
import junction.metadata.model.Source;

/**
 * Carries DDL into a source's tracked functions, as Hasura's run_sql does: a function dropped goes
 * out of metadata (with its permissions); one renamed (the same oid under another name) is tracked
 * under its new name; one that got overloads, or became VOLATILE, refuses the SQL with Hasura's
 * {@code not-supported} errors. A function dropped and created again under the same name stays
 * tracked. Functions that did not resolve before the DDL are left as they are.
 */
final class FunctionDdl {
    private FunctionDdl() {
    }

    static Source apply(Source source, Catalog before, Catalog after) {
        List<FunctionEntry> kept = new ArrayList<>();
        List<String> overloaded = new ArrayList<>();
        for (FunctionEntry entry : source.functions()) {
            Optional<Function> old = before.function(entry.function());
            if (old.isEmpty()) {
                kept.add(entry);
                continue;
            }
            Optional<FunctionName> now = after.functions(entry.function()).isEmpty()
                    ? after.functionByOid(old.get().oid()).map(Function::name) : Optional.of(entry.function());
            if (now.isEmpty()) {
                continue;
            }
            List<Function> overloads = after.functions(now.get());
            if (overloads.size() > 1) {
                overloaded.add(now.get().toString());
                continue;
            }
            if (!old.get().isVolatile() && overloads.getFirst().isVolatile()) {
                throw ApiException.of(Code.NOT_SUPPORTED, "type of function \"" + now.get()
                        + "\" is altered to \"VOLATILE\" which is not supported now");
            }
            kept.add(entry.withFunction(now.get()));
        }
        if (!overloaded.isEmpty()) {
            throw ApiException.of(Code.NOT_SUPPORTED, "the following tracked function(s) cannot be overloaded: "
                    + String.join(", ", overloaded));
        }
        return source.withFunctions(kept);
    }
}
