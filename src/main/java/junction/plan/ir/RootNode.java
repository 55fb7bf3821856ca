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
     * key (fragments flattened, {@code @skip}/{@code @include} applied and removed), in document order.
     */
    record Remote(String key, String remoteSchema, java.util.List<graphql.language.Field> fields) implements RootNode {
        public Remote {
            fields = java.util.List.copyOf(fields);
        }
    }
}
