package junction.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the rows of enum tables ({@code is_enum}): the key column and the comment column of every
 * row, all tables in one statement. Only a table with an enum table's key — a one-column primary
 * key of type {@code text} — is read; its comment column is the one other column, when it is the
 * only one and of type {@code text} (as Hasura reads them). The rows are data: table and column
 * names are quoted identifiers, and the statement has no values. In a transaction (run_sql's), a
 * failure is rolled back to a savepoint so that the transaction goes on.
 */
public final class EnumRowsReader {

    /** The key column of an enum table: its primary key's only column, when it is of type text. */
    public static Optional<Column> keyColumn(Table table) {
        return table.primaryKey().filter(pk -> pk.columns().size() == 1)
                .flatMap(pk -> table.column(pk.columns().getFirst()))
                .filter(c -> c.type().equals("text"));
    }

    /** The comment column of an enum table: the one column besides the key, when there is one and it is text. */
    public static Optional<Column> commentColumn(Table table) {
        Optional<Column> key = keyColumn(table);
        List<Column> others = table.columns().stream().filter(c -> key.isEmpty() || !c.equals(key.get())).toList();
        return others.size() == 1 && others.getFirst().type().equals("text") ? Optional.of(others.getFirst())
                : Optional.empty();
    }

    /** The rows of each of {@code tables} that {@code catalog} has; tables it does not have are left out. */
    public Map<TableName, EnumRows> read(Connection connection, Catalog catalog, Collection<TableName> tables)
            throws SQLException {
        Map<TableName, EnumRows> out = new LinkedHashMap<>();
        List<Table> readable = new ArrayList<>();
        for (TableName name : tables) {
            Optional<Table> table = catalog.table(name);
            if (table.isEmpty()) {
                continue;
            }
            if (keyColumn(table.get()).isEmpty()) {
                out.put(name, EnumRows.NOT_READ);
            } else {
                readable.add(table.get());
            }
        }
        if (readable.isEmpty()) {
            return out;
        }
        try {
            out.putAll(rows(connection, readable));
        } catch (SQLException together) {
            // One table's error fails the statement: read each alone to tell which.
            for (Table table : readable) {
                try {
                    out.putAll(rows(connection, List.of(table)));
                } catch (SQLException alone) {
                    out.put(table.name(), EnumRows.failed(alone.getMessage()));
                }
            }
        }
        return out;
    }

    private static Map<TableName, EnumRows> rows(Connection connection, List<Table> tables) throws SQLException {
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        Map<Integer, List<EnumRows.Row>> byIndex = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query(tables))) {
            while (rs.next()) {
                byIndex.computeIfAbsent(rs.getInt(1), i -> new ArrayList<>())
                        .add(new EnumRows.Row(rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            throw e;
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        Map<TableName, EnumRows> out = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            out.put(tables.get(i).name(), new EnumRows(byIndex.getOrDefault(i, List.of()), Optional.empty()));
        }
        return out;
    }

    /** {@code select <i>, "key"::text, "comment"::text from "schema"."table" union all …} */
    private static String query(List<Table> tables) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            Table table = tables.get(i);
            if (i > 0) {
                sql.append(" union all ");
            }
            sql.append("select ").append(i).append(", ").append(ident(keyColumn(table).orElseThrow().name()))
                    .append("::text, ")
                    .append(commentColumn(table).map(c -> ident(c.name()) + "::text").orElse("null::text"))
                    .append(" from ").append(ident(table.name().schema())).append('.').append(ident(table.name().name()));
        }
        return sql.toString();
    }

    private static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
