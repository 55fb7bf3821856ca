package junction.plan;

import graphql.language.Argument;
import graphql.language.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.metadata.resolve.TrackedFunction;
import junction.plan.ir.DbQuery;
import junction.plan.ir.FunctionCall;
import junction.plan.ir.Value;
import junction.schema.RootField;

/**
 * Plans a tracked function's root field: the call with the {@code args} given (the session
 * argument bound to the session variables), and over its rows the selection, filter, order and
 * paging of its return table, with the role's select permission applied as for the table itself.
 */
final class FunctionPlanner {
    private final Args args;
    private final TablePlanner tables;

    FunctionPlanner(Args args, TablePlanner tables) {
        this.args = args;
        this.tables = tables;
    }

    DbQuery plan(RootField.Function root, List<Field> fields, String path) {
        FunctionCall call = call(root.function(), fields.getFirst(), path + ".args.args");
        DbQuery rows = root.aggregate() ? new DbQuery.Aggregated(tables.aggregate(root.table(), fields, path))
                : new DbQuery.Rows(tables.select(root.table(), fields, path, !root.function().returnsSet()));
        return new DbQuery.FromFunction(call, rows);
    }

    /** {@code <fn>_connection} of the Relay schema: the function's rows as a connection. */
    DbQuery connection(RootField.FunctionConnection root, List<Field> fields, String path) {
        FunctionCall call = call(root.function(), fields.getFirst(), path + ".args.args");
        return new DbQuery.FromFunction(call, new DbQuery.Connected(tables.connections().plan(root.table(), fields, path)));
    }

    private FunctionCall call(TrackedFunction function, Field field, String path) {
        Map<String, In> given = field.getArguments().stream().filter(a -> a.getName().equals("args")).findFirst()
                .map(Argument::getValue).map(In::of).map(in -> args.object(in, path).fields()).orElse(Map.of());
        List<FunctionCall.Argument> out = new ArrayList<>();
        boolean byName = false;
        for (TrackedFunction.Argument argument : function.arguments()) {
            String type = argument.argument().type();
            if (argument.session()) {
                out.add(new FunctionCall.Argument(byName ? argument.argument().name() : null, new Value.Session(), type));
                continue;
            }
            In value = given.get(argument.graphqlName());
            if (value == null && argument.argument().hasDefault()) {
                byName = true;
                continue;
            }
            Value bound = value == null ? new Value.Literal(Json.NODES.nullNode()) : args.value(value);
            String name = byName && !argument.argument().name().isEmpty() ? argument.argument().name() : null;
            out.add(new FunctionCall.Argument(name, bound, type));
        }
        return new FunctionCall(function.name(), out);
    }
}
