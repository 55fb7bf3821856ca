package junction.sql;

/**
 * How compiled SQL writes values. {@code stringifyNumeric}: {@code bigint}, {@code numeric} and
 * {@code float8} values (and aggregates over them) as JSON strings, as Hasura does with
 * {@code HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES=true}.
 */
public record SqlOptions(boolean stringifyNumeric) {
    public static final SqlOptions DEFAULT = new SqlOptions(false);

    private static final java.util.Set<String> WIDE_NUMBERS = java.util.Set.of("int8", "numeric", "float8");

    /** A column value as it goes into the answer. */
    Sql column(Sql value, String type) {
        return stringifyNumeric && WIDE_NUMBERS.contains(type) ? Sql.of("(", value, ")::text") : ColumnValue.answer(value, type);
    }

    /** An aggregate's value: avg and the deviations are always wide; sum, max and min as their column. */
    Sql aggregate(Sql value, String operation, String columnType) {
        if (!stringifyNumeric) {
            return value;
        }
        boolean wide = switch (operation) {
            case "sum", "max", "min" -> WIDE_NUMBERS.contains(columnType);
            default -> true;
        };
        return wide ? Sql.of("(", value, ")::text") : value;
    }
}
