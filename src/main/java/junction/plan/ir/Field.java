package junction.plan.ir;

/** A field selected on a table row, under its response key. */
public sealed interface Field permits Field.Column, Field.ObjectRelationship, Field.ArrayRelationship,
        Field.ArrayAggregate, Field.RemoteJoin, Typename {
    String key();

    /** Whether this field, or any field under it, is a remote relationship. */
    default boolean hasRemoteJoin() {
        return switch (this) {
            case RemoteJoin r -> true;
            case ObjectRelationship r -> r.select().hasRemoteJoin();
            case ArrayRelationship r -> r.select().hasRemoteJoin();
            case ArrayAggregate r -> r.aggregate().hasRemoteJoin();
            default -> false;
        };
    }

    record Column(String key, String column, String type) implements Field {
    }

    record ObjectRelationship(String key, Join join, Select select) implements Field {
    }

    record ArrayRelationship(String key, Join join, Select select) implements Field {
    }

    record ArrayAggregate(String key, Join join, Aggregate aggregate) implements Field {
    }

    /**
     * A remote relationship: cut out of the SQL, which returns only a null placeholder under
     * {@code key} and the join columns under hidden keys; joined after it by the executor.
     */
    record RemoteJoin(String key, junction.plan.join.JoinField join) implements Field {
        /** The columns whose values the join needs. */
        public java.util.List<String> columns() {
            return join.definition().lhsFields();
        }
    }
}
