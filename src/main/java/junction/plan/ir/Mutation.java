package junction.plan.ir;

/** Insert, update or delete root fields (filled in with mutations). */
public sealed interface Mutation extends DbQuery permits Mutation.Placeholder {
    record Placeholder() implements Mutation {
    }
}
