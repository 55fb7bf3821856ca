package junction.metadata.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import junction.catalog.TableName;
import junction.json.Json;
import junction.metadata.model.ColumnConfig;
import junction.metadata.model.ComputedField;
import junction.metadata.model.Metadata;
import junction.metadata.model.Permission;
import junction.metadata.model.Relationship;
import junction.metadata.model.RelationshipUsing;
import junction.metadata.model.RemoteRelationship;
import junction.metadata.model.RemoteSchema;
import junction.metadata.model.Source;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;

/** Writes metadata as Hasura's version 3 document: empty lists and objects are left out. */
public final class MetadataWriter {
    private MetadataWriter() {
    }

    public static ObjectNode metadata(Metadata metadata) {
        ObjectNode doc = Json.object();
        doc.put("version", 3);
        putList(doc, "sources", metadata.sources(), MetadataWriter::source);
        putList(doc, "remote_schemas", metadata.remoteSchemas(), MetadataWriter::remoteSchema);
        Map<String, JsonNode> other = new LinkedHashMap<>();
        HASURA_ORDER.forEach(key -> {
            if (metadata.other().containsKey(key)) {
                other.put(key, metadata.other().get(key));
            }
        });
        metadata.other().forEach(other::putIfAbsent);
        other.forEach((key, value) -> {
            if (!isEmpty(value) && !(key.equals("custom_types") && holdsNothing(value))) {
                doc.set(key, value);
            }
        });
        return doc;
    }

    /**
     * The top-level keys after {@code remote_schemas} in the order Hasura's export writes them
     * ({@code metadataToOrdJSON}), whatever order they were applied in: Hasura's CLI applies them
     * sorted, and compares its {@code metadata_file} with the export as text.
     */
    private static final List<String> HASURA_ORDER = List.of("query_collections", "allowlist", "actions",
            "custom_types", "cron_triggers", "rest_endpoints", "api_limits", "metrics_config", "inherited_roles",
            "graphql_schema_introspection", "network", "backend_configs", "opentelemetry");

    public static ObjectNode source(Source source) {
        ObjectNode node = Json.object();
        node.put("name", source.name());
        node.put("kind", source.kind());
        node.set("tables", list(source.tables(), MetadataWriter::table));
        putList(node, "functions", source.functions(), FunctionEntries::write);
        node.set("configuration", source.configuration());
        if (source.customization() != null && !isEmpty(source.customization())) {
            node.set("customization", source.customization());
        }
        return node;
    }

    public static ObjectNode table(TableEntry entry) {
        ObjectNode node = Json.object();
        // the order of Hasura's metadataToOrdJSON, so that Hasura's own CLI writes a project as Hasura does
        node.set("table", tableName(entry.table()));
        if (entry.isEnum()) {
            node.put("is_enum", true);
        }
        if (!entry.configuration().isEmpty()) {
            node.set("configuration", tableConfig(entry.configuration()));
        }
        putList(node, "object_relationships", entry.objectRelationships(), MetadataWriter::relationship);
        putList(node, "array_relationships", entry.arrayRelationships(), MetadataWriter::relationship);
        putList(node, "computed_fields", entry.computedFields(), MetadataWriter::computedField);
        putList(node, "remote_relationships", entry.remoteRelationships(), MetadataWriter::remoteRelationship);
        putList(node, "insert_permissions", entry.insertPermissions(), MetadataWriter::permission);
        putList(node, "select_permissions", entry.selectPermissions(), MetadataWriter::permission);
        putList(node, "update_permissions", entry.updatePermissions(), MetadataWriter::permission);
        putList(node, "delete_permissions", entry.deletePermissions(), MetadataWriter::permission);
        putList(node, "event_triggers", entry.eventTriggers(), Function.identity());
        return node;
    }

    /** Hasura's order: name, definition (its keys sorted, as Hasura encodes it), comment. */
    public static ObjectNode computedField(ComputedField field) {
        ObjectNode node = Json.object();
        node.put("name", field.name());
        ObjectNode definition = node.putObject("definition");
        ObjectNode function = definition.putObject("function");
        function.put("name", field.definition().function().name());
        function.put("schema", field.definition().function().schema());
        field.definition().sessionArgument().ifPresent(a -> definition.put("session_argument", a));
        field.definition().tableArgument().ifPresent(a -> definition.put("table_argument", a));
        if (field.comment() != null) {
            node.put("comment", field.comment());
        }
        return node;
    }

    public static ObjectNode tableName(TableName name) {
        ObjectNode node = Json.object();
        node.put("name", name.name());
        node.put("schema", name.schema());
        return node;
    }

    public static ObjectNode tableConfig(TableConfig config) {
        ObjectNode node = Json.object();
        if (config.comment() != null) {
            node.put("comment", config.comment());
        }
        if (config.customName() != null) {
            node.put("custom_name", config.customName());
        }
        ObjectNode roots = Json.object();
        config.customRootFields().forEach(roots::set);
        node.set("custom_root_fields", roots);
        ObjectNode columns = Json.object();
        config.columnConfig().forEach((column, cc) -> columns.set(column, columnConfig(cc)));
        node.set("column_config", columns);
        return node;
    }

    private static ObjectNode columnConfig(ColumnConfig config) {
        ObjectNode node = Json.object();
        if (config.customName() != null) {
            node.put("custom_name", config.customName());
        }
        if (config.comment() != null) {
            node.put("comment", config.comment());
        }
        return node;
    }

    public static ObjectNode relationship(Relationship relationship) {
        ObjectNode node = Json.object();
        node.put("name", relationship.name());
        node.set("using", using(relationship.using()));
        if (relationship.comment() != null) {
            node.put("comment", relationship.comment());
        }
        return node;
    }

    public static ObjectNode using(RelationshipUsing using) {
        ObjectNode node = Json.object();
        switch (using) {
            case RelationshipUsing.ForeignKey fk -> node.set("foreign_key_constraint_on", foreignKey(fk));
            case RelationshipUsing.Manual manual -> {
                ObjectNode m = node.putObject("manual_configuration");
                m.set("remote_table", tableName(manual.remoteTable()));
                ObjectNode mapping = m.putObject("column_mapping");
                manual.columnMapping().forEach(mapping::put);
                if (manual.insertionOrder() != null) {
                    m.put("insertion_order", manual.insertionOrder());
                }
            }
        }
        return node;
    }

    private static JsonNode foreignKey(RelationshipUsing.ForeignKey fk) {
        return switch (fk.form()) {
            case COLUMN -> Json.NODES.textNode(fk.columns().getFirst());
            case COLUMNS -> strings(fk.columns());
            case TABLE_COLUMN -> {
                ObjectNode node = Json.object();
                node.put("column", fk.columns().getFirst());
                node.set("table", tableName(fk.table().orElseThrow()));
                yield node;
            }
            case TABLE_COLUMNS -> {
                ObjectNode node = Json.object();
                node.set("columns", strings(fk.columns()));
                node.set("table", tableName(fk.table().orElseThrow()));
                yield node;
            }
        };
    }

    public static ObjectNode permission(Permission permission) {
        ObjectNode node = Json.object();
        node.put("role", permission.role());
        node.set("permission", permission.permission());
        if (permission.comment() != null) {
            node.put("comment", permission.comment());
        }
        return node;
    }

    public static ObjectNode remoteRelationship(RemoteRelationship relationship) {
        ObjectNode node = Json.object();
        node.set("definition", relationship.definition());
        node.put("name", relationship.name());
        return node;
    }

    public static ObjectNode remoteSchema(RemoteSchema remote) {
        ObjectNode node = Json.object();
        node.put("name", remote.name());
        node.set("definition", remote.definition());
        if (remote.comment() != null) {
            node.put("comment", remote.comment());
        }
        putList(node, "permissions", remote.permissions(), Function.identity());
        putList(node, "remote_relationships", remote.remoteRelationships(), Function.identity());
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    private static <T> ArrayNode list(List<T> items, Function<T, ? extends JsonNode> writer) {
        ArrayNode array = Json.array();
        items.forEach(item -> array.add(writer.apply(item)));
        return array;
    }

    private static <T> void putList(ObjectNode node, String key, List<T> items, Function<T, ? extends JsonNode> writer) {
        if (!items.isEmpty()) {
            node.set(key, list(items, writer));
        }
    }

    /**
     * Empty, or an object of empty values only: a fresh CLI project sends {@code custom_types} as four
     * empty lists, which Hasura's export leaves out (it drops custom types equal to the empty ones).
     */
    private static boolean holdsNothing(JsonNode value) {
        if (isEmpty(value)) {
            return true;
        }
        if (!value.isObject()) {
            return false;
        }
        for (JsonNode child : value) {
            if (!holdsNothing(child)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || (value.isContainerNode() && value.isEmpty());
    }
}
