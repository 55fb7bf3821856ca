package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.catalog.FunctionName;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.FunctionEntries;
import junction.metadata.model.FunctionConfig;
import junction.metadata.model.FunctionEntry;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.TrackedFunction;
import junction.metadata.resolve.TrackedTable;

/**
 * Tracked SQL functions: {@code pg_track_function}, {@code pg_untrack_function},
 * {@code pg_set_function_customization}, {@code pg_create_function_permission} and
 * {@code pg_drop_function_permission}, with Hasura's errors. Whether the function fits (exists,
 * is not overloaded, returns rows of a tracked table, …) is the resolver's: a function that does
 * not is refused with its inconsistency ({@code invalid-configuration}).
 */
final class FunctionCommands {
    private FunctionCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("pg_track_function", FunctionCommands::track);
        commands.put("pg_untrack_function", FunctionCommands::untrack);
        commands.put("pg_set_function_customization", FunctionCommands::setCustomization);
        commands.put("pg_create_function_permission", FunctionCommands::createPermission);
        commands.put("pg_drop_function_permission", FunctionCommands::dropPermission);
    }

    static Outcome track(CommandContext context, Obj args) {
        Source source = Lookup.source(context.metadata(), args);
        FunctionName name = functionName(args);
        FunctionConfig config = args.optObj("configuration").map(FunctionEntries::configuration).orElse(FunctionConfig.EMPTY);
        String comment = args.optString("comment").orElse(null);
        if (source.function(name).isPresent()) {
            throw ApiException.of(Code.ALREADY_TRACKED, "function already tracked: \"" + name + "\"");
        }
        if (source.table(new TableName(name.schema(), name.name())).isPresent()) {
            throw ApiException.of(Code.NOT_SUPPORTED, "table with name \"" + name + "\" already exists");
        }
        List<FunctionEntry> functions = new ArrayList<>(source.functions());
        functions.add(FunctionEntry.tracked(name, config, comment));
        return Outcome.success(context.metadata().updateSource(source.name(), s -> s.withFunctions(functions)),
                Inconsistency.Location.ofFunction(source.name(), name));
    }

    static Outcome untrack(CommandContext context, Obj args) {
        Source source = Lookup.source(context.metadata(), args);
        FunctionName name = functionName(args);
        trackedEntry(source, name);
        return Outcome.success(without(context.metadata(), source.name(), name));
    }

    static Metadata without(Metadata metadata, String source, FunctionName name) {
        return metadata.updateSource(source, s -> s.withFunctions(
                s.functions().stream().filter(f -> !f.function().equals(name)).toList()));
    }

    /** Replaces the function's whole configuration, as Hasura does. */
    static Outcome setCustomization(CommandContext context, Obj args) {
        Source source = Lookup.source(context.metadata(), args);
        FunctionName name = functionName(args);
        FunctionConfig config = FunctionEntries.configuration(args.obj("configuration"));
        trackedEntry(source, name);
        return Outcome.success(context.metadata().updateSource(source.name(),
                s -> s.updateFunction(name, f -> f.withConfiguration(config))), Inconsistency.Location.ofFunction(source.name(), name));
    }

    /**
     * Hasura allows a function permission only for a role with a select permission on the function's
     * return table.
     */
    static Outcome createPermission(CommandContext context, Obj args) {
        Source source = Lookup.source(context.metadata(), args);
        FunctionName name = functionName(args);
        String role = args.string("role");
        TrackedFunction function = resolved(context, source.name(), name);
        if (trackedEntry(source, name).permissions().contains(role)) {
            throw ApiException.of(Code.ALREADY_EXISTS, "permission of role \"" + role + "\" already exists for function \""
                    + name + "\" in source: \"" + source.name() + "\"");
        }
        TrackedTable table = context.snapshot().source(source.name()).flatMap(s -> s.table(function.returnTable()))
                .orElseThrow(() -> ApiException.of(Code.NOT_EXISTS, "function's return table \"" + function.returnTable()
                        + "\" not found in the cache"));
        if (table.permissions(role).select().isEmpty()) {
            throw ApiException.of(Code.NOT_SUPPORTED, "function permission can only be added when the function's return "
                    + "table \"" + function.returnTable() + "\" has select permission configured for role: \"" + role + "\"");
        }
        return Outcome.success(context.metadata().updateSource(source.name(), s -> s.updateFunction(name, f -> {
            List<String> roles = new ArrayList<>(f.permissions());
            roles.add(role);
            return f.withPermissions(roles);
        })), Inconsistency.Location.ofFunction(source.name(), name));
    }

    static Outcome dropPermission(CommandContext context, Obj args) {
        Source source = Lookup.source(context.metadata(), args);
        FunctionName name = functionName(args);
        String role = args.string("role");
        if (source.function(name).map(f -> !f.permissions().contains(role)).orElse(true)) {
            throw ApiException.of(Code.NOT_EXISTS, "permission of role \"" + role + "\" does not exist for function \""
                    + name + "\" in source: \"" + source.name() + "\"");
        }
        return Outcome.success(context.metadata().updateSource(source.name(), s -> s.updateFunction(name,
                f -> f.withPermissions(f.permissions().stream().filter(r -> !r.equals(role)).toList()))));
    }

    /** {@code args.function}; for {@code pg_untrack_function} without a source, the args may be the name itself. */
    private static FunctionName functionName(Obj args) {
        if (!args.has("function") && !args.has("source") && args.has("name")) {
            return FunctionEntries.functionName(args.node(), args.path());
        }
        return FunctionEntries.functionName(args.required("function"), args.pathOf("function"));
    }

    private static FunctionEntry trackedEntry(Source source, FunctionName name) {
        return source.function(name).orElseThrow(() -> notFound(name));
    }

    /** The function as the fresh snapshot resolved it: Hasura's {@code askFunctionInfo}. */
    private static TrackedFunction resolved(CommandContext context, String source, FunctionName name) {
        return context.snapshot().source(source).flatMap(s -> s.function(name)).orElseThrow(() -> notFound(name));
    }

    private static ApiException notFound(FunctionName name) {
        return ApiException.of(Code.NOT_EXISTS, "function \"" + name + "\" not found in the cache");
    }
}
