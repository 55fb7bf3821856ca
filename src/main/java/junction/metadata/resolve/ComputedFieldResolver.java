package junction.metadata.resolve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.Catalog;
import junction.catalog.Function;
import junction.catalog.FunctionArgument;
import junction.catalog.FunctionName;
import junction.catalog.TableName;
import junction.error.Code;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.model.ComputedField;
import junction.metadata.model.GraphqlName;

/**
 * Resolves a table's computed fields against the functions the database has, with Hasura's checks
 * and reasons: the function exists (one overload), is not VOLATILE, takes the table's row (the first
 * argument, or {@code table_argument}) and, when named, the session as json ({@code session_argument}),
 * and returns a base type or rows of a tracked table. A field that does not fit is an inconsistency.
 */
final class ComputedFieldResolver {
    private final String source;
    private final Catalog catalog;
    private final Set<TableName> tracked;

    ComputedFieldResolver(String source, Catalog catalog, Set<TableName> tracked) {
        this.source = source;
        this.catalog = catalog;
        this.tracked = tracked;
    }

    List<ResolvedComputedField> resolve(TrackedTable table, List<Inconsistency> issues) {
        Map<String, String> taken = new HashMap<>();
        table.table().columns().forEach(c -> taken.put(table.fieldName(c), c.name()));
        table.relationships().forEach(r -> taken.put(r.name(), null));
        List<ResolvedComputedField> out = new ArrayList<>();
        for (ComputedField field : table.entry().computedFields()) {
            Optional<String> clash = RelationshipResolver.clash(field.name(), taken, table.table());
            if (clash.isPresent()) {
                issues.add(issue(table.name(), field, clash.get(), Code.ALREADY_EXISTS));
                continue;
            }
            taken.put(field.name(), null);
            String prefix = "in table \"" + table.name() + "\": in computed field \"" + field.name() + "\": ";
            FunctionName name = field.definition().function();
            List<Function> overloads = catalog.functions(name);
            if (overloads.isEmpty()) {
                issues.add(issue(table.name(), field, prefix + "no such function exists in postgres : \"" + name + "\"",
                        Code.NOT_EXISTS));
                continue;
            }
            if (overloads.size() > 1) {
                issues.add(issue(table.name(), field, prefix + "function \"" + name
                        + "\" is overloaded. Overloaded functions are not supported", Code.NOT_SUPPORTED));
                continue;
            }
            Function function = overloads.getFirst();
            List<String> problems = new ArrayList<>();
            ResolvedComputedField resolved = check(table.name(), field, function, problems);
            if (!problems.isEmpty()) {
                issues.add(issue(table.name(), field, prefix + "the computed field \"" + field.name()
                        + "\" cannot be added to table \"" + table.name() + "\" " + reasons(problems), Code.NOT_SUPPORTED));
                continue;
            }
            out.add(resolved);
        }
        return out;
    }

    /** Hasura's checks, every problem found (null when there is one). */
    private ResolvedComputedField check(TableName table, ComputedField field, Function function, List<String> problems) {
        String fn = "\"" + function.name() + "\"";
        if (!GraphqlName.isValid(field.name())) {
            problems.add("\"" + field.name() + "\" is not valid GraphQL name");
        }
        if (function.isVolatile()) {
            problems.add("the function " + fn + " is of type VOLATILE; cannot be added as a computed field");
        }
        Optional<TableName> returnTable = Optional.empty();
        if (function.returnsRows()) {
            returnTable = function.returnTable();
            if (!tracked.contains(returnTable.get())) {
                problems.add("the function " + fn + " returning set of table \"" + returnTable.get()
                        + "\" is not tracked or not found in database");
            }
        } else if (function.returnKind() != 'b' || function.returnsSet()) {
            problems.add("the function " + fn + " returning type " + function.returnType() + " is not a BASE type");
        }
        List<FunctionArgument> inputs = function.inputArguments();
        int tableIndex = tableArgument(table, field, function, inputs, problems);
        int sessionIndex = -1;
        Optional<String> session = field.definition().sessionArgument();
        if (session.isPresent()) {
            sessionIndex = indexOf(inputs, session.get());
            if (sessionIndex < 0) {
                problems.add("\"" + session.get() + "\" is not an input argument of the function " + fn);
            } else if (!List.of("json", "jsonb").contains(inputs.get(sessionIndex).type())) {
                problems.add("\"" + session.get() + "\" argument of the function " + fn + " is not of type JSON");
            }
        }
        return problems.isEmpty() ? new ResolvedComputedField(field, function, tableIndex, sessionIndex, returnTable) : null;
    }

    private static int tableArgument(TableName table, ComputedField field, Function function,
                                     List<FunctionArgument> inputs, List<String> problems) {
        String fn = "\"" + function.name() + "\"";
        Optional<String> named = field.definition().tableArgument();
        int index = 0;
        String which = "first argument of the function " + fn;
        if (named.isPresent()) {
            index = indexOf(inputs, named.get());
            if (index < 0) {
                problems.add("\"" + named.get() + "\" is not an input argument of the function " + fn);
                return -1;
            }
            which = "\"" + named.get() + "\" argument of the function " + fn;
        } else if (inputs.isEmpty()) {
            problems.add("the function " + fn + " has no input arguments");
            return -1;
        }
        FunctionArgument argument = inputs.get(index);
        if (!argument.category().equals("C")) {
            problems.add(which + " is not COMPOSITE type");
        }
        if (!argument.type().equals(table.name())) {
            problems.add(which + " of type \"" + argument.type() + "\" is not the table to which the computed field is being added");
        }
        return index;
    }

    private static int indexOf(List<FunctionArgument> inputs, String name) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Hasura's {@code makeReasonMessage}: "because X", or a bulleted list. */
    private static String reasons(List<String> problems) {
        if (problems.size() == 1) {
            return "because " + problems.getFirst();
        }
        StringBuilder out = new StringBuilder("for the following reasons:\n");
        problems.forEach(p -> out.append("  • ").append(p).append('\n'));
        return out.toString();
    }

    private Inconsistency issue(TableName table, ComputedField field, String reason, Code code) {
        ObjectNode definition = MetadataWriter.computedField(field);
        if (!definition.has("comment")) {
            definition.putNull("comment");
        }
        definition.put("source", source);
        definition.set("table", MetadataWriter.tableName(table));
        return new Inconsistency("computed_field", "computed_field " + field.name() + " in table " + table
                + " in source " + source, definition, "Inconsistent object: " + reason, code,
                new Inconsistency.Location(source, table, field.name()));
    }
}
