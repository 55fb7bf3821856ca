package junction.schema;

/**
 * What a root field of {@code query_root} or {@code mutation_root} stands for. Remote schema root
 * fields will be another variant (see {@link Remote}); the planner dispatches on the variant.
 */
public sealed interface RootField {

    /** The kinds of table root fields, named after Hasura's {@code custom_root_fields} keys. */
    enum Kind { SELECT, SELECT_BY_PK, SELECT_AGGREGATE, INSERT, INSERT_ONE, UPDATE, UPDATE_BY_PK, UPDATE_MANY,
        DELETE, DELETE_BY_PK;

        public boolean isMutation() {
            return ordinal() >= INSERT.ordinal();
        }
    }

    /** A root field over a tracked table. */
    record Table(Kind kind, TableInfo table) implements RootField {
    }

    /** {@code T_connection} of the Relay schema: a table's rows as a Relay connection. */
    record Connection(TableInfo table) implements RootField {
    }

    /** {@code <fn>_connection} of the Relay schema: a set-returning function's rows as a Relay connection. */
    record FunctionConnection(junction.metadata.resolve.TrackedFunction function, TableInfo table) implements RootField {
    }

    /** {@code node(id: ID!)} of the Relay schema: the row a global id names. */
    record Node() implements RootField {
    }

    /**
     * A source's root field namespace: an object of type {@code typeName} whose fields are the
     * source's root fields.
     */
    record Namespace(String typeName, java.util.Map<String, RootField> fields) implements RootField {
        public Namespace {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        public java.util.Optional<RootField> field(String name) {
            return java.util.Optional.ofNullable(fields.get(name));
        }
    }

    /**
     * A tracked SQL function's root field over the rows of its return table: {@code <fn>} (a query,
     * or a mutation for one exposed as such) or, with {@code aggregate}, {@code <fn>_aggregate}.
     */
    record Function(junction.metadata.resolve.TrackedFunction function, TableInfo table, boolean aggregate)
            implements RootField {
    }

    /** A root field that belongs to a remote schema (not built yet; the executor refuses it). */
    record Remote(String remoteSchema, String fieldName) implements RootField {
    }
}
