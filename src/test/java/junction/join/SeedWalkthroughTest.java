package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed document, word for word: a table {@code order(id, user_id)} in source {@code pg1}, a
 * remote schema {@code user-remote-schema}, the relationship {@code user} created by the seed's
 * exact {@code pg_create_remote_relationship} JSON, then {@code order { id user { … } }}.
 */
class SeedWalkthroughTest {
    private static EngineFixture junction;
    private static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        junction = EngineFixture.start("seed_walkthrough");
        junction.metadataOk("""
                {"type": "pg_add_source", "args": {"name": "pg1", "configuration": {"connection_info":
                  {"database_url": {"from_env": "HASURA_GRAPHQL_DATABASE_URL"}}}}}
                """);
        junction.http.post("/v2/query", """
                {"type": "run_sql", "args": {"source": "pg1", "sql":
                  "create table \\"order\\" (id int primary key, user_id int); insert into \\"order\\" values (1, 1), (2, 2), (3, null), (4, 1);"}}
                """);
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"source\": \"pg1\", \"table\": {\"schema\": \"public\", \"name\": \"order\"}}}");
        junction.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"user-remote-schema\", \"definition\": {\"url\": \""
                + users.url() + "\"}}}");
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
    }

    @Test
    void theSeedsRelationshipIsCreatedByItsExactJsonAndAnsweredInOneBatchedCall() {
        JsonNode created = junction.metadataOk("""
                {
                   "type" :   "pg_create_remote_relationship" ,
                   "args" :   {
                     "name" :   "user" ,
                     "source" :   "pg1" ,
                     "table" :   {   "name" :   "order" ,   "schema" :   "public"   } ,
                     "hasura_fields" :   [ "user_id" ] ,
                     "remote_schema" :   "user-remote-schema" ,
                     "remote_field" :   {
                       "user" :   {
                         "arguments" :   {
                           "id" :   "$user_id"
                         }
                       }
                     }
                   }
                }
                """);
        assertThat(created.get("message").asText()).isEqualTo("success");
        users.reset();

        Http.Response r = junction.graphql("query { order(order_by: {id: asc}) { id user { id name } } }", Map.of());

        assertThat(r.json().toString()).isEqualTo("{\"data\":{\"order\":["
                + "{\"id\":1,\"user\":{\"id\":1,\"name\":\"user1\"}},"
                + "{\"id\":2,\"user\":{\"id\":2,\"name\":\"user2\"}},"
                + "{\"id\":3,\"user\":null},"
                + "{\"id\":4,\"user\":{\"id\":1,\"name\":\"user1\"}}]}}");
        assertThat(users.requestCount()).as("one batched request for all rows").isEqualTo(1);
        assertThat(users.lastRequest().query()).isEqualTo("{r0_0:user(id:1){id name}r0_1:user(id:2){id name}}");

        JsonNode exported = junction.exportWithVersion().at("/metadata/sources/1/tables/0/remote_relationships/0");
        assertThat(exported.toString()).isEqualTo("{\"definition\":{\"hasura_fields\":[\"user_id\"],\"remote_field\":"
                + "{\"user\":{\"arguments\":{\"id\":\"$user_id\"}}},\"remote_schema\":\"user-remote-schema\"},\"name\":\"user\"}");
    }

    @Test
    void explainShowsTheSqlAndEachRemoteCallWithWhatItBatches() {
        junction.metadata("""
                {"type": "pg_create_remote_relationship", "args": {"name": "user", "source": "pg1", "table": "order",
                 "hasura_fields": ["user_id"], "remote_schema": "user-remote-schema",
                 "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}
                """);
        users.reset();
        Http.Response r = junction.http.post("/v1/graphql/explain",
                "{\"query\": {\"query\": \"query { order { id user { name } } }\"}}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode entry = r.json().get(0);
        assertThat(entry.get("field").asText()).isEqualTo("order");
        assertThat(entry.get("sql").asText()).contains("__j_user_id");
        assertThat(entry.get("plan").size()).isPositive();
        JsonNode join = entry.at("/remote_joins/0");
        assertThat(join.get("path").asText()).isEqualTo("$.order.user");
        assertThat(join.get("remote_schema").asText()).isEqualTo("user-remote-schema");
        assertThat(join.get("field").asText()).isEqualTo("user(id:$user_id){name}");
        assertThat(join.get("batching").asText()).contains("one request to remote schema \"user-remote-schema\"");
        assertThat(users.requestCount()).as("explain calls no remote").isZero();
    }
}
