package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Shop;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 4: a remote relationship works wherever a row of its table appears — root lists,
 * {@code _by_pk}, {@code _aggregate { nodes }}, object and array relationships at depth, beside
 * another remote's relationship, under two aliases with different arguments, and in mutation
 * outputs — with one request per remote schema each time.
 */
class JoinPlacesTest {
    private static EngineFixture junction;
    private static GraphqlTestServer users;
    private static GraphqlTestServer messages;

    @BeforeAll
    static void start() {
        users = UserService.start(5);
        messages = MessageService.start();
        junction = Shop.start("join_places");
        Joins.addRemoteSchema(junction, "users", users, null);
        Joins.addRemoteSchema(junction, "messages", messages, "{\"root_fields_namespace\": \"msg\", \"type_names\": {\"prefix\": \"M_\"}}");
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "buyer",
                    "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["customer_id"],
                      "remote_field": {"user": {"arguments": {"id": "$customer_id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "chats",
                    "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["customer_id"],
                      "remote_field": {"messages": {"arguments": {"where": {"author_id": {"_eq": "$customer_id"}, "kind": "chat"}}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "customers", "name": "account",
                    "hasura_fields": ["id"], "remote_schema": "users",
                    "remote_field": {"user": {"arguments": {"id": "$id"}}}}}
                ]}
                """);
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
        messages.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
        messages.reset();
    }

    @Test
    void aRootListJoinsEveryRowInOneRequest() {
        JsonNode answer = junction.gql("{ orders(order_by: {id: asc}) { id buyer { name } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"orders\":[{\"id\":1,\"buyer\":{\"name\":\"user1\"}},"
                + "{\"id\":2,\"buyer\":{\"name\":\"user1\"}},{\"id\":3,\"buyer\":{\"name\":\"user2\"}},{\"id\":4,\"buyer\":null}]}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(Joins.aliases(users.lastRequest().query())).isEqualTo(2);
    }

    @Test
    void aRowByPrimaryKeyJoins() {
        JsonNode answer = junction.gql("{ orders_by_pk(id: 3) { status buyer { id email } } }");

        assertThat(answer.toString()).isEqualTo(
                "{\"data\":{\"orders_by_pk\":{\"status\":\"paid\",\"buyer\":{\"id\":2,\"email\":\"user2@example.com\"}}}}");
        assertThat(users.requestCount()).isEqualTo(1);
    }

    @Test
    void theNodesOfAnAggregateJoin() {
        JsonNode answer = junction.gql("{ orders_aggregate(where: {status: {_eq: \"paid\"}}, order_by: {id: asc}) {"
                + " aggregate { count } nodes { id buyer { name } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"orders_aggregate\":{\"aggregate\":{\"count\":2},"
                + "\"nodes\":[{\"id\":1,\"buyer\":{\"name\":\"user1\"}},{\"id\":3,\"buyer\":{\"name\":\"user2\"}}]}}}");
        assertThat(users.requestCount()).isEqualTo(1);
    }

    @Test
    void rowsReachedThroughArrayAndObjectRelationshipsAtDepthJoinInOneRequest() {
        JsonNode answer = junction.gql("{ customers(order_by: {id: asc}) { name orders(order_by: {id: asc}) { id"
                + " items(order_by: {id: asc}) { id order { buyer { id } } } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"customers\":["
                + "{\"name\":\"Ada\",\"orders\":["
                + "{\"id\":1,\"items\":[{\"id\":1,\"order\":{\"buyer\":{\"id\":1}}},{\"id\":2,\"order\":{\"buyer\":{\"id\":1}}}]},"
                + "{\"id\":2,\"items\":[{\"id\":3,\"order\":{\"buyer\":{\"id\":1}}}]}]},"
                + "{\"name\":\"Bob\",\"orders\":[{\"id\":3,\"items\":[{\"id\":4,\"order\":{\"buyer\":{\"id\":2}}}]}]},"
                + "{\"name\":\"Cy\",\"orders\":[]}]}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(Joins.aliases(users.lastRequest().query())).isEqualTo(2);

        JsonNode objects = junction.gql("{ order_items(order_by: {id: asc}, limit: 2) { order { customer { account { email } } } } }");
        assertThat(objects.toString()).isEqualTo("{\"data\":{\"order_items\":["
                + "{\"order\":{\"customer\":{\"account\":{\"email\":\"user1@example.com\"}}}},"
                + "{\"order\":{\"customer\":{\"account\":{\"email\":\"user1@example.com\"}}}}]}}");
        assertThat(users.requestCount()).isEqualTo(2);
    }

    @Test
    void aRemoteRelationshipInsideAnArrayRelationshipInsideAggregateNodes() {
        JsonNode answer = junction.gql("{ customers_aggregate(order_by: {id: asc}, limit: 2) { nodes { name"
                + " orders(order_by: {id: asc}) { id buyer { name } } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"customers_aggregate\":{\"nodes\":["
                + "{\"name\":\"Ada\",\"orders\":[{\"id\":1,\"buyer\":{\"name\":\"user1\"}},{\"id\":2,\"buyer\":{\"name\":\"user1\"}}]},"
                + "{\"name\":\"Bob\",\"orders\":[{\"id\":3,\"buyer\":{\"name\":\"user2\"}}]}]}}}");
        assertThat(users.requestCount()).isEqualTo(1);

        JsonNode nested = junction.gql("{ customers_by_pk(id: 1) { orders_aggregate(order_by: {id: desc}) { aggregate { count }"
                + " nodes { id items_aggregate { nodes { order { buyer { id } } } } } } } }");
        assertThat(nested.toString()).isEqualTo("{\"data\":{\"customers_by_pk\":{\"orders_aggregate\":{\"aggregate\":{\"count\":2},"
                + "\"nodes\":[{\"id\":2,\"items_aggregate\":{\"nodes\":[{\"order\":{\"buyer\":{\"id\":1}}}]}},"
                + "{\"id\":1,\"items_aggregate\":{\"nodes\":[{\"order\":{\"buyer\":{\"id\":1}}},{\"order\":{\"buyer\":{\"id\":1}}}]}}]}}}}");
        assertThat(users.requestCount()).isEqualTo(2);
    }

    @Test
    void twoRemoteRelationshipsSideBySideMakeOneRequestPerRemoteSchema() {
        JsonNode answer = junction.gql("{ orders(order_by: {id: asc}, limit: 3) { id buyer { name } chats { id } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"orders\":["
                + "{\"id\":1,\"buyer\":{\"name\":\"user1\"},\"chats\":[{\"id\":6}]},"
                + "{\"id\":2,\"buyer\":{\"name\":\"user1\"},\"chats\":[{\"id\":6}]},"
                + "{\"id\":3,\"buyer\":{\"name\":\"user2\"},\"chats\":[{\"id\":2},{\"id\":12}]}]}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(messages.requestCount()).isEqualTo(1);
    }

    @Test
    void theSameRelationshipUnderTwoAliasesWithDifferentArgumentsGoesInOneRequest() {
        JsonNode answer = junction.gql("{ orders(order_by: {id: asc}, limit: 3) { id first: chats(limit: 1) { id } all: chats { id } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"orders\":["
                + "{\"id\":1,\"first\":[{\"id\":6}],\"all\":[{\"id\":6}]},"
                + "{\"id\":2,\"first\":[{\"id\":6}],\"all\":[{\"id\":6}]},"
                + "{\"id\":3,\"first\":[{\"id\":2}],\"all\":[{\"id\":2},{\"id\":12}]}]}}");
        assertThat(messages.requestCount()).isEqualTo(1);
        assertThat(messages.lastRequest().query()).contains("r0_0:messages(where:{author_id:{_eq:1},kind:\"chat\"},limit:1)")
                .contains("r1_1:messages(where:{author_id:{_eq:2},kind:\"chat\"}){id}");
        assertThat(Joins.aliases(messages.lastRequest().query())).isEqualTo(4);
    }

    @Test
    void mutationOutputsJoin() {
        try {
            mutationsJoin();
        } finally {
            junction.runSqlOk("delete from orders where id >= 10");
        }
    }

    private static void mutationsJoin() {
        JsonNode inserted = mutate("mutation { insert_orders(objects: [{id: 10, customer_id: 2, status: \"new\"},"
                + " {id: 11, customer_id: 3, status: \"new\"}]) { affected_rows returning { id buyer { name } } } }");
        assertThat(inserted.toString()).isEqualTo("{\"data\":{\"insert_orders\":{\"affected_rows\":2,\"returning\":["
                + "{\"id\":10,\"buyer\":{\"name\":\"user2\"}},{\"id\":11,\"buyer\":{\"name\":\"user3\"}}]}}}");
        assertThat(users.requestCount()).isEqualTo(1);

        JsonNode one = mutate("mutation { insert_orders_one(object: {id: 12, status: \"new\"}) { id buyer { name } } }");
        assertThat(one.toString()).isEqualTo("{\"data\":{\"insert_orders_one\":{\"id\":12,\"buyer\":null}}}");
        assertThat(users.requestCount()).as("a null join column: nothing to ask").isEqualTo(1);

        JsonNode byPk = mutate("mutation { update_orders_by_pk(pk_columns: {id: 10}, _set: {note: \"n\"}) {"
                + " note buyer { name } chats { id } } }");
        assertThat(byPk.toString()).isEqualTo("{\"data\":{\"update_orders_by_pk\":{\"note\":\"n\","
                + "\"buyer\":{\"name\":\"user2\"},\"chats\":[{\"id\":2},{\"id\":12}]}}}");
        assertThat(users.requestCount()).isEqualTo(2);
        assertThat(messages.requestCount()).isEqualTo(1);

        JsonNode many = mutate("mutation { update_orders_many(updates: [{where: {id: {_eq: 10}}, _set: {customer_id: 1}},"
                + " {where: {id: {_eq: 11}}, _set: {customer_id: 2}}]) { returning { id buyer { name } } } }");
        assertThat(many.toString()).isEqualTo("{\"data\":{\"update_orders_many\":["
                + "{\"returning\":[{\"id\":10,\"buyer\":{\"name\":\"user1\"}}]},{\"returning\":[{\"id\":11,\"buyer\":{\"name\":\"user2\"}}]}]}}");
        assertThat(users.requestCount()).as("both updates' rows in one request").isEqualTo(3);

        JsonNode deleted = mutate("mutation { delete_orders(where: {id: {_gte: 10}}) { affected_rows returning { id buyer { id } } } }");
        assertThat(deleted.at("/data/delete_orders/affected_rows").asInt()).isEqualTo(3);
        assertThat(deleted.at("/data/delete_orders/returning").toString()).contains("{\"id\":10,\"buyer\":{\"id\":1}}");
    }

    @Test
    void rowsWrittenByJsonBuildObjectJoinToo() {
        // a key longer than Postgres' 63-byte names makes the row a json_build_object ({"k" : v}, with blanks)
        String key = "a_response_key_longer_than_the_sixty_three_bytes_postgres_allows_for_a_name";
        String query = "{ orders(order_by: {id: asc}, limit: 2) { " + key + ": id buyer { name } items(order_by: {id: asc}) {"
                + " id order { " + key + ": buyer { id } } } } }";
        Http.Response response = junction.http.post("/v1/graphql", Json.write(Json.object().put("query", query)));

        String k = "\"" + key + "\":";
        assertThat(response.json().toString()).isEqualTo("{\"data\":{\"orders\":["
                + "{" + k + "1,\"buyer\":{\"name\":\"user1\"},\"items\":[{\"id\":1,\"order\":{" + k + "{\"id\":1}}},"
                + "{\"id\":2,\"order\":{" + k + "{\"id\":1}}}]},"
                + "{" + k + "2,\"buyer\":{\"name\":\"user1\"},\"items\":[{\"id\":3,\"order\":{" + k + "{\"id\":1}}}]}]}}");
        assertThat(response.body()).doesNotContain("__j_");
        assertThat(users.requestCount()).isEqualTo(1);
    }

    @Test
    void databaseValuesAreUnchangedByTheJoin() {
        JsonNode plain = junction.gql("{ orders_by_pk(id: 1) { total big placed_on customer { meta created_at } } }");
        JsonNode joined = junction.gql("{ orders_by_pk(id: 1) { total big placed_on customer { meta created_at } buyer { id } } }");

        JsonNode row = joined.at("/data/orders_by_pk");
        ((com.fasterxml.jackson.databind.node.ObjectNode) row).remove("buyer");
        assertThat(joined.toString()).isEqualTo(plain.toString());
        assertThat(plain.toString()).contains("12345678901234.123456").contains("9007199254740993");
    }

    private static JsonNode mutate(String mutation) {
        JsonNode answer = junction.gql(mutation);
        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
        return answer;
    }
}
