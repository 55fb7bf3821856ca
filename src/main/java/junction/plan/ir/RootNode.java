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

    /** A remote schema root field, forwarded to its server (not executed yet: not-supported). */
    record Remote(String key, String remoteSchema, graphql.language.Field field) implements RootNode {
    }
}
