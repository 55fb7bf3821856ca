package junction.plan.ir;

/** One {@code order_by} entry: what to order by, the direction, where nulls go. */
public record OrderItem(Key key, boolean descending, boolean nullsFirst) {

    public sealed interface Key {
    }

    public record ColumnKey(String column) implements Key {
    }

    /** A column of the row an object relationship points to (or deeper). */
    public record ObjectKey(Join join, Key inner) implements Key {
    }

    /** An aggregate over an array relationship's rows: {@code count}, or {@code op(column)}. */
    public record AggregateKey(Join join, String operation, String column) implements Key {
    }
}
