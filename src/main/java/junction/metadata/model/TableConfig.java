package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tracked table's {@code configuration}: custom GraphQL name, custom root field names (each a
 * string or {@code {name, comment}}, kept as written), per-column custom names and comments.
 */
public record TableConfig(String customName, Map<String, JsonNode> customRootFields,
                          Map<String, ColumnConfig> columnConfig, String comment) {
    public static final TableConfig EMPTY = new TableConfig(null, Map.of(), Map.of(), null);

    public static final java.util.List<String> ROOT_FIELD_KEYS = java.util.List.of("select", "select_by_pk",
            "select_aggregate", "select_stream", "insert", "insert_one", "update", "update_by_pk", "update_many",
            "delete", "delete_by_pk");

    public TableConfig {
        customRootFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customRootFields));
        columnConfig = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnConfig));
    }

    public boolean isEmpty() {
        return customName == null && customRootFields.isEmpty() && columnConfig.isEmpty() && comment == null;
    }

    /** The custom name for a root field key such as {@code select_by_pk}, if one is set. */
    public Optional<String> rootField(String key) {
        JsonNode value = customRootFields.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        JsonNode name = value.isObject() ? value.get("name") : value;
        return name == null || name.isNull() ? Optional.empty() : Optional.of(name.asText());
    }

    public Optional<String> columnName(String column) {
        ColumnConfig config = columnConfig.get(column);
        return config == null ? Optional.empty() : Optional.ofNullable(config.customName());
    }

    public TableConfig withColumnConfig(Map<String, ColumnConfig> newColumnConfig) {
        return new TableConfig(customName, customRootFields, newColumnConfig, comment);
    }
}
