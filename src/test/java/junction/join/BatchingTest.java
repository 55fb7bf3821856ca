package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import junction.test.EngineFixture;
import junction.test.Shop;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 5: whatever the number of rows, one request per remote schema per query; argument
 * sets de-duplicated; rows with a null join column and rows the query filters out are not sent;
 * different remote schemas are called concurrently.
 */
class BatchingTest {
    private static final Duration DELAY = Duration.ofMillis(1200);

    private static EngineFixture junction;
    private static GraphqlTestServer users;
    private static GraphqlTestServer slowA;
    private static GraphqlTestServer slowB;

    @BeforeAll
    static void start() {
        users = UserService.start(200);
        slowA = UserService.start(5);
        slowB = UserService.start(5);
        junction = Shop.start("join_batching");
        junction.runSqlOk("""
                create table tickets (id int primary key, user_id int, batch text not null);
                insert into tickets select i, i, 'distinct' from generate_series(1, 150) i;
                insert into tickets select 1000 + i, i % 10 + 1, 'repeated' from generate_series(1, 120) i;
                insert into tickets select 2000 + i, case when i % 3 = 0 then null else i end, 'nulls' from generate_series(1, 9) i;
                """);
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"tickets\"}}");
        Joins.addRemoteSchema(junction, "users", users, null);
        Joins.addRemoteSchema(junction, "slow-a", slowA, "{\"root_fields_namespace\": \"a\", \"type_names\": {\"prefix\": \"A_\"}}");
        Joins.addRemoteSchema(junction, "slow-b", slowB, "{\"root_fields_namespace\": \"b\", \"type_names\": {\"prefix\": \"B_\"}}");
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_create_array_relationship", "args": {"table": "products", "name": "items",
                    "using": {"foreign_key_constraint_on": {"table": "order_items", "columns": ["product_id"]}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "tickets", "name": "owner",
                    "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["user_id"],
                      "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "buyer",
                    "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["customer_id"],
                      "remote_field": {"user": {"arguments": {"id": "$customer_id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "customers", "name": "account",
                    "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["id"],
                      "remote_field": {"user": {"arguments": {"id": "$id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "slow_a",
                    "definition": {"to_remote_schema": {"remote_schema": "slow-a", "lhs_fields": ["customer_id"],
                      "remote_field": {"user": {"arguments": {"id": "$customer_id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "slow_b",
                    "definition": {"to_remote_schema": {"remote_schema": "slow-b", "lhs_fields": ["customer_id"],
                      "remote_field": {"user": {"arguments": {"id": "$customer_id"}}}}}}}
                ]}
                """);
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
        slowA.close();
        slowB.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
        slowA.reset();
        slowB.reset();
    }

    @Test
    void oneHundredAndFiftyRowsMakeExactlyOneRequest() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"distinct\"}}, order_by: {id: asc}) { id owner { id } } }");

        JsonNode rows = answer.at("/data/tickets");
        assertThat(rows).hasSize(150);
        for (int i = 0; i < 150; i++) {
            assertThat(rows.get(i).toString()).isEqualTo("{\"id\":" + (i + 1) + ",\"owner\":{\"id\":" + (i + 1) + "}}");
        }
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(Joins.aliases(users.lastRequest().query())).isEqualTo(150);
    }

    @Test
    void repeatedArgumentSetsAreSentOnce() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"repeated\"}}, order_by: {id: asc}) { id user_id owner { id name } } }");

        JsonNode rows = answer.at("/data/tickets");
        assertThat(rows).hasSize(120);
        rows.forEach(row -> assertThat(row.at("/owner/id").asInt()).isEqualTo(row.get("user_id").asInt()));
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(Joins.aliases(users.lastRequest().query())).as("120 rows, 10 distinct users").isEqualTo(10);
    }

    @Test
    void rowsWithANullJoinColumnGetNullAndAreNotSent() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"nulls\"}}, order_by: {id: asc}) { owner { id } } }");

        assertThat(answer.at("/data/tickets").toString()).isEqualTo("[{\"owner\":{\"id\":1}},{\"owner\":{\"id\":2}},{\"owner\":null},"
                + "{\"owner\":{\"id\":4}},{\"owner\":{\"id\":5}},{\"owner\":null},{\"owner\":{\"id\":7}},{\"owner\":{\"id\":8}},{\"owner\":null}]");
        assertThat(Joins.aliases(users.lastRequest().query())).isEqualTo(6);
        assertThat(users.lastRequest().query()).doesNotContain("null");
    }

    @Test
    void onlyRowsNullEverywhereMakeNoRequestAtAll() {
        JsonNode answer = junction.gql("{ tickets(where: {user_id: {_is_null: true}}) { id owner { id } } }");

        assertThat(answer.at("/data/tickets")).hasSize(3).allMatch(row -> row.get("owner").isNull());
        assertThat(users.requestCount()).isZero();
    }

    @Test
    void rowsTheQueryFiltersOutAreNeverSent() {
        junction.gql("{ tickets(where: {id: {_in: [3, 4, 150]}}) { owner { id } } }");

        String sent = users.lastRequest().query();
        assertThat(Joins.aliases(sent)).isEqualTo(3);
        assertThat(sent).contains("user(id:3)").contains("user(id:4)").contains("user(id:150)").doesNotContain("user(id:5)");

        junction.gql("{ tickets(limit: 2, order_by: {id: desc}, where: {batch: {_eq: \"distinct\"}}) { owner { id } } }");
        assertThat(users.lastRequest().query()).isEqualTo("{r0_0:user(id:150){id}r0_1:user(id:149){id}}");
    }

    @Test
    void productsToItemsToOrderToRemoteUserIsStillOneRequest() {
        JsonNode answer = junction.gql("{ products(order_by: {id: asc}) { name items(order_by: {id: asc}) { qty order { id buyer { name } } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"products\":["
                + "{\"name\":\"Pen\",\"items\":[{\"qty\":2,\"order\":{\"id\":1,\"buyer\":{\"name\":\"user1\"}}},"
                + "{\"qty\":2,\"order\":{\"id\":2,\"buyer\":{\"name\":\"user1\"}}}]},"
                + "{\"name\":\"Desk\",\"items\":[{\"qty\":1,\"order\":{\"id\":3,\"buyer\":{\"name\":\"user2\"}}}]},"
                + "{\"name\":\"Lamp\",\"items\":[{\"qty\":1,\"order\":{\"id\":1,\"buyer\":{\"name\":\"user1\"}}}]}]}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(Joins.aliases(users.lastRequest().query())).isEqualTo(2);
    }

    @Test
    void joinsAtSeveralLevelsToOneRemoteShareOneRequest() {
        JsonNode answer = junction.gql("{ orders(order_by: {id: asc}, limit: 3) { buyer { id } customer { account { email } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"orders\":["
                + "{\"buyer\":{\"id\":1},\"customer\":{\"account\":{\"email\":\"user1@example.com\"}}},"
                + "{\"buyer\":{\"id\":1},\"customer\":{\"account\":{\"email\":\"user1@example.com\"}}},"
                + "{\"buyer\":{\"id\":2},\"customer\":{\"account\":{\"email\":\"user2@example.com\"}}}]}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(Joins.aliases(users.lastRequest().query())).isEqualTo(4);
    }

    @Test
    void joinsUnderSeveralRootFieldsShareOneRequest() {
        JsonNode answer = junction.gql("{ a: orders_by_pk(id: 3) { buyer { id } } b: customers(order_by: {id: asc}) { account { id } }"
                + " c: tickets_aggregate(where: {id: {_lt: 3}}) { nodes { owner { id } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"a\":{\"buyer\":{\"id\":2}},"
                + "\"b\":[{\"account\":{\"id\":1}},{\"account\":{\"id\":2}},{\"account\":{\"id\":3}}],"
                + "\"c\":{\"nodes\":[{\"owner\":{\"id\":1}},{\"owner\":{\"id\":2}}]}}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(Joins.aliases(users.lastRequest().query())).isEqualTo(6);
    }

    @Test
    void twoRemoteSchemasAreCalledConcurrently() {
        String query = "{ orders(order_by: {id: asc}) { id slow_a { name } slow_b { email } } }";
        junction.gql(query);
        slowA.delay(DELAY);
        slowB.delay(DELAY);
        slowA.reset();
        slowB.reset();
        try {
            long started = System.nanoTime();
            JsonNode answer = junction.gql(query);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.at("/data/orders/2").toString())
                    .isEqualTo("{\"id\":3,\"slow_a\":{\"name\":\"user2\"},\"slow_b\":{\"email\":\"user2@example.com\"}}");
            assertThat(slowA.requestCount()).isEqualTo(1);
            assertThat(slowB.requestCount()).isEqualTo(1);
            assertThat(took).as("two remotes of %s each, answered together", DELAY).isLessThan(DELAY.multipliedBy(2));
        } finally {
            slowA.delay(Duration.ZERO);
            slowB.delay(Duration.ZERO);
        }
    }
}
