package junction.execute;

import java.util.List;
import java.util.Map;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.plan.join.JoinTree;
import junction.plan.join.JoinTrees;
import junction.sql.Rendered;

/**
 * A plan with its SQL and remote requests: for queries one statement per source (normally one), for
 * mutations one statement per root field, all run in one transaction; one request per remote schema
 * (per namespace field) for remote root fields. {@code direct}: the whole answer is the single
 * statement's JSON, so Postgres' bytes go to the client as they are — unless {@code joins} says
 * remote relationships must be joined into it first.
 */
record Compiled(Plan plan, Map<String, Rendered> queries, List<Mutation> mutations, List<RemoteRoot> remotes,
                boolean direct, JoinTree joins) {
    Compiled {
        remotes = List.copyOf(remotes);
    }

    Compiled(Plan plan, Map<String, Rendered> queries, List<Mutation> mutations, List<RemoteRoot> remotes,
             boolean direct) {
        this(plan, queries, mutations, remotes, direct, JoinTrees.of(plan));
    }

    /**
     * A mutation root field's statements, on its source. {@code checks}, one per statement: where a
     * failed permission check is reported when the statement answers one (its second column), empty
     * when it does not.
     */
    record Mutation(RootNode.Database root, List<Rendered> statements, boolean many,
                    List<java.util.Optional<String>> checks) {
        Mutation {
            statements = List.copyOf(statements);
            checks = List.copyOf(checks);
        }

        Mutation(RootNode.Database root, List<Rendered> statements, boolean many) {
            this(root, statements, many, java.util.Collections.nCopies(statements.size(), java.util.Optional.empty()));
        }
    }
}
