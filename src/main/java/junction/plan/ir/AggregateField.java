package junction.plan.ir;

import java.util.List;

/** A field of {@code T_aggregate_fields}: {@code count}, {@code sum {…}}, … */
public sealed interface AggregateField permits AggregateField.Count, AggregateField.Operation, Typename {
    String key();

    /** {@code count(columns, distinct)}; no columns counts rows. */
    record Count(String key, List<String> columns, boolean distinct) implements AggregateField {
        public Count {
            columns = List.copyOf(columns);
        }
    }

    /** {@code sum {a b}}: the operation applied to each selected column. */
    record Operation(String key, String operation, List<OperationColumn> columns) implements AggregateField {
        public Operation {
            columns = List.copyOf(columns);
        }
    }
}
