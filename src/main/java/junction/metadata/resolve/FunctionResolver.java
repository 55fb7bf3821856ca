package junction.metadata.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import junction.catalog.Catalog;
import junction.catalog.Function;
import junction.catalog.FunctionArgument;
import junction.catalog.FunctionName;
import junction.catalog.TableName;
import junction.error.Code;
import junction.metadata.codec.FunctionEntries;
import junction.metadata.model.FunctionEntry;
import junction.metadata.model.GraphqlName;
import junction.metadata.model.Source;

/**
 * The tracked functions stage: each function of a source against the database, as Hasura builds
 * them — it must exist with one overload, return rows of a table ({@code SETOF t} or {@code t})
 * that is tracked, have GraphQL-compliant argument names of base types, be VOLATILE if exposed as a
 * mutation, and name a {@code json} argument as its session argument. One that does not is an
 * inconsistent {@code function} with Hasura's reason.
 */
final class FunctionResolver {
    private FunctionResolver() {
    }

    static Map<FunctionName, TrackedFunction> resolve(Source source, Catalog catalog, Set<TableName> tracked,
                                                      List<Inconsistency> issues) {
        Map<FunctionName, TrackedFunction> out = new LinkedHashMap<>();
        for (FunctionEntry entry : source.functions()) {
            FunctionName name = entry.function();
            List<Function> overloads = catalog.functions(name);
            String context = "in function \"" + name + "\": ";
            if (overloads.isEmpty()) {
                issues.add(issue(source, entry, context + "no such function exists: \"" + name + "\"", Code.NOT_EXISTS));
                continue;
            }
            if (overloads.size() > 1) {
                issues.add(issue(source, entry, context + "function \"" + name
                        + "\" is overloaded. Overloaded functions are not supported", Code.NOT_SUPPORTED));
                continue;
            }
            Function function = overloads.getFirst();
            List<String> problems = problems(entry, function, catalog);
            if (!problems.isEmpty()) {
                issues.add(issue(source, entry, context + "the function \"" + name + "\" cannot be tracked "
                        + reasons(problems), Code.NOT_SUPPORTED));
                continue;
            }
            TableName table = function.returnTable().orElseThrow();
            if (!tracked.contains(table)) {
                issues.add(issue(source, entry, "table \"" + table + "\" is not tracked", Code.NOT_EXISTS));
                continue;
            }
            boolean mutation = entry.configuration().exposedAsGiven().map("mutation"::equals).orElse(function.isVolatile());
            out.put(name, new TrackedFunction(name, function, entry, table, mutation, arguments(entry, function)));
        }
        return out;
    }

    /** What Hasura's {@code buildFunctionInfo} finds wrong with the function, all of it. */
    private static List<String> problems(FunctionEntry entry, Function function, Catalog catalog) {
        List<String> out = new ArrayList<>();
        if (!GraphqlName.isValid(entry.function().graphqlBase())) {
            out.add("function name is not a legal GraphQL identifier");
        }
        if (function.arguments().stream().anyMatch(a -> a.mode() == 'v')) {
            out.add("function with \"VARIADIC\" parameters are not supported");
        }
        if (function.returnKind() != 'c') {
            out.add("the function does not return a \"COMPOSITE\" type");
        }
        if (function.returnTable().flatMap(catalog::table).isEmpty()) {
            out.add("the function does not return a table");
        }
        if (!function.isVolatile() && "mutation".equals(entry.configuration().exposedAs())) {
            out.add("the function was requested to be exposed as a mutation, but is not marked VOLATILE. "
                    + "Maybe the function was given the wrong volatility when it was defined?");
        }
        List<String> badNames = function.inputArguments().stream().map(FunctionArgument::name)
                .filter(n -> !n.isEmpty() && !GraphqlName.isValid(n)).toList();
        if (!badNames.isEmpty()) {
            out.add("the function arguments " + String.join(",", badNames) + " are not in compliance with GraphQL spec");
        }
        List<String> notBase = function.inputArguments().stream().filter(a -> !isBase(a)).map(FunctionArgument::type).toList();
        if (!notBase.isEmpty()) {
            out.add("the function argument types \"" + String.join(",", notBase)
                    + "\" are not supported, because function arguments are expected to be of the type: 'base'");
        }
        String session = entry.configuration().sessionArgument();
        if (session != null) {
            List<FunctionArgument> named = function.inputArguments().stream().filter(a -> a.name().equals(session)).toList();
            if (named.isEmpty()) {
                out.add("given session argument \"" + session + "\" not the input argument of the function");
            } else if (!named.getFirst().type().equals("json")) {
                out.add("given session argument \"" + session + "\" is not of type json");
            }
        }
        return out;
    }

    /** Composite and pseudo types cannot be given as GraphQL arguments. */
    private static boolean isBase(FunctionArgument argument) {
        return !argument.category().equals("C") && !argument.category().equals("P");
    }

    /** Hasura's {@code makeReasonMessage}: one reason inline, several as a list. */
    private static String reasons(List<String> problems) {
        if (problems.size() == 1) {
            return "because " + problems.getFirst();
        }
        return "for the following reasons:\n" + problems.stream().map(p -> " • " + p + "\n").collect(Collectors.joining());
    }

    private static List<TrackedFunction.Argument> arguments(FunctionEntry entry, Function function) {
        List<TrackedFunction.Argument> out = new ArrayList<>();
        int unnamed = 0;
        for (FunctionArgument argument : function.inputArguments()) {
            String name = argument.name().isEmpty() ? "arg_" + (++unnamed) : argument.name();
            boolean session = !argument.name().isEmpty() && argument.name().equals(entry.configuration().sessionArgument());
            out.add(new TrackedFunction.Argument(name, argument, session));
        }
        return out;
    }

    static Inconsistency issue(Source source, FunctionEntry entry, String reason, Code code) {
        return new Inconsistency("function", "function " + entry.function() + " in source " + source.name(),
                FunctionEntries.functionName(entry.function()), "Inconsistent object: " + reason, code,
                Inconsistency.Location.ofFunction(source.name(), entry.function()));
    }
}
