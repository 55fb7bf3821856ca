package junction.plan.ir;

/** What a database root field does: select rows, select one row, aggregate, or mutate. */
public sealed interface DbQuery permits DbQuery.Rows, DbQuery.Aggregated, Mutation {

    /** A list of rows, or at most one row when {@code select.single()} (by-pk). */
    record Rows(Select select) implements DbQuery {
    }

    record Aggregated(Aggregate aggregate) implements DbQuery {
    }
}
