package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad GraphQL input gets Hasura's error envelope, code, message and path, with HTTP 200. */
class QueryErrorsTest {
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = Shop.start("graphql_errors");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static JsonNode error(JsonNode answer) {
        assertThat(answer.has("data")).as("%s", answer).isFalse();
        assertThat(answer.get("errors")).as("%s", answer).hasSize(1);
        return answer.get("errors").get(0);
    }

    static void assertError(JsonNode answer, String code, String message, String path) {
        JsonNode error = error(answer);
        assertThat(error.at("/extensions/code").asText()).as("%s", answer).isEqualTo(code);
        assertThat(error.get("message").asText()).as("%s", answer).isEqualTo(message);
        assertThat(error.at("/extensions/path").asText()).as("%s", answer).isEqualTo(path);
    }

    @Test
    void anUnknownRootFieldIsNotFoundInQueryRoot() {
        assertError(engine.gql("{ nope { id } }"), "validation-failed", "field 'nope' not found in type: 'query_root'",
                "$.selectionSet.nope");
    }

    @Test
    void anUnknownNestedFieldNamesItsType() {
        assertError(engine.gql("{ orders { id customer { nope } } }"), "validation-failed",
                "field 'nope' not found in type: 'customers'", "$.selectionSet.orders.selectionSet.customer.selectionSet.nope");
    }

    @Test
    void anUnknownArgumentIsRefused() {
        assertError(engine.gql("{ orders(foo: 1) { id } }"), "validation-failed",
                "\"orders\" has no argument named \"foo\"", "$.selectionSet.orders");
    }

    @Test
    void anUnknownColumnInWhereIsRefused() {
        JsonNode error = error(engine.gql("{ orders(where: {nope: {_eq: 1}}) { id } }"));
        assertThat(error.at("/extensions/code").asText()).isEqualTo("validation-failed");
        assertThat(error.get("message").asText()).isEqualTo("field 'nope' not found in type: 'orders_bool_exp'");
        assertThat(error.at("/extensions/path").asText()).startsWith("$.selectionSet.orders.args.where");
    }

    @Test
    void byPkWithoutItsKeyIsRefused() {
        assertError(engine.gql("{ orders_by_pk { id } }"), "validation-failed", "missing required field 'id'",
                "$.selectionSet.orders_by_pk.args");
    }

    @Test
    void aVariableOfTheWrongTypeIsRefused() {
        assertError(engine.gql("query($id: Int!) { orders_by_pk(id: $id) { id } }", "{\"id\": \"one\"}", null),
                "validation-failed", "expected a 32-bit integer for type \"Int\", but found a string",
                "$.variableValues.id");
    }

    @Test
    void aMissingRequiredVariableIsRefused() {
        assertError(engine.gql("query($id: Int!) { orders_by_pk(id: $id) { id } }", "{}", null),
                "validation-failed", "expecting a value for non-nullable variable: \"id\"", "$");
    }

    @Test
    void anInvalidEnumValueIsRefused() {
        JsonNode literal = error(engine.gql("{ orders(order_by: {id: up}) { id } }"));
        assertThat(literal.at("/extensions/code").asText()).isEqualTo("validation-failed");
        assertThat(literal.get("message").asText()).isEqualTo("expected one of the values ['asc', 'asc_nulls_first', "
                + "'asc_nulls_last', 'desc', 'desc_nulls_first', 'desc_nulls_last'] for type 'order_by', but found an enum value 'up'");
        assertThat(literal.at("/extensions/path").asText()).startsWith("$.selectionSet.orders.args.order_by");
        assertError(engine.gql("query($o: [orders_order_by!]) { orders(order_by: $o) { id } }", "{\"o\": {\"id\": \"up\"}}", null),
                "validation-failed", "expected one of the values ['asc', 'asc_nulls_first', 'asc_nulls_last', 'desc', "
                        + "'desc_nulls_first', 'desc_nulls_last'] for type 'order_by', but found a string",
                "$.variableValues.o.id");
    }

    @Test
    void aLiteralOfTheWrongTypeIsRefused() {
        JsonNode error = error(engine.gql("{ orders(limit: \"ten\") { id } }"));
        assertThat(error.get("message").asText()).isEqualTo("expected a 32-bit integer for type 'Int', but found a string");
        assertThat(error.at("/extensions/path").asText()).isEqualTo("$.selectionSet.orders.args.limit");
    }

    @Test
    void aSyntaxErrorIsAParseFailure() {
        JsonNode error = error(engine.gql("{ orders { id "));
        assertThat(error.at("/extensions/code").asText()).isEqualTo("parse-failed");
        assertThat(error.at("/extensions/path").asText()).isEqualTo("$.query");
    }

    @Test
    void aBodyThatIsNotJsonIsInvalidJson() {
        Http.Response r = engine.http.post("/v1/graphql", "{\"query\": ");
        assertThat(r.status()).isEqualTo(200);
        assertThat(error(r.json()).at("/extensions/code").asText()).isEqualTo("invalid-json");
    }

    @Test
    void aBodyWithoutQueryIsAParseFailure() {
        Http.Response r = engine.http.post("/v1/graphql", "{\"variables\": {}}");
        assertError(r.json(), "parse-failed", "the key 'query' was not present", "$");
    }

    @Test
    void aValueThatPostgresCannotReadIsADataExceptionWithInternalDetailForAdmins() {
        JsonNode error = error(engine.gql("{ orders(where: {big: {_eq: \"abc\"}}) { id } }"));
        assertThat(error.at("/extensions/code").asText()).isEqualTo("data-exception");
        assertThat(error.get("message").asText()).contains("invalid input syntax for type bigint");
        assertThat(error.at("/extensions/internal/statement").asText()).contains("\"orders\"");
        assertThat(error.at("/extensions/internal/error/status_code").asText()).isEqualTo("22P02");
    }

    @Test
    void aQueryNestedHundredLevelsDeepMeetsTheDepthLimit() {
        StringBuilder query = new StringBuilder("{ orders { ");
        for (int i = 0; i < 50; i++) {
            query.append("items { order { ");
        }
        query.append("id");
        query.append(" } }".repeat(50)).append(" } }");
        assertError(engine.gql(query.toString()), "validation-failed",
                "the query is nested deeper than the limit of 50 levels", "$");
    }

    @Test
    void aQueryWithTenThousandAliasesMeetsTheFieldLimit() {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 10_000; i++) {
            query.append("a").append(i).append(": orders_by_pk(id: 1) { id } ");
        }
        query.append("}");
        assertError(engine.gql(query.toString()), "validation-failed",
                "the query selects more than the limit of 1000 fields", "$");
    }

    @Test
    void aDeeplyNestedValueDoesNotOverflowTheStack() {
        String where = "{_not: ".repeat(5000) + "{id: {_eq: 1}}" + "}".repeat(5000);
        JsonNode error = error(engine.gql("{ orders(where: " + where + ") { id } }"));
        assertThat(error.at("/extensions/code").asText()).isEqualTo("validation-failed");
    }

    /** Issue 14, item 5: such a table is refused (Hasura's reason), never tracked and silently left out. */
    @Test
    void columnsWhoseNamesAreNotGraphqlNamesNeedCustomNamesAndTheRestWorks() {
        engine.runSqlOk("create table odd (id int primary key, \"first name\" text, \"__x\" int, ok text);"
                + "insert into odd values (1, 'a', 2, 'fine')");
        engine.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"odd\"}}").expect(400,
                "invalid-configuration", "$.args", "Inconsistent object: cannot include \"first name\" in the GraphQL schema "
                        + "because  it is not a valid GraphQL identifier");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"odd\", \"configuration\": "
                + "{\"column_config\": {\"first name\": {\"custom_name\": \"firstName\"}, \"__x\": {\"custom_name\": \"x\"}}}}}");
        assertThat(engine.gql("{ odd { id firstName x ok } }").get("data").toString())
                .isEqualTo("{\"odd\":[{\"id\":1,\"firstName\":\"a\",\"x\":2,\"ok\":\"fine\"}]}");
        assertThat(engine.gql("{ orders_by_pk(id: 1) { id } }").at("/data/orders_by_pk/id").asInt()).isEqualTo(1);
    }

    @Test
    void aRoleWithoutPermissionsSeesNoTables() {
        Http.Response r = engine.graphql("{ orders { id } }", java.util.Map.of("x-hasura-role", "user"));
        assertError(r.json(), "validation-failed", "field 'orders' not found in type: 'query_root'", "$.selectionSet.orders");
    }

    @Test
    void distinctOnMustMatchTheStartOfOrderBy() {
        assertError(engine.gql("{ orders(distinct_on: [status], order_by: {id: asc}) { id } }"), "validation-failed",
                "\"distinct_on\" columns must match initial \"order_by\" columns", "$.selectionSet.orders.args");
    }

    @Test
    void aMutationIsNotSupportedWithoutMutationFields() {
        JsonNode error = error(engine.gql("mutation { nope }"));
        assertThat(error.at("/extensions/code").asText()).isEqualTo("validation-failed");
    }

    @Test
    void anErrorInABatchLeavesTheOtherAnswers() {
        Http.Response r = engine.http.post("/v1/graphql", Json.write(Json.array()
                .add(Json.object().put("query", "{ orders(limit: -1) { id } }"))
                .add(Json.object().put("query", "{ orders_by_pk(id: 1) { id } }"))));
        assertThat(r.json().get(0).at("/errors/0/extensions/code").asText()).isEqualTo("data-exception");
        assertThat(r.json().get(1).at("/data/orders_by_pk/id").asInt()).isEqualTo(1);
    }
}
