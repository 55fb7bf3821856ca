package junction.plan.join;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.plan.ir.AggregateSelection;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Field;
import junction.plan.ir.Mutation;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;

/**
 * Derives from a plan where its remote joins sit in the response: a tree keyed by response keys
 * that mirrors the database JSON (lists are walked through), holding only the branches that lead
 * to a remote relationship. Computed once per cached plan.
 */
public final class JoinTrees {
    private JoinTrees() {
    }

    public static JoinTree of(Plan plan) {
        Map<String, JoinTree> children = new LinkedHashMap<>();
        for (RootNode root : plan.roots()) {
            if (root instanceof RootNode.Database db) {
                put(children, root.key(), query(db.query()));
            }
        }
        return new JoinTree(List.of(), children);
    }

    private static JoinTree query(DbQuery query) {
        return switch (query) {
            case DbQuery.Rows rows -> rows(rows.select().fields());
            case DbQuery.Aggregated aggregated -> aggregate(aggregated.aggregate().selections());
            case DbQuery.Connected connected -> JoinTree.EMPTY;
            case DbQuery.FromFunction function -> query(function.query());
            case Mutation.Insert insert -> output(insert.output());
            case Mutation.Update update -> output(update.output());
            case Mutation.Delete delete -> output(delete.output());
            case Mutation.UpdateMany many -> {
                JoinTree merged = JoinTree.EMPTY;
                for (Mutation.Update update : many.updates()) {
                    JoinTree one = output(update.output());
                    merged = one.isEmpty() ? merged : one;
                }
                yield merged;
            }
        };
    }

    private static JoinTree output(Mutation.Output output) {
        return switch (output) {
            case Mutation.Row row -> rows(row.fields());
            case Mutation.Response response -> {
                Map<String, JoinTree> children = new LinkedHashMap<>();
                for (Mutation.ResponseField field : response.fields()) {
                    if (field instanceof Mutation.Returning returning) {
                        put(children, returning.key(), rows(returning.fields()));
                    }
                }
                yield new JoinTree(List.of(), children);
            }
        };
    }

    private static JoinTree aggregate(List<AggregateSelection> selections) {
        Map<String, JoinTree> children = new LinkedHashMap<>();
        for (AggregateSelection selection : selections) {
            if (selection instanceof AggregateSelection.Nodes nodes) {
                put(children, nodes.key(), rows(nodes.fields()));
            }
        }
        return new JoinTree(List.of(), children);
    }

    /**
     * The joins of rows with these fields (a list of them, or lists of lists: lists are walked through),
     * as the statement of a relationship from remote types to a table answers them.
     */
    public static JoinTree ofRows(List<Field> fields) {
        return rows(fields);
    }

    /** The joins of rows with these fields, and of the rows their relationships lead to. */
    private static JoinTree rows(List<Field> fields) {
        List<JoinField> joins = new ArrayList<>();
        Map<String, JoinTree> children = new LinkedHashMap<>();
        for (Field field : fields) {
            switch (field) {
                case Field.RemoteJoin remote -> joins.add(remote.join());
                case Field.ObjectRelationship r -> put(children, r.key(), rows(r.select().fields()));
                case Field.ArrayRelationship r -> put(children, r.key(), rows(r.select().fields()));
                case Field.ComputedRows r -> put(children, r.key(), rows(r.select().fields()));
                case Field.ArrayAggregate r -> put(children, r.key(), aggregate(r.aggregate().selections()));
                default -> { }
            }
        }
        return new JoinTree(joins, children);
    }

    private static void put(Map<String, JoinTree> children, String key, JoinTree tree) {
        if (!tree.isEmpty()) {
            children.put(key, tree);
        }
    }
}
