package junction.plan.ir;

/** A field selected on a table row, under its response key. */
public sealed interface Field permits Field.Column, Field.ObjectRelationship, Field.ArrayRelationship,
        Field.ArrayAggregate, Field.ArrayConnection, Field.NodeId, Field.RemoteJoin, Field.Computed, Field.ComputedRows, Typename {
    String key();

    /** Whether this field, or any field under it, is a remote relationship. */
    default boolean hasRemoteJoin() {
        return switch (this) {
            case RemoteJoin r -> true;
            case ObjectRelationship r -> r.select().hasRemoteJoin();
            case ArrayRelationship r -> r.select().hasRemoteJoin();
            case ArrayAggregate r -> r.aggregate().hasRemoteJoin();
            case ArrayConnection r -> r.connection().hasRemoteJoin();
            case ComputedRows r -> r.select().hasRemoteJoin();
            default -> false;
        };
    }

    record Column(String key, String column, String type) implements Field {
    }

    /** A scalar computed field: the function's value for the row, of Postgres type {@code type}. */
    record Computed(String key, ComputedCall call, String type) implements Field {
    }

    /** A computed field returning rows of a table: {@code select} over the function's rows instead of the table's. */
    record ComputedRows(String key, ComputedCall call, Select select) implements Field {
    }

    record ObjectRelationship(String key, Join join, Select select) implements Field {
    }

    record ArrayRelationship(String key, Join join, Select select) implements Field {
    }

    record ArrayAggregate(String key, Join join, Aggregate aggregate) implements Field {
    }

    /** {@code <rel>_connection} of the Relay schema: the related rows as a connection. */
    record ArrayConnection(String key, Join join, Connection connection) implements Field {
    }

    /**
     * The Relay global id of the row: base64 of the JSON array {@code [1, "<schema>", "<table>", <key
     * values>…]} (Hasura's version 1 node id), made of the primary key {@code columns}.
     */
    record NodeId(String key, junction.catalog.TableName table, java.util.List<String> columns) implements Field {
        public NodeId {
            columns = java.util.List.copyOf(columns);
        }
    }

    /**
     * A remote relationship: cut out of the SQL, which returns only a null placeholder under
     * {@code key} and the join columns under hidden keys; joined after it by the executor.
     */
    record RemoteJoin(String key, junction.plan.join.JoinField join, java.util.Map<String, ComputedCall> computed)
            implements Field {
        public RemoteJoin {
            computed = java.util.Map.copyOf(computed);
        }

        public RemoteJoin(String key, junction.plan.join.JoinField join) {
            this(key, join, java.util.Map.of());
        }

        /** The join fields whose values the join needs: columns, and computed fields ({@link #computed}). */
        public java.util.List<String> columns() {
            return join.definition().lhsFields();
        }
    }
}
