package junction.metadata.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import junction.catalog.Column;
import junction.catalog.Catalog;
import junction.catalog.ScalarNames;
import junction.catalog.Table;
import junction.error.Code;
import junction.metadata.model.GraphqlName;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;

/**
 * Checks that a tracked table and the columns its configuration names exist, and that every name
 * the table's part of the GraphQL schema needs is a GraphQL name: its base name ({@code custom_name}
 * or the table's), its custom root fields, its columns' field names and type names. A table that
 * fails is inconsistent with Hasura's reason, instead of left out of the schema in silence or
 * breaking it. Constraint names are not checked: one that is not a GraphQL name is only left out of
 * the {@code T_constraint} enum (Hasura 2 refuses the table, its open bug #7850; then a table named
 * {@code col-test} could not be tracked even with a custom name, its key being {@code col-test_pkey}).
 */
final class TableChecks {
    /** Why a table cannot be tracked, with the code Hasura gives it. */
    record Problem(String reason, Code code) {
    }

    private TableChecks() {
    }

    static Optional<Problem> tableProblem(TableEntry entry, Catalog catalog) {
        Optional<Table> table = catalog.table(entry.table());
        if (table.isEmpty()) {
            return Optional.of(new Problem("no such table/view exists in source: \"" + entry.table() + "\"", Code.NOT_EXISTS));
        }
        Optional<Problem> missing = entry.configuration().columnConfig().keySet().stream()
                .filter(c -> table.get().column(c).isEmpty())
                .findFirst()
                .map(c -> new Problem("configuration was given for the column \"" + c + "\", but no such column exists",
                        Code.NOT_EXISTS));
        return missing.or(() -> names(entry, table.get()).filter(n -> !GraphqlName.isValid(n)).findFirst()
                .map(n -> new Problem(GraphqlName.cannotInclude(n), Code.VALIDATION_FAILED)))
                .or(() -> entry.isEnum() ? EnumTableCheck.problem(table.get(), catalog.enumRows(entry.table()))
                        : Optional.empty());
    }

    /**
     * Whether an earlier table of the source took this table's GraphQL base name (its type name), as
     * {@code sales.orders} and {@code public.sales_orders} would: Hasura's
     * {@code remote-schema-conflicts} "node … already exists in current graphql schema". Otherwise the
     * name is taken now. (Tables of different sources may share a name: a source's customization
     * tells them apart in Hasura; until the schema applies it, the later one is left out of it.)
     */
    static Optional<Problem> nameTaken(TableEntry entry, Set<String> typeNames) {
        String name = entry.configuration().customName() != null ? entry.configuration().customName()
                : entry.table().graphqlBase();
        if (typeNames.add(name)) {
            return Optional.empty();
        }
        return Optional.of(new Problem("node " + name + " already exists in current graphql schema",
                Code.REMOTE_SCHEMA_CONFLICTS));
    }

    /** The names the schema takes from this table, in the order Hasura meets them. */
    private static Stream<String> names(TableEntry entry, Table table) {
        TableConfig config = entry.configuration();
        List<String> names = new ArrayList<>();
        names.add(config.customName() != null ? config.customName() : entry.table().graphqlBase());
        TableConfig.ROOT_FIELD_KEYS.forEach(key -> config.rootField(key).ifPresent(names::add));
        for (Column column : table.columns()) {
            names.add(config.columnName(column.name()).orElse(column.name()));
            names.add(ScalarNames.of(column.type()));
        }
        return names.stream();
    }
}
