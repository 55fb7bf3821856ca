package junction.plan.ir;

/** {@code __typename}: a constant, wherever it is selected. */
public record Typename(String key, String typeName) implements Field, RootNode, AggregateSelection, AggregateField,
        OperationColumn, Connection.Selection, Connection.EdgeSelection {
}
