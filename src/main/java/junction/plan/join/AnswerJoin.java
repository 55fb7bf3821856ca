package junction.plan.join;

import java.util.List;
import junction.plan.ir.Select;

/**
 * A relationship of a remote schema's type, selected at one place of a remote's answer: for each
 * object there that carries the hidden join values ({@code hiddenKeys}, one per join field, in join
 * order; objects of other types have none and get nothing), the relationship's value goes under
 * {@code responseKey}.
 */
public record AnswerJoin(String responseKey, List<String> hiddenKeys, Target target) {
    public AnswerJoin {
        hiddenKeys = List.copyOf(hiddenKeys);
    }

    /** Where the relationship's value comes from. */
    public sealed interface Target {
    }

    /**
     * Rows of a table: {@code select} (the client's arguments, fields and the role's permission) whose
     * {@code columns} equal the join values (of {@code columnTypes}); {@code object}: one row or null
     * instead of a list.
     */
    public record ToSource(String source, Select select, List<String> columns, List<String> columnTypes, boolean object)
            implements Target {
        public ToSource {
            columns = List.copyOf(columns);
            columnTypes = List.copyOf(columnTypes);
        }
    }

    /** A field of another remote schema, sent as a table's remote relationship is ({@code field.joinKeys()} are the hidden keys). */
    public record ToRemote(JoinField field) implements Target {
    }
}
