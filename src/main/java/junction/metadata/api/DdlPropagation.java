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
import junction.metadata.model.ColumnConfig;
import junction.metadata.model.Relationship;
import junction.metadata.model.RelationshipUsing;
import junction.metadata.model.RemoteRelationship;
import junction.metadata.model.Source;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;

/**
 * Carries DDL into a source's metadata, as Hasura's run_sql does: renamed tables and columns are
 * renamed wherever metadata names them (tracked tables, column config, relationships of any table,
 * remote relationships' join fields and {@code $column} references); a dropped tracked table is a
 * dependent of the drop (the spec's run_sql: {@code dependency-error} unless {@code cascade}, which
 * untracks it with everything on it); the column config of a dropped column goes away. Objects that
 * used something dropped are left as they are, so that resolving the result shows them broken —
 * those are the drop's dependents — except remote relationships, whose dropped join fields are
 * reported here.
 */
final class DdlPropagation {
    /** The source after the DDL, and the remote relationships that lost a join field. */
    record Result(Source source, List<String> dependents) {
    }

    private final String source;
    private final CatalogChanges changes;
    private final List<String> dependents = new ArrayList<>();

    private DdlPropagation(String source, CatalogChanges changes) {
        this.source = source;
        this.changes = changes;
    }

    static Result apply(Source source, CatalogChanges changes) {
        DdlPropagation propagation = new DdlPropagation(source.name(), changes);
        List<TableEntry> tables = new ArrayList<>();
        for (TableEntry entry : source.tables()) {
            if (changes.droppedTables().contains(entry.table())) {
                propagation.dependents.add("table " + entry.table() + " in source \"" + source.name() + "\"");
            } else {
                tables.add(propagation.table(entry));
            }
        }
        return new Result(source.withTables(tables), propagation.dependents);
    }

    private TableEntry table(TableEntry entry) {
        TableName name = changes.renamed(entry.table());
        List<RemoteRelationship> remotes = new ArrayList<>();
        for (RemoteRelationship remote : entry.remoteRelationships()) {
            remoteRelationship(name, remote).ifPresent(remotes::add);
        }
        return entry.withTable(name).withConfiguration(config(name, entry.configuration()))
                .withRelationships(relationships(name, entry.objectRelationships()),
                        relationships(name, entry.arrayRelationships()))
                .withRemoteRelationships(remotes);
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

    private List<Relationship> relationships(TableName self, List<Relationship> relationships) {
        return relationships.stream().map(r -> r.withUsing(using(self, r.using()))).toList();
    }

    /** The relationship's definition with table and column renames applied. */
    private RelationshipUsing using(TableName self, RelationshipUsing using) {
        return switch (using) {
            case RelationshipUsing.ForeignKey fk when fk.table().isEmpty() ->
                    new RelationshipUsing.ForeignKey(Optional.empty(), columns(self, fk.columns()), fk.form());
            case RelationshipUsing.ForeignKey fk -> {
                TableName other = changes.renamed(fk.table().get());
                yield new RelationshipUsing.ForeignKey(Optional.of(other), columns(other, fk.columns()), fk.form());
            }
            case RelationshipUsing.Manual manual -> {
                TableName other = changes.renamed(manual.remoteTable());
                Map<String, String> mapping = new LinkedHashMap<>();
                manual.columnMapping().forEach((mine, theirs) ->
                        mapping.put(changes.renamedColumn(self, mine), changes.renamedColumn(other, theirs)));
                yield new RelationshipUsing.Manual(other, mapping, manual.insertionOrder());
            }
        };
    }

    private List<String> columns(TableName table, List<String> columns) {
        return columns.stream().map(c -> changes.renamedColumn(table, c)).toList();
    }

    private Optional<RemoteRelationship> remoteRelationship(TableName name, RemoteRelationship remote) {
        ObjectNode definition = remote.definition().deepCopy();
        ObjectNode holder = definition.has("to_remote_schema") ? (ObjectNode) definition.get("to_remote_schema") : definition;
        String fieldsKey = holder.has("lhs_fields") ? "lhs_fields" : "hasura_fields";
        JsonNode fields = holder.get(fieldsKey);
        if (fields != null && fields.isArray()) {
            ArrayNode renamed = holder.putArray(fieldsKey);
            for (JsonNode field : fields) {
                if (changes.isDropped(name, field.asText())) {
                    dependents.add("remote relationship " + name + "." + remote.name() + " in source \"" + source + "\"");
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
