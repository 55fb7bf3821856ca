package junction.sql;

import java.util.ArrayList;
import java.util.List;
import junction.plan.ir.ComputedCall;
import junction.plan.ir.Value;

/**
 * A computed field's function call on a row alias: {@code "schema"."fn"("_1".*, ?::"jsonb", "n" => ?::"int4")}
 * — the row as a whole-row reference, the session and the query's values as bind parameters.
 */
final class ComputedCalls {
    private ComputedCalls() {
    }

    /** The call, or for a value shown only on some rows {@code case when <filter> then <call> else null end}. */
    static Sql call(ComputedCall call, String alias, WhereCompiler where) {
        Sql value = call(call, alias);
        return call.shownWhere().map(f -> Sql.of("case when ", where.compile(f, alias), " then ", value, " else null end"))
                .orElse(value);
    }

    private static Sql call(ComputedCall call, String alias) {
        List<Sql> arguments = new ArrayList<>();
        for (ComputedCall.Argument argument : call.arguments()) {
            Sql value = switch (argument) {
                case ComputedCall.Row r -> Sql.of(Sql.ident(alias), ".*");
                case ComputedCall.Session s -> Sql.param(new Value.Session(), s.type());
                case ComputedCall.Given g -> Sql.param(g.value(), g.type());
            };
            arguments.add(argument.name().map(n -> Sql.of(Sql.ident(n), " => ", value)).orElse(value));
        }
        return Sql.of(Sql.ident(call.function().schema()), ".", Sql.ident(call.function().name()), "(",
                Sql.join(", ", arguments), ")");
    }
}
