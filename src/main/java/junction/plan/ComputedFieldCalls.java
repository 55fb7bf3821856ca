package junction.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.FunctionArgument;
import junction.metadata.resolve.ResolvedComputedField;
import junction.plan.ir.ComputedCall;
import junction.plan.ir.Value;

/**
 * The call of a computed field's function: the row and the session where the function takes them,
 * the values the query gives in {@code args} for the others; an argument left out keeps its
 * default, and those after it are passed by name.
 */
final class ComputedFieldCalls {
    private ComputedFieldCalls() {
    }

    /**
     * The call as {@code table}'s role sees it: for an inherited role whose parents do not all grant
     * the field, its value only on the rows of those that do.
     */
    static ComputedCall of(junction.schema.TableInfo table, ResolvedComputedField field, Map<String, Value> given) {
        ComputedCall call = of(field, given);
        var filter = table.permissions().select().map(p -> p.computedFieldFilters().get(field.name()));
        if (filter.isEmpty() || filter.get() == null || filter.get().isTrue()) {
            return call;
        }
        return new ComputedCall(call.function(), call.arguments(), Optional.of(PermissionFilters.of(filter.get())));
    }

    /** @param given the {@code args} values by GraphQL argument name */
    static ComputedCall of(ResolvedComputedField field, Map<String, Value> given) {
        List<FunctionArgument> inputs = field.function().inputArguments();
        List<ComputedCall.Argument> out = new ArrayList<>();
        boolean byName = false;
        int extra = 0;
        for (int i = 0; i < inputs.size(); i++) {
            FunctionArgument argument = inputs.get(i);
            Optional<String> name = byName ? Optional.of(argument.name()) : Optional.empty();
            if (i == field.tableArgument()) {
                out.add(new ComputedCall.Row(name));
            } else if (i == field.sessionArgument()) {
                out.add(new ComputedCall.Session(name, argument.type()));
            } else {
                Value value = given.get(ResolvedComputedField.argumentName(argument, extra++));
                if (value == null) {
                    byName = true;
                    continue;
                }
                out.add(new ComputedCall.Given(name, value, argument.type()));
            }
        }
        return new ComputedCall(field.function().name(), out);
    }

    /** The call of a field without arguments of its own (in {@code where} and {@code order_by}). */
    static ComputedCall of(ResolvedComputedField field) {
        return of(field, Map.of());
    }

    /** The {@code args} object of a computed field in the query, by argument name; null values left out. */
    static Map<String, Value> given(Args args, In in, String path) {
        Map<String, Value> out = new java.util.LinkedHashMap<>();
        args.object(in, path).fields().forEach((name, value) -> {
            if (!args.resolve(value).isNull()) {
                out.put(name, args.value(value));
            }
        });
        return out;
    }
}
