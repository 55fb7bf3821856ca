package junction.metadata.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.FunctionName;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
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

/**
 * Reads Hasura's version 3 metadata document, and its pieces that metadata API commands share
 * (table names, table configuration, relationship definitions). Every failure is a
 * {@code parse-failed} error that points at the offending key.
 */
public final class MetadataReader {
    private MetadataReader() {
    }

    public static Metadata metadata(JsonNode document, String path) {
        Obj doc = Obj.of(document, path);
        long version = doc.optLong("version").orElse(3L);
        if (version != 3) {
            throw ApiException.of(Code.PARSE_FAILED, "only metadata version 3 is supported, found " + version)
                    .at(doc.pathOf("version"));
        }
        List<Source> sources = doc.list("sources", MetadataReader::source);
        List<RemoteSchema> remotes = doc.list("remote_schemas", MetadataReader::remoteSchema);
        Map<String, JsonNode> other = new LinkedHashMap<>();
        document.fields().forEachRemaining(e -> {
            if (!List.of("version", "sources", "remote_schemas").contains(e.getKey())) {
                other.put(e.getKey(), e.getValue());
            }
        });
        junction.metadata.model.InheritedRole.readAll(document.get("inherited_roles"), doc.pathOf("inherited_roles"));
        Uniqueness.check(sources.stream().map(Source::name).toList(), doc.pathOf("sources"), "source");
        Uniqueness.check(remotes.stream().map(RemoteSchema::name).toList(), doc.pathOf("remote_schemas"), "remote schema");
        return new Metadata(sources, remotes, other);
    }

    public static Source source(JsonNode node, String path) {
        Obj src = Obj.of(node, path);
        String name = src.string("name");
        String kind = src.optString("kind").orElse("postgres");
        if (!kind.equals("postgres")) {
            throw ApiException.of(Code.NOT_SUPPORTED, "source kind \"" + kind + "\" is not supported; only postgres")
                    .at(src.pathOf("kind"));
        }
        Obj configuration = src.obj("configuration");
        configuration.obj("connection_info");
        List<TableEntry> tables = src.list("tables", MetadataReader::table);
        Uniqueness.check(tables.stream().map(t -> t.table().toString()).toList(), src.pathOf("tables"), "table");
        List<junction.metadata.model.FunctionEntry> functions = src.list("functions", FunctionEntries::read);
        Uniqueness.check(functions.stream().map(f -> f.function().toString()).toList(), src.pathOf("functions"), "function");
        return new Source(name, kind, configuration.node(), src.get("customization"), tables, functions);
    }

    public static TableEntry table(JsonNode node, String path) {
        Obj t = Obj.of(node, path);
        TableName name = tableName(t.required("table"), t.pathOf("table"));
        TableConfig config = t.optObj("configuration").map(MetadataReader::tableConfig).orElse(TableConfig.EMPTY);
        List<Relationship> objects = t.list("object_relationships", MetadataReader::relationship);
        List<Relationship> arrays = t.list("array_relationships", MetadataReader::relationship);
        List<RemoteRelationship> remotes = t.list("remote_relationships", MetadataReader::remoteRelationship);
        return new TableEntry(name, config, t.bool("is_enum", false), objects, arrays, remotes,
                t.list("select_permissions", MetadataReader::permission),
                t.list("insert_permissions", MetadataReader::permission),
                t.list("update_permissions", MetadataReader::permission),
                t.list("delete_permissions", MetadataReader::permission),
                t.list("computed_fields", MetadataReader::computedField), t.list("event_triggers", (n, p) -> n));
    }

    /** A table name: {@code "orders"} (schema public) or {@code {"schema": "s", "name": "t"}}. */
    public static TableName tableName(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return TableName.of(node.textValue());
        }
        Obj t = Obj.of(node, path);
        return new TableName(t.optString("schema").orElse("public"), t.string("name"));
    }

    public static TableConfig tableConfig(Obj c) {
        Map<String, JsonNode> roots = c.map("custom_root_fields", (n, p) -> rootFieldName(n, p));
        for (String key : roots.keySet()) {
            if (!TableConfig.ROOT_FIELD_KEYS.contains(key)) {
                throw ApiException.of(Code.PARSE_FAILED, "unexpected key '" + key + "' in custom_root_fields")
                        .at(c.pathOf("custom_root_fields"));
            }
        }
        Map<String, ColumnConfig> columns = new LinkedHashMap<>(c.map("column_config", MetadataReader::columnConfig));
        c.map("custom_column_names", Obj::asString).forEach((column, custom) ->
                columns.merge(column, new ColumnConfig(custom, null), (old, ignored) -> old));
        return new TableConfig(c.optString("custom_name").orElse(null), roots, columns, c.optString("comment").orElse(null));
    }

    private static JsonNode rootFieldName(JsonNode node, String path) {
        if (node.isNull() || node.isTextual()) {
            return node;
        }
        Obj.of(node, path).only("name", "comment");
        return node;
    }

    private static ColumnConfig columnConfig(JsonNode node, String path) {
        Obj c = Obj.of(node, path).only("custom_name", "comment");
        return new ColumnConfig(c.optString("custom_name").orElse(null), c.optString("comment").orElse(null));
    }

    public static Relationship relationship(JsonNode node, String path) {
        Obj r = Obj.of(node, path);
        return new Relationship(r.string("name"), using(r.obj("using")), r.optString("comment").orElse(null));
    }

    public static RelationshipUsing using(Obj using) {
        if (using.has("foreign_key_constraint_on")) {
            return foreignKey(using.required("foreign_key_constraint_on"), using.pathOf("foreign_key_constraint_on"));
        }
        if (using.has("manual_configuration")) {
            Obj manual = using.obj("manual_configuration");
            TableName remote = tableName(manual.required("remote_table"), manual.pathOf("remote_table"));
            Map<String, String> mapping = manual.map("column_mapping", Obj::asString);
            if (mapping.isEmpty()) {
                throw ApiException.of(Code.PARSE_FAILED, "the key 'column_mapping' was not present or is empty")
                        .at(manual.path());
            }
            return new RelationshipUsing.Manual(remote, mapping, manual.optString("insertion_order").orElse(null));
        }
        throw ApiException.of(Code.PARSE_FAILED,
                "expected one of the keys 'foreign_key_constraint_on' or 'manual_configuration'").at(using.path());
    }

    private static RelationshipUsing foreignKey(JsonNode node, String path) {
        if (node.isTextual()) {
            return new RelationshipUsing.ForeignKey(Optional.empty(), List.of(node.textValue()), RelationshipUsing.Form.COLUMN);
        }
        if (node.isArray()) {
            List<String> columns = new java.util.ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                columns.add(Obj.asString(node.get(i), junction.error.JsonPath.index(path, i)));
            }
            if (columns.isEmpty()) {
                throw ApiException.of(Code.PARSE_FAILED, "expected a non-empty list of columns").at(path);
            }
            return new RelationshipUsing.ForeignKey(Optional.empty(), columns, RelationshipUsing.Form.COLUMNS);
        }
        Obj fk = Obj.of(node, path);
        TableName table = tableName(fk.required("table"), fk.pathOf("table"));
        if (fk.has("columns")) {
            List<String> columns = fk.strings("columns");
            return new RelationshipUsing.ForeignKey(Optional.of(table), columns, RelationshipUsing.Form.TABLE_COLUMNS);
        }
        return new RelationshipUsing.ForeignKey(Optional.of(table), List.of(fk.string("column")),
                RelationshipUsing.Form.TABLE_COLUMN);
    }

    /** A computed field: {@code {"name", "definition": {"function", "table_argument"?, "session_argument"?}, "comment"?}}. */
    public static ComputedField computedField(JsonNode node, String path) {
        Obj c = Obj.of(node, path);
        return new ComputedField(c.string("name"), computedFieldDefinition(c.obj("definition")),
                c.optString("comment").orElse(null));
    }

    public static ComputedField.Definition computedFieldDefinition(Obj d) {
        d.only("function", "table_argument", "session_argument");
        return new ComputedField.Definition(functionName(d.required("function"), d.pathOf("function")),
                d.optString("table_argument"), d.optString("session_argument"));
    }

    /** A function name: {@code "fn"} (schema public) or {@code {"schema": "s", "name": "fn"}}. */
    public static FunctionName functionName(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return FunctionName.of(node.textValue());
        }
        Obj f = Obj.of(node, path);
        return new FunctionName(f.optString("schema").orElse("public"), f.string("name"));
    }

    public static Permission permission(JsonNode node, String path) {
        Obj p = Obj.of(node, path);
        return new Permission(p.string("role"), p.obj("permission").node(), p.optString("comment").orElse(null));
    }

    public static RemoteRelationship remoteRelationship(JsonNode node, String path) {
        Obj r = Obj.of(node, path);
        return new RemoteRelationship(r.string("name"), r.obj("definition").node());
    }

    /**
     * A remote schema entry. Its definition is kept as written: the API checks it when it is given
     * ({@link GivenNames}), and one stored with a fault makes the remote schema inconsistent.
     */
    public static RemoteSchema remoteSchema(JsonNode node, String path) {
        Obj r = Obj.of(node, path);
        return new RemoteSchema(r.string("name"), r.obj("definition").node(), r.optString("comment").orElse(null),
                r.list("permissions", MetadataReader::remoteSchemaPermission),
                r.list("remote_relationships", (n, p) -> Obj.of(n, p).node()));
    }

    /** A role's remote schema permission: {@code {"role", "definition": {"schema": SDL}, "comment"?}}, kept as written. */
    public static JsonNode remoteSchemaPermission(JsonNode node, String path) {
        Obj permission = Obj.of(node, path);
        permission.string("role");
        permission.obj("definition").string("schema");
        return permission.node();
    }
}
