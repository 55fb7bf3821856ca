package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import junction.catalog.Catalog;
import junction.catalog.ForeignKey;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.model.Relationship;
import junction.metadata.model.RelationshipUsing;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;

/**
 * {@code pg_suggest_relationships} ({@code {source?, tables?, omit_tracked?}}): for every foreign key
 * between two tracked tables, the object relationship from the referencing table and the reverse one
 * from the referenced table — an object relationship when the referencing columns are a unique
 * constraint of their table (as in Hasura, the primary key does not count), else an array one.
 * {@code tables} keeps the foreign keys that touch one of them; {@code omit_tracked} leaves out the
 * foreign keys the referencing table already has a relationship for (same target, same columns).
 * Other keys are ignored (Hasura's parser ignores them). A read: it answers from the served snapshot's catalog and the metadata as it stands, reads no
 * database and changes nothing.
 */
final class SuggestRelationships {
    private record Mapping(TableName target, Map<String, String> columns) {
    }

    private SuggestRelationships() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("pg_suggest_relationships", SuggestRelationships::suggest);
    }

    static Outcome suggest(CommandContext context, Obj args) {
        Source source = Lookup.source(context.metadata(), args);
        Predicate<TableName> selected = selection(args);
        boolean omitTracked = args.bool("omit_tracked", false);
        Catalog catalog = context.current().source(source.name()).map(s -> s.catalog()).orElse(Catalog.EMPTY);
        Map<TableName, TableEntry> tracked = new LinkedHashMap<>();
        source.tables().forEach(t -> tracked.put(t.table(), t));

        ArrayNode relationships = Json.array();
        for (TableEntry entry : tracked.values()) {
            Optional<Table> table = catalog.table(entry.table());
            if (table.isEmpty()) {
                continue;
            }
            Set<Mapping> existing = omitTracked ? mappings(entry, table.get(), catalog) : Set.of();
            for (ForeignKey fk : table.get().foreignKeys()) {
                if (!tracked.containsKey(fk.target()) || catalog.table(fk.target()).isEmpty()
                        || !selected.test(entry.table()) && !selected.test(fk.target())
                        || existing.contains(new Mapping(fk.target(), fk.columns()))) {
                    continue;
                }
                List<String> local = List.copyOf(fk.columns().keySet());
                List<String> remote = List.copyOf(fk.columns().values());
                boolean unique = table.get().uniqueKeys().stream().anyMatch(k -> Set.copyOf(k.columns()).equals(Set.copyOf(local)));
                relationships.add(suggestion("object", side(entry.table(), local, fk.constraint()), side(fk.target(), remote, null)));
                relationships.add(suggestion(unique ? "object" : "array", side(fk.target(), remote, null),
                        side(entry.table(), local, fk.constraint())));
            }
        }
        ObjectNode answer = Json.object();
        answer.set("relationships", relationships);
        return new Outcome.Read(answer);
    }

    private static Predicate<TableName> selection(Obj args) {
        JsonNode tables = args.get("tables");
        if (tables == null || tables.isNull()) {
            return t -> true;
        }
        Set<TableName> names = new HashSet<>(args.list("tables", MetadataReader::tableName));
        return names::contains;
    }

    /** The column mappings of {@code entry}'s relationships (this table's columns → the target's). */
    private static Set<Mapping> mappings(TableEntry entry, Table table, Catalog catalog) {
        Set<Mapping> out = new HashSet<>();
        for (Relationship r : entry.relationships().toList()) {
            switch (r.using()) {
                case RelationshipUsing.Manual manual -> out.add(new Mapping(manual.remoteTable(), manual.columnMapping()));
                case RelationshipUsing.ForeignKey fk when fk.table().isEmpty() -> table.foreignKeys().stream()
                        .filter(k -> Set.copyOf(k.columns().keySet()).equals(Set.copyOf(fk.columns())))
                        .forEach(k -> out.add(new Mapping(k.target(), k.columns())));
                case RelationshipUsing.ForeignKey fk -> catalog.table(fk.table().get()).ifPresent(other -> other.foreignKeys()
                        .stream().filter(k -> k.target().equals(entry.table()) && Set.copyOf(k.columns().keySet()).equals(Set.copyOf(fk.columns())))
                        .forEach(k -> {
                            Map<String, String> reverse = new LinkedHashMap<>();
                            k.columns().forEach((mine, theirs) -> reverse.put(theirs, mine));
                            out.add(new Mapping(other.name(), reverse));
                        }));
            }
        }
        return out;
    }

    private static ObjectNode suggestion(String type, ObjectNode from, ObjectNode to) {
        ObjectNode node = Json.object();
        node.put("type", type);
        node.set("from", from);
        node.set("to", to);
        return node;
    }

    private static ObjectNode side(TableName table, List<String> columns, String constraint) {
        ObjectNode node = Json.object();
        node.set("table", MetadataWriter.tableName(table));
        ArrayNode names = node.putArray("columns");
        columns.forEach(names::add);
        if (constraint != null) {
            node.put("constraint_name", constraint);
        }
        return node;
    }
}
