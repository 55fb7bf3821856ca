package junction.metadata.resolve;

import java.util.List;
import junction.catalog.TableName;

/**
 * A permission's row filter or check ({@code filter}, {@code check}) resolved against the catalog:
 * Hasura's boolean expression with every column, relationship, table and operator checked, and
 * session variables kept as references ({@link Operand.Session}) so that one plan serves every user
 * of a role. {@link #TRUE} is the empty expression ({@code {}}): every row.
 */
public sealed interface Filter {
    Filter TRUE = new And(List.of());

    record And(List<Filter> items) implements Filter {
        public And {
            items = List.copyOf(items);
        }
    }

    record Or(List<Filter> items) implements Filter {
        public Or {
            items = List.copyOf(items);
        }
    }

    record Not(Filter item) implements Filter {
    }

    /**
     * {@code column <operator> operand}. {@code operator} is Hasura's comparison name ({@code _eq},
     * {@code _in}, {@code _like}, …); the column comparisons {@code _ceq}, {@code _cgt}, … are
     * written with their plain name ({@code _eq}, {@code _gt}) and an {@link Operand.Column}.
     * {@code columnType} is the column's Postgres type name.
     */
    record Compare(String column, String columnType, String operator, Operand operand) implements Filter {
    }

    record IsNull(String column, boolean isNull) implements Filter {
    }

    /** Comparisons ({@code item}) of {@code column} cast to the Postgres {@code type} ({@code _cast}). */
    record Cast(String column, String type, Filter item) implements Filter {
    }

    /** Comparisons ({@link Compare}, {@link IsNull}) of a scalar computed field's value for the row. */
    record OnComputed(ResolvedComputedField field, Filter test) implements Filter {
    }

    /** Some row related through {@code relationship} (object or array) matches {@code where}. */
    record Related(ResolvedRelationship relationship, Filter where) implements Filter {
    }

    /**
     * The number of rows related through the array {@code relationship} (those matching
     * {@code filter}; the non-null, distinct if asked, values of {@code columns} when given)
     * satisfies every comparison of {@code predicate}, each a {@link Compare} on {@code count}
     * ({@code <arrayrel>_aggregate: {count: {predicate: {_gt: 1}}}}).
     */
    record RelatedCount(ResolvedRelationship relationship, List<String> columns, boolean distinct, Filter filter,
                        List<Compare> predicate) implements Filter {
        public RelatedCount {
            columns = List.copyOf(columns);
            predicate = List.copyOf(predicate);
        }
    }

    /** Some row of {@code table} (any tracked table of the source) matches {@code where} ({@code _exists}). */
    record Exists(TableName table, Filter where) implements Filter {
    }

    default boolean isTrue() {
        return this instanceof And and && and.items().isEmpty();
    }
}
