package junction.plan.ir;

/** What a database root field does: select rows, select one row, aggregate, or mutate. */
public sealed interface DbQuery permits DbQuery.Rows, DbQuery.Aggregated, DbQuery.Connected, DbQuery.FromFunction, Mutation {

    /** Whether remote relationships are selected anywhere under this query (mutation answers included). */
    default boolean hasRemoteJoin() {
        return switch (this) {
            case Rows r -> r.select().hasRemoteJoin();
            case Aggregated a -> a.aggregate().hasRemoteJoin();
            case Connected c -> c.connection().hasRemoteJoin();
            case FromFunction f -> f.query().hasRemoteJoin();
            case Mutation m -> m.outputFields().stream().anyMatch(Field::hasRemoteJoin);
        };
    }

    /** A list of rows, or at most one row when {@code select.single()} (by-pk). */
    record Rows(Select select) implements DbQuery {
    }

    record Aggregated(Aggregate aggregate) implements DbQuery {
    }

    /** A Relay connection ({@code T_connection}). */
    record Connected(Connection connection) implements DbQuery {
    }

    /**
     * Rows, an aggregate or a Relay connection ({@code query}) read from what a SQL function returns
     * instead of from its return table: a tracked function's root field (a query, or a mutation for a
     * VOLATILE one).
     */
    record FromFunction(FunctionCall call, DbQuery query) implements DbQuery {
        public FromFunction {
            if (!(query instanceof Rows) && !(query instanceof Aggregated) && !(query instanceof Connected)) {
                throw new IllegalArgumentException("a function call answers rows, an aggregate or a connection: " + query);
            }
        }
    }
}
