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
     * A mutation root field's statement, on its source. {@code checkPath}: where a failed permission
     * check is reported when the statements answer one (their second column), empty when they do not.
     */
    record Mutation(RootNode.Database root, List<Rendered> statements, boolean many, java.util.Optional<String> checkPath) {
        Mutation {
            statements = List.copyOf(statements);
        }

        Mutation(RootNode.Database root, List<Rendered> statements, boolean many) {
            this(root, statements, many, java.util.Optional.empty());
        }
    }
}
