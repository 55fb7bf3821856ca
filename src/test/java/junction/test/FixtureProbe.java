package junction.test;

/**
 * Run in a child JVM by {@code ExportedDatabaseUrlTest}: a test's fixture over the database given as
 * argument, doing what test set-ups do (drop and re-create the public schema, track a table), while the
 * child's process environment points {@code HASURA_GRAPHQL_DATABASE_URL} elsewhere.
 */
public final class FixtureProbe {
    private FixtureProbe() {
    }

    public static void main(String[] args) {
        try (EngineFixture engine = EngineFixture.on(args[0], c -> c)) {
            engine.runSqlOk("drop schema if exists public cascade; create schema public; create table probe (id int primary key)");
            engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"probe\"}}");
            engine.gql("{ probe { id } }");
        }
        System.exit(0);
    }
}
