package junction.plan.ir;

/**
 * A root field of the operation. The executor splices the answers of all root fields into one
 * {@code data} object in selection order: database fields from one SQL statement, introspection
 * from graphql-java, remote fields (issue 4) from their servers.
 */
public sealed interface RootNode permits RootNode.Database, RootNode.Introspection, RootNode.Remote, Typename {
    String key();

    /** Rows (or a mutation) of a database source, compiled to SQL. */
    record Database(String key, String source, DbQuery query) implements RootNode {
    }

    /** {@code __schema} / {@code __type}: answered by graphql-java against the role's schema. */
    record Introspection(String key, graphql.language.Field field) implements RootNode {
    }

    /**
     * A remote schema root field, forwarded to its server: every field selected under this response
     * key (fragments flattened, {@code @skip}/{@code @include} applied and removed), in document order;
     * relationships of remote types cut out ({@code answers}: where they go in the answer; {@code fragments}:
     * the fragment definitions to send instead of the client's).
     */
    record Remote(String key, String remoteSchema, java.util.List<graphql.language.Field> fields,
                  junction.plan.join.AnswerJoins answers,
                  java.util.Map<String, graphql.language.FragmentDefinition> fragments) implements RootNode {
        public Remote {
            fields = java.util.List.copyOf(fields);
            fragments = java.util.Map.copyOf(fragments);
        }

        /** A remote root field without relationships of remote types under it: sent as the client wrote it. */
        public Remote(String key, String remoteSchema, java.util.List<graphql.language.Field> fields) {
            this(key, remoteSchema, fields, junction.plan.join.AnswerJoins.EMPTY, java.util.Map.of());
        }
    }
}
