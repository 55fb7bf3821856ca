package junction.execute;

import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.ir.Plan;

/** Compiles the mutation root fields of a plan, one statement each (filled in with mutations). */
final class MutationCompiling {
    private MutationCompiling() {
    }

    static Compiled compile(Plan plan) {
        throw ApiException.of(Code.NOT_SUPPORTED, "mutations are not supported yet");
    }

    static Compiled empty(Plan plan) {
        return new Compiled(plan, Map.of(), List.of(), false);
    }
}
