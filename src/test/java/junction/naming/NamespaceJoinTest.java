package junction.naming;

import static junction.naming.Names.assertData;

import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A source's root field namespace next to remote schema root fields, its rows joined to a remote schema. */
class NamespaceJoinTest {
    static GraphqlTestServer users;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        users = UserService.start();
        f = EngineFixture.start("naming_namespace_join");
        f.runSqlOk(Names.SQL);
        f.metadataOk(Names.METADATA);
        f.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": {\"url\": \""
                + users.url() + "\"}}}");
        f.metadataOk("""
            {"type": "pg_create_remote_relationship", "args": {"table": "author_local", "name": "account_user",
             "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["author_id"],
               "remote_field": {"user": {"arguments": {"id": "$author_id"}}}}}}}""");
        f.metadataOk("""
            {"type": "pg_update_source", "args": {"name": "default", "customization": {"root_fields": {"namespace": "db"}}}}""");
    }

    @AfterAll
    static void stop() {
        f.close();
        users.close();
    }

    @Test
    void namespacedRowsJoinTheRemoteSchemaAndSitBesideItsRootFields() {
        assertData(f.gql("""
            { user(id: 2) { name }
              db { author_local(order_by: {author_id: asc}) { full_name account_user { name } } } }
            """), """
            {"user": {"name": "user2"},
             "db": {"author_local": [{"full_name": "Ada", "account_user": {"name": "user1"}},
                                     {"full_name": "Bob", "account_user": {"name": "user2"}}]}}
            """);
    }
}
