package junction.catalog;

import java.util.List;
import java.util.Map;

/**
 * The types Hasura's {@code _cast} comparison offers to cast a column to: {@code geometry} to
 * {@code geography} and back, {@code jsonb} to {@code text} (named {@code String} in GraphQL).
 */
public final class CastTargets {
    private CastTargets() {
    }

    /** GraphQL name of each target → its Postgres type; empty for a type without casts. */
    public static Map<String, String> of(String type) {
        return switch (type) {
            case "geometry" -> Map.of("geography", "geography");
            case "geography" -> Map.of("geometry", "geometry");
            case "jsonb" -> Map.of("String", "text");
            default -> Map.of();
        };
    }

    /** The column as its cast to {@code type} is compared: same name, the target type. */
    public static Column cast(Column column, String type) {
        return new Column(column.name(), column.attnum(), type, type.equals("text") ? "S" : "U", column.nullable(),
                false, false, null, List.of());
    }
}
