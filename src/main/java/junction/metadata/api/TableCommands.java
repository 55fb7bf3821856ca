package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.GivenNames;
import junction.metadata.codec.MetadataReader;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Inconsistency;

/**
 * {@code pg_track_table}, {@code pg_untrack_table}, {@code pg_set_table_customization},
 * {@code pg_set_table_is_enum}; {@code pg_track_tables} lives in {@link TrackTables}.
 */
final class TableCommands {
    private TableCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("pg_track_table", TableCommands::track);
        commands.put("pg_track_tables", TrackTables::apply);
        commands.put("pg_untrack_table", TableCommands::untrack);
        commands.put("pg_set_table_customization", TableCommands::setCustomization);
        commands.put("pg_set_table_is_enum", TableCommands::setIsEnum);
    }

    static Outcome track(CommandContext context, Obj args) {
        Source source = Lookup.source(context.metadata(), args);
        TableEntry entry = untrackedEntry(source, args);
        return Outcome.success(withTable(context.metadata(), source.name(), entry),
                Inconsistency.Location.ofTable(source.name(), entry.table()));
    }

    /** The entry {@code args} asks to track; fails with {@code already-tracked} if it is tracked. */
    static TableEntry untrackedEntry(Source source, Obj args) {
        args.optObj("configuration").ifPresent(GivenNames::tableConfiguration);
        TableName name = Lookup.tableName(args);
        if (source.table(name).isPresent()) {
            throw ApiException.of(Code.ALREADY_TRACKED, "view/table already tracked: \"" + name + "\"")
                    .at(args.pathOf("table"));
        }
        TableConfig config = args.optObj("configuration").map(MetadataReader::tableConfig).orElse(TableConfig.EMPTY);
        return TableEntry.tracked(name, config, args.bool("is_enum", false));
    }

    static Metadata withTable(Metadata metadata, String source, TableEntry entry) {
        return metadata.updateSource(source, s -> {
            List<TableEntry> tables = new ArrayList<>(s.tables());
            tables.add(entry);
            return s.withTables(tables);
        });
    }

    /**
     * Untracks a table. Objects of other tables that need it (a relationship to it) are dependents:
     * a {@code dependency-error}, or removed too with {@code cascade}.
     */
    static Outcome untrack(CommandContext context, Obj args) {
        Source source = Lookup.source(context.metadata(), args);
        TableName name = Lookup.tableName(args);
        boolean cascade = args.bool("cascade", false);
        if (source.table(name).isEmpty()) {
            throw ApiException.of(Code.ALREADY_UNTRACKED, "view/table already untracked: \"" + name + "\"")
                    .at(args.pathOf("table"));
        }
        Metadata without = Pruning.without(context.metadata(), Inconsistency.Location.ofTable(source.name(), name));
        Dependents dependents = Dependents.between(context.snapshot(), context.resolve(without));
        if (!dependents.isEmpty() && !cascade) {
            throw dependents.error();
        }
        return Outcome.success(dependents.removeFrom(without));
    }

    /** Replaces the table's whole configuration, as Hasura does. */
    static Outcome setCustomization(CommandContext context, Obj args) {
        GivenNames.tableConfiguration(args.obj("configuration"));
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        TableConfig config = MetadataReader.tableConfig(args.obj("configuration"));
        return changed(context, args, entry.withConfiguration(config));
    }

    static Outcome setIsEnum(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        args.required("is_enum");
        TableEntry changed = new TableEntry(entry.table(), entry.configuration(), args.bool("is_enum", false),
                entry.objectRelationships(), entry.arrayRelationships(), entry.remoteRelationships(),
                entry.selectPermissions(), entry.insertPermissions(), entry.updatePermissions(),
                entry.deletePermissions(), entry.computedFields(), entry.eventTriggers());
        return changed(context, args, changed);
    }

    private static Outcome changed(CommandContext context, Obj args, TableEntry changed) {
        String source = Lookup.sourceName(args);
        return Outcome.success(context.metadata().updateSource(source, s -> s.updateTable(changed.table(), t -> changed)),
                Inconsistency.Location.ofTable(source, changed.table()));
    }
}
