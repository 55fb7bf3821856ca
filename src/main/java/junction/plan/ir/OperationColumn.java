package junction.plan.ir;

/** A field of {@code T_sum_fields} and the like: a column under a key, or {@code __typename}. */
public sealed interface OperationColumn permits OperationColumn.Of, Typename {
    String key();

    record Of(String key, String column, String type) implements OperationColumn {
    }
}
