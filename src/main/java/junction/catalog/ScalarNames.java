package junction.catalog;

import java.util.Map;

/**
 * The GraphQL scalar name Hasura gives a Postgres type: {@code Int}, {@code String}, {@code Boolean}
 * and {@code Float} for the common ones, the Postgres name for every other ({@code bigint},
 * {@code numeric}, {@code uuid}, {@code timestamptz}, {@code jsonb}, …).
 */
public final class ScalarNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("int4", "Int"), Map.entry("serial", "Int"), Map.entry("serial4", "Int"),
            Map.entry("text", "String"), Map.entry("varchar", "String"),
            Map.entry("bool", "Boolean"), Map.entry("float4", "Float"),
            Map.entry("int2", "smallint"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"));

    private ScalarNames() {
    }

    public static String of(String pgType) {
        return NAMES.getOrDefault(pgType, pgType);
    }
}
