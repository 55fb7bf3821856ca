package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.SlowService;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote schema root fields over HTTP: forwarded alone or next to table fields (one request per
 * remote schema, concurrently with each other and with the SQL), with variables, fragments, aliases
 * and {@code __typename} kept and customized names translated both ways, mutations, and the merged
 * schema in introspection.
 */
class RemoteRootFieldsTest {
    static final String ZOO_CUSTOMIZATION = "{\"type_names\": {\"prefix\": \"Z_\", \"suffix\": \"_t\", \"mapping\": {\"Dog\": \"Doggo\"}},"
            + " \"field_names\": [{\"parent_type\": \"Dog\", \"mapping\": {\"breed\": \"kind\"}},"
            + " {\"parent_type\": \"Query\", \"prefix\": \"zoo_\"}]}";

    static GraphqlTestServer users;
    static GraphqlTestServer zoo;
    static GraphqlTestServer slowA;
    static GraphqlTestServer slowB;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        users = UserService.start();
        zoo = ZooService.start();
        slowA = SlowService.start(Duration.ZERO);
        slowB = SlowService.start(Duration.ZERO);
        engine = EngineFixture.start("remote_root_fields");
        engine.runSqlOk("create table orders (id serial primary key, user_id int not null, total int not null);"
                + "insert into orders (user_id, total) values (1, 10), (2, 20), (1, 30);"
                + "create view slow_orders as select o.id from orders o, pg_sleep(0.6) where o.id = 1");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"orders\"}}");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"slow_orders\"}}");
        engine.metadataOk(add("users", "{\"url\": \"" + users.url() + "\"}"));
        engine.metadataOk(add("zoo", "{\"url\": \"" + zoo.url() + "\", \"customization\": " + ZOO_CUSTOMIZATION + "}"));
        engine.metadataOk(add("slowA", namespaced(slowA, "slowA", "A_")));
        engine.metadataOk(add("slowB", namespaced(slowB, "slowB", "B_")));
        engine.metadataOk("{\"type\": \"pg_create_remote_relationship\", \"args\": {\"source\": \"default\", \"table\":"
                + " \"orders\", \"name\": \"buyer\", \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"users\","
                + " \"lhs_fields\": [\"user_id\"], \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}}}}}");
    }

    @AfterAll
    static void stop() {
        engine.close();
        users.close();
        zoo.close();
        slowA.close();
        slowB.close();
    }

    @BeforeEach
    void reset() {
        for (GraphqlTestServer server : List.of(users, zoo, slowA, slowB)) {
            server.delay(Duration.ZERO).reset();
        }
    }

    static String add(String name, String definition) {
        return "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"" + name + "\", \"definition\": " + definition + "}}";
    }

    static String namespaced(GraphqlTestServer server, String namespace, String prefix) {
        return "{\"url\": \"" + server.url() + "\", \"customization\": {\"root_fields_namespace\": \"" + namespace
                + "\", \"type_names\": {\"prefix\": \"" + prefix + "\"}}}";
    }

    static JsonNode data(String query) {
        return data(query, null);
    }

    static JsonNode data(String query, String variables) {
        JsonNode answer = engine.gql(query, variables, null);
        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
        return answer.get("data");
    }

    /** The {@code name} of each element of a list. */
    static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(element -> out.add(element.get("name").asText()));
        return out;
    }

    static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aQueryWithOnlyRemoteFieldsIsForwardedInOneRequest() {
        JsonNode data = data("{ user(id: 1) { id name } users(ids: [2, 3]) { email } }");
        assertThat(data).isEqualTo(Json.parse("{\"user\": {\"id\": 1, \"name\": \"user1\"},"
                + " \"users\": [{\"email\": \"user2@example.com\"}, {\"email\": \"user3@example.com\"}]}"));
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(users.lastRequest().query()).contains("user(id:1)", "users(ids:[2,3])");
    }

    @Test
    void remoteAndTableFieldsShareOneResponseInSelectionOrder() {
        JsonNode data = data("{ first: user(id: 1) { name } orders(order_by: {id: asc}) { id total }"
                + " last: user(id: 2) { name } n: __typename }");
        assertThat(keys(data)).containsExactly("first", "orders", "last", "n");
        assertThat(data.get("orders")).hasSize(3);
        assertThat(data.at("/orders/1/total").asInt()).isEqualTo(20);
        assertThat(data.at("/first/name").asText()).isEqualTo("user1");
        assertThat(data.at("/last/name").asText()).isEqualTo("user2");
        assertThat(data.get("n").asText()).isEqualTo("query_root");
        assertThat(users.requestCount()).as("both remote fields in one request").isEqualTo(1);
        assertThat(users.lastRequest().query()).doesNotContain("__typename");
    }

    @Test
    void remoteJoinsGoIntoTheDatabaseRowsAndLeaveRemoteRootFieldsAlone() {
        JsonNode data = data("{ user(id: 3) { name } orders(order_by: {id: asc}, limit: 2) { id buyer { name } } }");
        assertThat(data).isEqualTo(Json.parse("{\"user\": {\"name\": \"user3\"}, \"orders\": [{\"id\": 1, \"buyer\":"
                + " {\"name\": \"user1\"}}, {\"id\": 2, \"buyer\": {\"name\": \"user2\"}}]}"));
        assertThat(users.requestCount()).as("one request for the root field, one for the join").isEqualTo(2);
    }

    @Test
    void twoRemoteSchemasAndTheSqlRunConcurrently() {
        String query = "{ slow_orders { id } slowA { user(id: 1) { name } } slowB { user(id: 2) { name } } }";
        data(query);
        slowA.delay(Duration.ofMillis(600));
        slowB.delay(Duration.ofMillis(600));
        long started = System.nanoTime();
        JsonNode data = data(query);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(data).isEqualTo(Json.parse("{\"slow_orders\": [{\"id\": 1}], \"slowA\": {\"user\": {\"name\": \"user1\"}},"
                + " \"slowB\": {\"user\": {\"name\": \"user2\"}}}"));
        assertThat(millis).as("three 600 ms parts overlap: about the longest, not the sum (1800 ms)")
                .isGreaterThanOrEqualTo(600).isLessThan(1300);
        assertThat(slowA.requestCount()).isEqualTo(2);
        assertThat(slowB.requestCount()).isEqualTo(2);
    }

    @Test
    void variablesFragmentsInlineFragmentsAliasesAndTypenamesKeepCustomizedNamesBothWays() {
        JsonNode data = data("""
                query Zoo($sound: Z_Sound_t, $id: ID!) {
                  creatures: zoo_animals(filter: {sound: $sound}) { __typename ...Named ... on Doggo { kind } }
                  one: zoo_animal(id: $id) { __typename name ... on Z_Cat_t { lives } }
                  zoo_pets { __typename ... on Doggo { kind } ... on Z_Cat_t { lives } ... on Z_Bird_t { wingspan } }
                  zoo_now
                }
                fragment Named on Z_Animal_t { id name sound }
                """, "{\"sound\": \"WOOF\", \"id\": \"c1\"}");
        assertThat(data).isEqualTo(Json.parse("""
                {"creatures": [{"__typename": "Doggo", "id": "d1", "name": "Rex", "sound": "WOOF", "kind": "collie"}],
                 "one": {"__typename": "Z_Cat_t", "name": "Tom", "lives": 9},
                 "zoo_pets": [{"__typename": "Doggo", "kind": "collie"}, {"__typename": "Z_Cat_t", "lives": 9},
                              {"__typename": "Z_Bird_t", "wingspan": 0.3}],
                 "zoo_now": "2024-01-02T03:04:05Z"}"""));
        assertThat(zoo.requestCount()).isEqualTo(1);
        GraphqlTestServer.Received sent = zoo.lastRequest();
        assertThat(sent.query()).contains("creatures:animals", "one:animal", "zoo_pets:pets", "zoo_now:now", "kind:breed",
                "on Dog", "on Cat", "fragment Named on Animal", "$sound:Sound").doesNotContain("Z_", "_t ", "Doggo");
        assertThat(sent.body().get("variables")).isEqualTo(Json.parse("{\"sound\": \"WOOF\", \"id\": \"c1\"}"));
    }

    @Test
    void namespacedFieldsAreUnwrappedForTheRemoteAndWrappedForTheClient() {
        JsonNode data = data("{ slowA { __typename u: user(id: 2) { __typename name } all: users(ids: [1]) { id } } }");
        assertThat(data).isEqualTo(Json.parse("{\"slowA\": {\"__typename\": \"slowAQuery\","
                + " \"u\": {\"__typename\": \"A_User\", \"name\": \"user2\"}, \"all\": [{\"id\": 1}]}}"));
        assertThat(slowA.lastRequest().query()).doesNotContain("slowA", "A_User").contains("u:user(id:2)");
    }

    @Test
    void rootFragmentsAndSkipIncludeDecideWhichRemoteFieldsAreSent() {
        String query = "query($more: Boolean!) { ...Root users(ids: [1]) @include(if: $more) { id } }"
                + " fragment Root on query_root { user(id: 1) { name } orders_aggregate { aggregate { count } } }";
        assertThat(keys(data(query, "{\"more\": false}"))).containsExactly("user", "orders_aggregate");
        assertThat(users.lastRequest().query()).contains("user(id:1)").doesNotContain("users", "include", "Root");
        assertThat(users.lastRequest().body().has("variables")).isFalse();
        JsonNode more = data(query, "{\"more\": true}");
        assertThat(keys(more)).containsExactly("user", "orders_aggregate", "users");
        assertThat(more.at("/orders_aggregate/aggregate/count").asInt()).isEqualTo(3);
        assertThat(users.lastRequest().query()).contains("users(ids:[1])").doesNotContain("include");
        assertThat(users.requestCount()).isEqualTo(2);
    }

    @Test
    void theSameResponseKeyTwiceIsMergedByTheRemote() {
        JsonNode data = data("{ user(id: 3) { id } ... on query_root { user(id: 3) { email } } }");
        assertThat(data).isEqualTo(Json.parse("{\"user\": {\"id\": 3, \"email\": \"user3@example.com\"}}"));
        assertThat(users.requestCount()).isEqualTo(1);
    }

    @Test
    void aRemoteMutationIsForwardedNextToDatabaseMutations() {
        JsonNode data = data("mutation { created: createUser(name: \"neo\") { name } insert_orders_one(object:"
                + " {user_id: 1, total: 7}) { total } slowA { createUser(name: \"trinity\") { name } } }");
        assertThat(data).isEqualTo(Json.parse("{\"created\": {\"name\": \"neo\"}, \"insert_orders_one\": {\"total\": 7},"
                + " \"slowA\": {\"createUser\": {\"name\": \"trinity\"}}}"));
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(users.lastRequest().query()).startsWith("mutation");
        assertThat(slowA.requestCount()).isEqualTo(1);
        engine.runSqlOk("delete from orders where total = 7");
    }

    @Test
    void databaseMutationsStillRunInOneTransactionAndAFailureStopsTheRest() {
        JsonNode answer = engine.gql("mutation { a: insert_orders_one(object: {id: 100, user_id: 1, total: 1}) { id }"
                + " createUser(name: \"never\") { id } b: insert_orders_one(object: {id: 100, user_id: 1, total: 2}) { id } }");
        assertThat(answer.has("data")).isFalse();
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("constraint-violation");
        assertThat(engine.runSqlOk("select count(*) from orders where id = 100").at("/result/1/0").asText()).isEqualTo("0");
        assertThat(users.requestCount()).as("the remote mutation after the failed transaction is not sent").isZero();
    }

    @Test
    void introspectionShowsTheMergedCustomizedTypes() {
        JsonNode data = data("""
                { dog: __type(name: "Doggo") { kind fields(includeDeprecated: true) { name } interfaces { name } }
                  pet: __type(name: "Z_Pet_t") { kind possibleTypes { name } }
                  sound: __type(name: "Z_Sound_t") { kind enumValues(includeDeprecated: true) { name isDeprecated } }
                  instant: __type(name: "Z_DateTime_t") { kind description }
                  filter: __type(name: "Z_AnimalFilter_t") { kind inputFields { name type { name } } }
                  namespace: __type(name: "slowAQuery") { fields { name type { ofType { name } } } }
                  __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { name } } }
                """);
        assertThat(data.at("/dog/kind").asText()).isEqualTo("OBJECT");
        assertThat(names(data.at("/dog/fields"))).containsExactly("id", "name", "sound", "kind", "barks");
        assertThat(names(data.at("/dog/interfaces"))).containsExactly("Z_Animal_t");
        assertThat(data.at("/pet/kind").asText()).isEqualTo("UNION");
        assertThat(names(data.at("/pet/possibleTypes"))).containsExactlyInAnyOrder("Doggo", "Z_Cat_t", "Z_Bird_t");
        assertThat(data.at("/sound/enumValues")).isEqualTo(Json.parse("[{\"name\": \"WOOF\", \"isDeprecated\": false},"
                + " {\"name\": \"MEOW\", \"isDeprecated\": true}, {\"name\": \"TWEET\", \"isDeprecated\": false}]"));
        assertThat(data.get("instant")).isEqualTo(Json.parse("{\"kind\": \"SCALAR\", \"description\": \"An ISO-8601 instant\"}"));
        assertThat(names(data.at("/filter/inputFields"))).containsExactly("sound", "nameLike", "bornAfter");
        assertThat(data.at("/filter/inputFields/2/type/name").asText()).isEqualTo("Z_DateTime_t");
        assertThat(names(data.at("/namespace/fields"))).containsExactly("user", "users");
        assertThat(names(data.at("/__schema/queryType/fields"))).contains("orders", "user", "users",
                "zoo_animals", "zoo_pets", "slowA", "slowB").doesNotContain("animals", "pets");
        assertThat(names(data.at("/__schema/mutationType/fields"))).contains("createUser", "slowA",
                "slowB", "insert_orders");
        assertThat(data.at("/__schema/subscriptionType").isNull()).isTrue();
        assertThat(users.requestCount() + zoo.requestCount()).as("introspection is answered locally").isZero();
    }
}
