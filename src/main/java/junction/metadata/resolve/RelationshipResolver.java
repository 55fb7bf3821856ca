package junction.metadata.resolve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.Catalog;
import junction.catalog.Column;
import junction.catalog.ForeignKey;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.error.Code;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.model.GraphqlName;
import junction.metadata.model.Relationship;
import junction.metadata.model.RelationshipUsing;
import junction.metadata.model.TableEntry;

/** Resolves a table's object and array relationships to target tables and column mappings. */
final class RelationshipResolver {
    private static final String NO_FOREIGN_KEY = "no foreign constraint exists on the given column(s)";
    private final String source;
    private final Catalog catalog;
    private final Set<TableName> tracked;

    RelationshipResolver(String source, Catalog catalog, Set<TableName> tracked) {
        this.source = source;
        this.catalog = catalog;
        this.tracked = tracked;
    }

    List<ResolvedRelationship> resolve(TableEntry entry, Table table, List<Inconsistency> issues) {
        Map<String, String> taken = new HashMap<>();
        for (Column column : table.columns()) {
            taken.put(entry.configuration().columnName(column.name()).orElse(column.name()), column.name());
        }
        List<ResolvedRelationship> out = new ArrayList<>();
        resolveAll(entry, table, entry.objectRelationships(), ResolvedRelationship.Kind.OBJECT, taken, out, issues);
        resolveAll(entry, table, entry.arrayRelationships(), ResolvedRelationship.Kind.ARRAY, taken, out, issues);
        return out;
    }

    private void resolveAll(TableEntry entry, Table table, List<Relationship> relationships,
                            ResolvedRelationship.Kind kind, Map<String, String> taken, List<ResolvedRelationship> out,
                            List<Inconsistency> issues) {
        for (Relationship relationship : relationships) {
            if (!GraphqlName.isValid(relationship.name())) {
                issues.add(issue(entry, relationship, kind, GraphqlName.cannotInclude(relationship.name()),
                        Code.VALIDATION_FAILED));
                continue;
            }
            Optional<String> clash = clash(relationship.name(), taken, table);
            if (clash.isPresent()) {
                issues.add(issue(entry, relationship, kind, clash.get(), Code.ALREADY_EXISTS));
                continue;
            }
            taken.put(relationship.name(), null);
            try {
                out.add(resolveOne(table, relationship, kind));
            } catch (Problem p) {
                String prefix = "in table \"" + entry.table() + "\": in relationship \"" + relationship.name() + "\": ";
                issues.add(issue(entry, relationship, kind, prefix + p.getMessage(), p.code));
            }
        }
    }

    /**
     * Hasura's reasons for a relationship (object, array or remote) whose name another field of the
     * table already has: {@code taken} maps field names to their column, or to null for relationships.
     */
    static Optional<String> clash(String name, Map<String, String> taken, Table table) {
        if (!taken.containsKey(name)) {
            return Optional.empty();
        }
        String column = taken.get(name);
        if (column == null) {
            return Optional.of("conflicting definitions for field \"" + name + "\"");
        }
        if (column.equals(name) || table.column(name).isPresent()) {
            return Optional.of("field definition conflicts with postgres column");
        }
        return Optional.of("field definition conflicts with custom field name for postgres column \"" + column + "\"");
    }

    private ResolvedRelationship resolveOne(Table table, Relationship relationship, ResolvedRelationship.Kind kind) {
        Map<String, String> mapping;
        TableName target;
        switch (relationship.using()) {
            case RelationshipUsing.ForeignKey fk when fk.table().isEmpty() -> {
                requireColumns(table, fk.columns());
                ForeignKey key = table.foreignKeys().stream()
                        .filter(k -> new HashSet<>(k.columns().keySet()).equals(new HashSet<>(fk.columns())))
                        .findFirst()
                        .orElseThrow(() -> new Problem(NO_FOREIGN_KEY, Code.CONSTRAINT_ERROR));
                target = key.target();
                requireTable(target);
                mapping = key.columns();
            }
            case RelationshipUsing.ForeignKey fk -> {
                target = fk.table().get();
                Table other = requireTable(target);
                requireColumns(other, fk.columns());
                ForeignKey key = other.foreignKeys().stream()
                        .filter(k -> k.target().equals(table.name())
                                && new HashSet<>(k.columns().keySet()).equals(new HashSet<>(fk.columns())))
                        .findFirst()
                        .orElseThrow(() -> new Problem(NO_FOREIGN_KEY, Code.CONSTRAINT_ERROR));
                mapping = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : key.columns().entrySet()) {
                    mapping.put(e.getValue(), e.getKey());
                }
            }
            case RelationshipUsing.Manual manual -> {
                target = manual.remoteTable();
                Table other = requireTable(target);
                requireColumns(table, List.copyOf(manual.columnMapping().keySet()));
                requireColumns(other, List.copyOf(manual.columnMapping().values()));
                mapping = manual.columnMapping();
            }
        }
        return new ResolvedRelationship(relationship.name(), kind, target, mapping, relationship.comment());
    }

    private Table requireTable(TableName name) {
        Optional<Table> table = catalog.table(name);
        if (table.isEmpty()) {
            throw new Problem("table \"" + name + "\" does not exist", Code.NOT_EXISTS);
        }
        if (!tracked.contains(name)) {
            throw new Problem("table \"" + name + "\" is not tracked", Code.NOT_EXISTS);
        }
        return table.get();
    }

    private static void requireColumns(Table table, List<String> columns) {
        for (String column : columns) {
            if (table.column(column).isEmpty()) {
                throw new Problem("column \"" + column + "\" does not exist in table \"" + table.name() + "\"",
                        Code.NOT_EXISTS);
            }
        }
    }

    private Inconsistency issue(TableEntry entry, Relationship relationship, ResolvedRelationship.Kind kind,
                                String reason, Code code) {
        String type = kind == ResolvedRelationship.Kind.OBJECT ? "object_relation" : "array_relation";
        ObjectNode definition = MetadataWriter.relationship(relationship);
        if (!definition.has("comment")) {
            definition.putNull("comment");
        }
        definition.put("source", source);
        definition.set("table", MetadataWriter.tableName(entry.table()));
        return new Inconsistency(type, type + " " + relationship.name() + " in table " + entry.table()
                + " in source " + source, definition, "Inconsistent object: " + reason, code,
                new Inconsistency.Location(source, entry.table(), relationship.name()));
    }

    /** A relationship that does not fit; becomes an {@link Inconsistency}. */
    private static final class Problem extends RuntimeException {
        private final Code code;

        Problem(String message, Code code) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
