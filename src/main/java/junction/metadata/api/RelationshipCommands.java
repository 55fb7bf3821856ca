package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.model.Relationship;
import junction.metadata.model.TableEntry;

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
        if (entry.hasFieldNamed(name)) {
            throw ApiException.of(Code.ALREADY_EXISTS, "relationship with name \"" + name + "\" already exists in table \""
                    + entry.table() + "\"").at(args.pathOf("name"));
        }
        Relationship relationship = new Relationship(name, MetadataReader.using(args.obj("using")),
                args.optString("comment").orElse(null));
        List<Relationship> objects = new ArrayList<>(entry.objectRelationships());
        List<Relationship> arrays = new ArrayList<>(entry.arrayRelationships());
        (object ? objects : arrays).add(relationship);
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> t.withRelationships(objects, arrays))));
    }

    static Outcome drop(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("relationship");
        requireRelationship(entry, name, args.pathOf("relationship"));
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> t.withoutRelationship(name))));
    }

    static Outcome rename(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("name");
        String newName = args.string("new_name");
        requireRelationship(entry, name, args.pathOf("name"));
        if (entry.hasFieldNamed(newName)) {
            throw ApiException.of(Code.ALREADY_EXISTS, "relationship with name \"" + newName + "\" already exists in table \""
                    + entry.table() + "\"").at(args.pathOf("new_name"));
        }
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> t.withRelationships(
                        renamed(t.objectRelationships(), name, newName), renamed(t.arrayRelationships(), name, newName)))));
    }

    static Outcome comment(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("name");
        requireRelationship(entry, name, args.pathOf("name"));
        String comment = args.optString("comment").orElse(null);
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> t.withRelationships(
                        commented(t.objectRelationships(), name, comment), commented(t.arrayRelationships(), name, comment)))));
    }

    private static void requireRelationship(TableEntry entry, String name, String path) {
        if (entry.relationship(name).isEmpty()) {
            throw ApiException.of(Code.NOT_EXISTS, "relationship \"" + name + "\" does not exist in table \""
                    + entry.table() + "\"").at(path);
        }
    }

    private static List<Relationship> renamed(List<Relationship> list, String name, String newName) {
        return list.stream().map(r -> r.name().equals(name) ? r.withName(newName) : r).toList();
    }

    private static List<Relationship> commented(List<Relationship> list, String name, String comment) {
        return list.stream().map(r -> r.name().equals(name) ? new Relationship(r.name(), r.using(), comment) : r).toList();
    }
}
