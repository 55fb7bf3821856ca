package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.model.ComputedField;
import junction.metadata.model.Metadata;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Inconsistency;

/**
 * {@code pg_add_computed_field} and {@code pg_drop_computed_field} (and the legacy
 * {@code add_computed_field}/{@code drop_computed_field}). The function is checked when the new
 * metadata is resolved: a field that does not fit is refused with Hasura's reasons.
 */
final class ComputedFieldCommands {
    private ComputedFieldCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("pg_add_computed_field", ComputedFieldCommands::add);
        commands.put("pg_drop_computed_field", ComputedFieldCommands::drop);
    }

    static Outcome add(CommandContext context, Obj args) {
        args.only("source", "table", "name", "definition", "comment");
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("name");
        ComputedField field = new ComputedField(name, MetadataReader.computedFieldDefinition(args.obj("definition")),
                args.optString("comment").orElse(null));
        if (entry.computedField(name).isPresent()) {
            throw ApiException.of(Code.ALREADY_EXISTS, "computed field \"" + name + "\" already exists")
                    .at(args.pathOf("name"));
        }
        if (entry.hasFieldNamed(name)) {
            throw ApiException.of(Code.ALREADY_EXISTS, "field with name \"" + name + "\" already exists in table \""
                    + entry.table() + "\"").at(args.pathOf("name"));
        }
        List<ComputedField> fields = new ArrayList<>(entry.computedFields());
        fields.add(field);
        String source = Lookup.sourceName(args);
        return Outcome.success(context.metadata().updateSource(source,
                s -> s.updateTable(entry.table(), t -> t.withComputedFields(fields))),
                new Inconsistency.Location(source, entry.table(), name));
    }

    /**
     * Drops a computed field. Permissions that grant it or filter on it and remote relationships that
     * join on it are dependents: a {@code dependency-error}, or dropped too with {@code cascade}.
     */
    static Outcome drop(CommandContext context, Obj args) {
        args.only("source", "table", "name", "cascade");
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("name");
        boolean cascade = args.bool("cascade", false);
        if (entry.computedField(name).isEmpty()) {
            throw ApiException.of(Code.NOT_EXISTS, "computed field \"" + name + "\" does not exist")
                    .at(args.pathOf("name"));
        }
        String source = Lookup.sourceName(args);
        Metadata without = context.metadata().updateSource(source, s -> s.updateTable(entry.table(),
                t -> t.withComputedFields(t.computedFields().stream().filter(c -> !c.name().equals(name)).toList())));
        Dependents broken = Dependents.between(context.snapshot(), context.resolve(without));
        List<String> permissions = new ArrayList<>();
        for (Inconsistency issue : broken.broken()) {
            if (issue.isPermission()) {
                String[] parts = issue.at().object().split(":", 3);
                permissions.add(DdlPropagation.permissionName(issue.at().table(), parts[2], parts[1], issue.at().source()));
            }
        }
        Dependents dependents = broken.plus(permissions);
        if (!dependents.isEmpty() && !cascade) {
            throw dependents.error();
        }
        return Outcome.success(dependents.removeFrom(without));
    }
}
