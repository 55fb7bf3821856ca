package junction.plan.ir;

import java.util.List;

/** A field of {@code T_aggregate}: {@code aggregate {…}}, {@code nodes {…}} or {@code __typename}. */
public sealed interface AggregateSelection permits AggregateSelection.Fields, AggregateSelection.Nodes, Typename {
    String key();

    record Fields(String key, List<AggregateField> fields) implements AggregateSelection {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Nodes(String key, List<Field> fields) implements AggregateSelection {
        public Nodes {
            fields = List.copyOf(fields);
        }
    }
}
