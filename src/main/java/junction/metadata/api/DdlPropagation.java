package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.model.ColumnConfig;
import junction.metadata.model.Relationship;
import junction.metadata.model.RelationshipUsing;
import junction.metadata.model.RemoteRelationship;
import junction.metadata.model.Source;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.SourceSnapshot;

/**
 * Carries DDL into a source's metadata: renamed tables and columns are renamed in every entry that
 * names them (tracked tables, column config, relationships, remote relationships' join fields and
 * {@code $column} references); objects that used a dropped table or column are dependents — an
 * error, or removed when {@code cascade}.
 */
final class DdlPropagation {
    private final String source;
    private final CatalogChanges changes;
    private final Optional<SourceSnapshot> before;
    private final List<String> dependents = new ArrayList<>();

    private DdlPropagation(String source, CatalogChanges changes, Optional<SourceSnapshot> before) {
        this.source = source;
        this.changes = changes;
        this.before = before;
    }

    static Source apply(Source source, CatalogChanges changes, Optional<SourceSnapshot> before, boolean cascade) {
        DdlPropagation propagation = new DdlPropagation(source.name(), changes, before);
        List<TableEntry> tables = new ArrayList<>();
        for (TableEntry entry : source.tables()) {
            propagation.table(entry).ifPresent(tables::add);
        }
        if (!propagation.dependents.isEmpty() && !cascade) {
            throw ApiException.of(Code.DEPENDENCY_ERROR, "cannot drop due to the following dependent objects : "
                    + String.join(", ", propagation.dependents));
        }
        return source.withTables(tables);
    }

    private Optional<TableEntry> table(TableEntry entry) {
        TableName old = entry.table();
        if (changes.droppedTables().contains(old)) {
            dependents.add("table " + old + " in source " + source);
            return Optional.empty();
        }
        TableName name = changes.renamed(old);
        List<Relationship> objects = relationships(entry, name, entry.objectRelationships());
        List<Relationship> arrays = relationships(entry, name, entry.arrayRelationships());
        List<RemoteRelationship> remotes = new ArrayList<>();
        for (RemoteRelationship remote : entry.remoteRelationships()) {
            remoteRelationship(old, name, remote).ifPresent(remotes::add);
        }
        return Optional.of(entry.withTable(name).withConfiguration(config(name, entry.configuration()))
                .withRelationships(objects, arrays).withRemoteRelationships(remotes));
    }

    private TableConfig config(TableName table, TableConfig config) {
        Map<String, ColumnConfig> columns = new LinkedHashMap<>();
        config.columnConfig().forEach((column, cc) -> {
            if (!changes.isDropped(table, column)) {
                columns.put(changes.renamedColumn(table, column), cc);
            }
        });
        return config.withColumnConfig(columns);
    }

    private List<Relationship> relationships(TableEntry entry, TableName name, List<Relationship> relationships) {
        List<Relationship> out = new ArrayList<>();
        for (Relationship r : relationships) {
            Optional<RelationshipUsing> using = using(name, resolvedTarget(entry.table(), r.name()), r.using());
            if (using.isEmpty()) {
                String type = entry.objectRelationships().contains(r) ? "object_relation" : "array_relation";
                dependents.add(type + " " + r.name() + " in table " + entry.table() + " in source " + source);
            } else {
                out.add(r.withUsing(using.get()));
            }
        }
        return out;
    }

    /** The relationship's definition with renames applied, or empty if it used something dropped. */
    private Optional<RelationshipUsing> using(TableName self, Optional<TableName> target, RelationshipUsing using) {
        if (target.isPresent() && changes.droppedTables().contains(target.get())) {
            return Optional.empty();
        }
        switch (using) {
            case RelationshipUsing.ForeignKey fk when fk.table().isEmpty() -> {
                return columns(self, fk.columns()).map(cols -> new RelationshipUsing.ForeignKey(Optional.empty(), cols, fk.form()));
            }
            case RelationshipUsing.ForeignKey fk -> {
                TableName other = changes.renamed(fk.table().get());
                return columns(other, fk.columns()).map(cols -> new RelationshipUsing.ForeignKey(Optional.of(other), cols, fk.form()));
            }
            case RelationshipUsing.Manual manual -> {
                if (changes.droppedTables().contains(manual.remoteTable())) {
                    return Optional.empty();
                }
                TableName other = changes.renamed(manual.remoteTable());
                Map<String, String> mapping = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : manual.columnMapping().entrySet()) {
                    if (changes.isDropped(self, e.getKey()) || changes.isDropped(other, e.getValue())) {
                        return Optional.empty();
                    }
                    mapping.put(changes.renamedColumn(self, e.getKey()), changes.renamedColumn(other, e.getValue()));
                }
                return Optional.of(new RelationshipUsing.Manual(other, mapping, manual.insertionOrder()));
            }
        }
    }

    private Optional<List<String>> columns(TableName table, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String column : columns) {
            if (changes.isDropped(table, column)) {
                return Optional.empty();
            }
            out.add(changes.renamedColumn(table, column));
        }
        return Optional.of(out);
    }

    private Optional<TableName> resolvedTarget(TableName table, String relationship) {
        return before.flatMap(s -> s.table(table)).flatMap(t -> t.relationship(relationship)).map(ResolvedRelationship::target);
    }

    private Optional<RemoteRelationship> remoteRelationship(TableName old, TableName name, RemoteRelationship remote) {
        ObjectNode definition = remote.definition().deepCopy();
        ObjectNode holder = definition.has("to_remote_schema") ? (ObjectNode) definition.get("to_remote_schema") : definition;
        String fieldsKey = holder.has("lhs_fields") ? "lhs_fields" : "hasura_fields";
        JsonNode fields = holder.get(fieldsKey);
        if (fields != null && fields.isArray()) {
            ArrayNode renamed = holder.putArray(fieldsKey);
            for (JsonNode field : fields) {
                if (changes.isDropped(name, field.asText())) {
                    dependents.add("remote_relationship " + remote.name() + " in table " + old + " in source " + source);
                    return Optional.empty();
                }
                renamed.add(changes.renamedColumn(name, field.asText()));
            }
        }
        if (holder.has("remote_field")) {
            holder.set("remote_field", renameReferences(name, holder.get("remote_field")));
        }
        return Optional.of(new RemoteRelationship(remote.name(), definition));
    }

    /** Rewrites {@code "$column"} references in a remote field template. */
    private JsonNode renameReferences(TableName table, JsonNode node) {
        if (node.isTextual() && node.textValue().startsWith("$")) {
            return TextNode.valueOf("$" + changes.renamedColumn(table, node.textValue().substring(1)));
        }
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), renameReferences(table, e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(n -> out.add(renameReferences(table, n)));
            return out;
        }
        return node;
    }
}
