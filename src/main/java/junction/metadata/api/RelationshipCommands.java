package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Table;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.model.Relationship;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Inconsistency;

/** Object and array relationships: create, drop, rename, comment. */
final class RelationshipCommands {
    private RelationshipCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("pg_create_object_relationship", (c, a) -> create(c, a, true));
        commands.put("pg_create_array_relationship", (c, a) -> create(c, a, false));
        commands.put("pg_drop_relationship", RelationshipCommands::drop);
        commands.put("pg_rename_relationship", RelationshipCommands::rename);
        commands.put("pg_set_relationship_comment", RelationshipCommands::comment);
    }

    static Outcome create(CommandContext context, Obj args, boolean object) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("name");
        if (isField(context, args, entry, name)) {
            throw ApiException.of(Code.ALREADY_EXISTS, "field with name \"" + name + "\" already exists in table \""
                    + entry.table() + "\"").at(args.pathOf("name"));
        }
        Relationship relationship = new Relationship(name, MetadataReader.using(args.obj("using")),
                args.optString("comment").orElse(null));
        List<Relationship> objects = new ArrayList<>(entry.objectRelationships());
        List<Relationship> arrays = new ArrayList<>(entry.arrayRelationships());
        (object ? objects : arrays).add(relationship);
        String source = Lookup.sourceName(args);
        return Outcome.success(context.metadata().updateSource(source,
                s -> s.updateTable(entry.table(), t -> t.withRelationships(objects, arrays))),
                new Inconsistency.Location(source, entry.table(), name));
    }

    static Outcome drop(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("relationship");
        args.bool("cascade", false);
        requireRelationship(context, args, entry, name, args.pathOf("relationship"));
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> t.withoutRelationship(name))));
    }

    static Outcome rename(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("name");
        String newName = args.string("new_name");
        requireRelationship(context, args, entry, name, args.pathOf("name"));
        if (isField(context, args, entry, newName)) {
            throw ApiException.of(Code.ALREADY_EXISTS, "cannot rename relationship \"" + name + "\" to \"" + newName
                    + "\" in table \"" + entry.table() + "\" as a column/relationship with the name already exists")
                    .at(args.pathOf("new_name"));
        }
        String source = Lookup.sourceName(args);
        return Outcome.success(context.metadata().updateSource(source,
                s -> s.updateTable(entry.table(), t -> t.withRelationships(
                        renamed(t.objectRelationships(), name, newName), renamed(t.arrayRelationships(), name, newName)))),
                new Inconsistency.Location(source, entry.table(), newName));
    }

    /** Hasura names the relationship {@code relationship}; older clients send {@code name}. */
    static Outcome comment(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String key = args.has("relationship") || !args.has("name") ? "relationship" : "name";
        String name = args.string(key);
        requireRelationship(context, args, entry, name, args.pathOf(key));
        String comment = args.optString("comment").orElse(null);
        String source = Lookup.sourceName(args);
        return Outcome.success(context.metadata().updateSource(source,
                s -> s.updateTable(entry.table(), t -> t.withRelationships(
                        commented(t.objectRelationships(), name, comment), commented(t.arrayRelationships(), name, comment)))),
                new Inconsistency.Location(source, entry.table(), name));
    }

    /** Whether the table already has a column, relationship or remote relationship of that name. */
    private static boolean isField(CommandContext context, Obj args, TableEntry entry, String name) {
        return entry.hasFieldNamed(name) || column(context, args, entry, name).isPresent();
    }

    private static Optional<?> column(CommandContext context, Obj args, TableEntry entry, String name) {
        Optional<Table> table = Lookup.catalogTable(context.snapshot(), Lookup.sourceName(args), entry.table());
        return table.flatMap(t -> t.column(name));
    }

    private static void requireRelationship(CommandContext context, Obj args, TableEntry entry, String name, String path) {
        if (entry.relationship(name).isPresent()) {
            return;
        }
        if (column(context, args, entry, name).isPresent()) {
            throw ApiException.of(Code.UNEXPECTED_PAYLOAD, "expecting a relationship; but, \"" + name
                    + "\" is a postgres column; ").at(path);
        }
        throw ApiException.of(Code.NOT_EXISTS, "relationship \"" + name + "\" does not exist").at(path);
    }

    private static List<Relationship> renamed(List<Relationship> list, String name, String newName) {
        return list.stream().map(r -> r.name().equals(name) ? r.withName(newName) : r).toList();
    }

    private static List<Relationship> commented(List<Relationship> list, String name, String comment) {
        return list.stream().map(r -> r.name().equals(name) ? new Relationship(r.name(), r.using(), comment) : r).toList();
    }
}
