package junction.plan.ir;

import java.util.List;

/** {@code T_aggregate}: the rows as {@code rows} picks them, and what is selected over them. */
public record Aggregate(Select rows, List<AggregateSelection> selections) {
    public Aggregate {
        selections = List.copyOf(selections);
    }

    public boolean hasRemoteJoin() {
        return selections.stream().anyMatch(s -> s instanceof AggregateSelection.Nodes n
                && n.fields().stream().anyMatch(Field::hasRemoteJoin));
    }
}
