package junction.metadata.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import junction.catalog.Column;
import junction.catalog.EnumRowsReader;
import junction.catalog.EnumRows;
import junction.catalog.Table;
import junction.error.Code;
import junction.metadata.model.GraphqlName;

/**
 * Whether a table marked {@code is_enum} can be an enum table, with Hasura's reasons when it cannot
 * ({@code fetchAndValidateEnumValues}): a one-column primary key of type text, at most one other
 * column (the comment) of type text, at least one row, and every value a GraphQL enum value name.
 * The reasons are collected as Hasura does: the key, then the columns, then — only with a usable
 * key — the rows.
 */
final class EnumTableCheck {
    /** Hasura's names of the Postgres types its messages show; any other keeps its Postgres name. */
    private static final Map<String, String> TYPE_NAMES = Map.of("int2", "smallint", "int4", "integer",
            "int8", "bigint", "float4", "real", "bool", "boolean");

    private EnumTableCheck() {
    }

    static Optional<TableChecks.Problem> problem(Table table, Optional<EnumRows> rows) {
        List<String> reasons = new ArrayList<>();
        Optional<Column> key = key(table, reasons);
        columns(table, key, reasons);
        if (key.isPresent()) {
            rows(rows.orElse(EnumRows.NOT_READ), reasons);
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String because = reasons.size() == 1 ? "because " + reasons.getFirst()
                : "for the following reasons:\n" + reasons.stream().map(r -> "  • " + r + "\n").collect(Collectors.joining());
        return Optional.of(new TableChecks.Problem("the table \"" + table.name() + "\" cannot be used as an enum " + because,
                Code.CONSTRAINT_VIOLATION));
    }

    /** Whether {@code value} can be a value of a GraphQL enum (a name, and not {@code true}, {@code false} or {@code null}). */
    static boolean isEnumValueName(String value) {
        return GraphqlName.isValid(value) && !value.equals("true") && !value.equals("false") && !value.equals("null");
    }

    private static Optional<Column> key(Table table, List<String> reasons) {
        if (table.primaryKey().isEmpty()) {
            reasons.add("the table must have a primary key");
            return Optional.empty();
        }
        List<String> columns = table.primaryKey().get().columns();
        if (columns.size() > 1) {
            reasons.add("the table’s primary key must not span multiple columns (" + sortedList(columns) + ")");
            return Optional.empty();
        }
        Column column = table.column(columns.getFirst()).orElseThrow();
        if (!column.type().equals("text")) {
            reasons.add(typeMismatch("primary key", column));
            return Optional.empty();
        }
        return EnumRowsReader.keyColumn(table);
    }

    private static void columns(Table table, Optional<Column> key, List<String> reasons) {
        List<Column> others = table.columns().stream().filter(c -> key.isEmpty() || !c.equals(key.get())).toList();
        if (others.size() == 1 && !others.getFirst().type().equals("text")) {
            reasons.add(typeMismatch("comment column", others.getFirst()));
        } else if (others.size() > 1) {
            reasons.add("the table must have exactly one primary key and optionally one comment column, not "
                    + others.size() + " columns (" + sortedList(others.stream().map(Column::name).toList()) + ")");
        }
    }

    private static void rows(EnumRows rows, List<String> reasons) {
        if (rows.error().isPresent()) {
            reasons.add("postgres error: " + rows.error().get());
            return;
        }
        if (rows.rows().isEmpty()) {
            reasons.add("the table must have at least one row");
        }
        List<String> bad = rows.rows().stream().map(EnumRows.Row::value).filter(v -> !isEnumValueName(v)).sorted().toList();
        if (!bad.isEmpty()) {
            reasons.add("the " + badValues(bad));
        }
    }

    /** Hasura's list of bad values: the last one quoted, and with more than two, the others bare. */
    private static String badValues(List<String> sorted) {
        String last = "\"" + sorted.getLast() + "\"";
        String plural = " are not valid GraphQL enum value names";
        return switch (sorted.size()) {
            case 1 -> "value " + last + " is not a valid GraphQL enum value name";
            case 2 -> "values \"" + sorted.getFirst() + "\" and " + last + plural;
            default -> "values " + String.join(", ", sorted.subList(0, sorted.size() - 1)) + ", and " + last + plural;
        };
    }

    private static String typeMismatch(String description, Column column) {
        return "the table’s " + description + " (\"" + column.name() + "\") must have type \"text\", not type \""
                + typeName(column.type()) + "\"";
    }

    private static String typeName(String pgType) {
        if (pgType.startsWith("_")) {
            return typeName(pgType.substring(1)) + "[]";
        }
        return TYPE_NAMES.getOrDefault(pgType, pgType);
    }

    private static String sortedList(List<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }
}
