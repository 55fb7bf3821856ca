package junction.plan.ir;

/** One {@code order_by} entry: what to order by, the direction, where nulls go. */
public record OrderItem(Key key, boolean descending, boolean nullsFirst) {

    public sealed interface Key {
    }

    public record ColumnKey(String column) implements Key {
    }

    /** The value of a scalar computed field for the row. */
    public record ComputedKey(ComputedCall call) implements Key {
    }

    /**
     * A column of the row an object relationship points to (or deeper); {@code filter}: the role's
     * permission filter on the target table (the related row counts only when it passes).
     */
    public record ObjectKey(Join join, Key inner, BoolExp filter) implements Key {
        public ObjectKey(Join join, Key inner) {
            this(join, inner, BoolExp.TRUE);
        }
    }

    /**
     * An aggregate over an array relationship's rows: {@code count}, or {@code op(column)}, over
     * the related rows that pass {@code filter} (the role's permission filter on the target).
     */
    public record AggregateKey(Join join, String operation, String column, BoolExp filter) implements Key {
        public AggregateKey(Join join, String operation, String column) {
            this(join, operation, column, BoolExp.TRUE);
        }
    }
}
