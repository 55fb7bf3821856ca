package junction.plan.ir;

/** A field selected on a table row, under its response key. */
public sealed interface Field permits Field.Column, Field.ObjectRelationship, Field.ArrayRelationship,
        Field.ArrayAggregate, Field.RemoteJoin, Typename {
    String key();

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
