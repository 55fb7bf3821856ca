package junction.sql;

import java.util.ArrayList;
import java.util.List;
import junction.plan.ir.FunctionCall;

/** {@code "schema"."fn"(?::"type", "arg" => ?::"type", …)}: a function call with every argument a bind parameter. */
final class FunctionCalls {
    private FunctionCalls() {
    }

    static Sql call(FunctionCall call) {
        List<Sql> arguments = new ArrayList<>();
        for (FunctionCall.Argument argument : call.arguments()) {
            Sql value = Sql.param(argument.value(), argument.type());
            arguments.add(argument.name() == null ? value : Sql.of(Sql.ident(argument.name()), " => ", value));
        }
        return Sql.of(Sql.ident(call.function().schema()), ".", Sql.ident(call.function().name()), "(",
                Sql.join(", ", arguments), ")");
    }
}
