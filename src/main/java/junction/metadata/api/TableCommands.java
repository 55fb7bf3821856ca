package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;

/** {@code pg_track_table}, {@code pg_track_tables}, {@code pg_untrack_table}, {@code pg_set_table_customization}. */
final class TableCommands {
    private TableCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("pg_track_table", TableCommands::track);
        commands.put("pg_track_tables", TableCommands::trackMany);
        commands.put("pg_untrack_table", TableCommands::untrack);
        commands.put("pg_set_table_customization", TableCommands::setCustomization);
        commands.put("pg_set_table_is_enum", TableCommands::setIsEnum);
    }

    static Outcome track(CommandContext context, Obj args) {
        return Outcome.success(track(context.metadata(), args));
    }

    private static Metadata track(Metadata metadata, Obj args) {
        Source source = Lookup.source(metadata, args);
        TableName name = Lookup.tableName(args);
        if (source.table(name).isPresent()) {
            throw ApiException.of(Code.ALREADY_TRACKED, "view/table already tracked : \"" + name + "\"")
                    .at(args.pathOf("table"));
        }
        TableConfig config = args.optObj("configuration").map(MetadataReader::tableConfig).orElse(TableConfig.EMPTY);
        TableEntry entry = TableEntry.tracked(name, config, args.bool("is_enum", false));
        List<TableEntry> tables = new ArrayList<>(source.tables());
        tables.add(entry);
        return metadata.updateSource(source.name(), s -> s.withTables(tables));
    }

    static Outcome trackMany(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        List<Obj> items = args.list("tables", Obj::of);
        for (Obj item : items) {
            metadata = track(metadata, item);
        }
        return Outcome.success(metadata);
    }

    static Outcome untrack(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        Source source = Lookup.source(metadata, args);
        TableName name = Lookup.tableName(args);
        if (source.table(name).isEmpty()) {
            throw ApiException.of(Code.ALREADY_UNTRACKED, "view/table already untracked : \"" + name + "\"")
                    .at(args.pathOf("table"));
        }
        Dependents dependents = Dependents.onTable(context.snapshot(), source.name(), name);
        if (!dependents.isEmpty() && !args.bool("cascade", false)) {
            throw dependents.error();
        }
        List<TableEntry> tables = new ArrayList<>();
        for (TableEntry entry : source.tables()) {
            if (!entry.table().equals(name)) {
                tables.add(dependents.removeFrom(entry));
            }
        }
        return Outcome.success(metadata.updateSource(source.name(), s -> s.withTables(tables)));
    }

    static Outcome setCustomization(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        TableConfig config = args.optObj("configuration").map(MetadataReader::tableConfig).orElse(TableConfig.EMPTY);
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> t.withConfiguration(config))));
    }

    static Outcome setIsEnum(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        boolean isEnum = args.bool("is_enum", false);
        TableEntry changed = new TableEntry(entry.table(), entry.configuration(), isEnum, entry.objectRelationships(),
                entry.arrayRelationships(), entry.remoteRelationships(), entry.selectPermissions(),
                entry.insertPermissions(), entry.updatePermissions(), entry.deletePermissions(), entry.computedFields(),
                entry.eventTriggers());
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> changed)));
    }
}
