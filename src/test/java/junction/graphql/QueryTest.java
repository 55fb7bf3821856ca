package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryTest {
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = Shop.start("graphql_query");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static void assertData(JsonNode answer, String expected) {
        assertThat(answer.has("errors")).as("errors: %s", answer).isFalse();
        JsonNode want = Json.parse(expected);
        assertThat(answer.get("data").equals(QueryTest::sameValue, want)).as("%s is not %s", answer.get("data"), want).isTrue();
    }

    /** JSON equality with numbers compared by value (1.50 = 1.5). */
    static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    @Test
    void aListIsFilteredOrderedAndPaged() {
        assertData(engine.gql("{ orders(where: {status: {_in: [\"paid\", \"open\"]}}, order_by: {id: desc}, limit: 2, offset: 1) { id status } }"),
                "{\"orders\": [{\"id\": 2, \"status\": \"open\"}, {\"id\": 1, \"status\": \"paid\"}]}");
    }

    @Test
    void comparisonOperatorsFilterRows() {
        String query = """
            { a: orders(where: {_and: [{total: {_gt: "3"}}, {note: {_is_null: false}}]}, order_by: {id: asc}) { id }
              b: orders(where: {_or: [{note: {_like: "fir%"}}, {note: {_ilike: "DESK"}}]}, order_by: {id: asc}) { id }
              c: orders(where: {_not: {status: {_nin: ["paid"]}}}, order_by: {id: asc}) { id }
              d: customers(where: {email: {_regex: "^a.*com$"}}) { name }
              e: customers(where: {name: {_similar: "(A|C)%"}}, order_by: {name: desc}) { name }
              f: orders(where: {customer_id: {_is_null: true}}) { id }
              g: products(where: {price: {_gte: 35.99, _lte: "250"}}, order_by: {price: asc}) { name } }
            """;
        assertData(engine.gql(query), """
            {"a": [{"id": 1}, {"id": 3}], "b": [{"id": 1}, {"id": 3}], "c": [{"id": 1}, {"id": 3}],
             "d": [{"name": "Ada"}], "e": [{"name": "Cy"}, {"name": "Ada"}], "f": [{"id": 4}],
             "g": [{"name": "Lamp"}, {"name": "Desk"}]}
            """);
    }

    @Test
    void jsonbOperatorsUseTheirFunctionForms() {
        String query = """
            { a: customers(where: {meta: {_contains: {vip: true}}}) { name }
              b: customers(where: {meta: {_has_key: "tier"}}) { name }
              c: customers(where: {meta: {_has_keys_any: ["tier", "vip"]}}, order_by: {id: asc}) { name }
              d: customers(where: {meta: {_has_keys_all: ["tier", "vip"]}}) { name }
              e: customers(where: {meta: {_contained_in: {vip: false, x: 1}}}) { name } }
            """;
        assertData(engine.gql(query), """
            {"a": [{"name": "Ada"}], "b": [{"name": "Ada"}], "c": [{"name": "Ada"}, {"name": "Bob"}],
             "d": [{"name": "Ada"}], "e": [{"name": "Bob"}]}
            """);
    }

    @Test
    void relationshipsNestAndFilter() {
        String query = """
            { customers(where: {orders: {status: {_eq: "paid"}}}, order_by: {id: asc}) {
                name orders(order_by: {id: asc}, limit: 1) { id items { qty product { name } } } }
              orders(where: {customer: {name: {_eq: "Bob"}}}) { id customer { name } } }
            """;
        assertData(engine.gql(query), """
            {"customers": [{"name": "Ada", "orders": [{"id": 1, "items": [{"qty": 2, "product": {"name": "Pen"}},
                {"qty": 1, "product": {"name": "Lamp"}}]}]},
               {"name": "Bob", "orders": [{"id": 3, "items": [{"qty": 1, "product": {"name": "Desk"}}]}]}],
             "orders": [{"id": 3, "customer": {"name": "Bob"}}]}
            """);
    }

    @Test
    void arrayRelationshipAggregatesFilterRows() {
        String query = """
            { a: customers(where: {orders_aggregate: {count: {predicate: {_gte: 2}}}}) { name }
              b: customers(where: {orders_aggregate: {count: {filter: {status: {_eq: "paid"}}, predicate: {_eq: 1}}}},
                           order_by: {id: asc}) { name }
              c: customers(where: {orders_aggregate: {count: {arguments: [status], distinct: true, predicate: {_eq: 2}}}}) { name }
              d: customers(where: {_not: {orders_aggregate: {count: {predicate: {_gt: 0}}}}}) { name } }
            """;
        assertData(engine.gql(query), """
            {"a": [{"name": "Ada"}], "b": [{"name": "Ada"}, {"name": "Bob"}], "c": [{"name": "Ada"}], "d": [{"name": "Cy"}]}
            """);
    }

    @Test
    void orderByFollowsObjectRelationshipsAndArrayAggregates() {
        String query = """
            { orders(order_by: [{customer: {name: desc_nulls_last}}, {id: asc}]) { id }
              customers(order_by: {orders_aggregate: {count: desc}}, limit: 1) { name }
              products(order_by: {price: desc}, limit: 1) { name } }
            """;
        assertData(engine.gql(query), """
            {"orders": [{"id": 3}, {"id": 1}, {"id": 2}, {"id": 4}], "customers": [{"name": "Ada"}],
             "products": [{"name": "Desk"}]}
            """);
    }

    @Test
    void distinctOnKeepsTheFirstRowPerValue() {
        assertData(engine.gql("{ orders(distinct_on: [status], order_by: [{status: asc}, {id: desc}]) { id status } }"), """
            {"orders": [{"id": 4, "status": "cancelled"}, {"id": 2, "status": "open"}, {"id": 3, "status": "paid"}]}
            """);
    }

    @Test
    void byPkReturnsTheRowOrNull() {
        assertData(engine.gql("{ a: orders_by_pk(id: 3) { id status } b: orders_by_pk(id: 99) { id } }"),
                "{\"a\": {\"id\": 3, \"status\": \"paid\"}, \"b\": null}");
    }

    @Test
    void aggregatesComputeOverTheFilteredRows() {
        String query = """
            { orders_aggregate(where: {status: {_eq: "paid"}}) {
                aggregate { count c2: count(columns: [customer_id], distinct: true) sum { big } max { placed_on total }
                  min { status } avg { big } __typename }
                nodes { id } }
              customers(order_by: {id: asc}, limit: 1) { orders_aggregate { aggregate { count } } } }
            """;
        assertData(engine.gql(query), """
            {"orders_aggregate": {"aggregate": {"count": 2, "c2": 2, "sum": {"big": 9007199254740994},
               "max": {"placed_on": "2024-03-01", "total": 12345678901234.123456}, "min": {"status": "paid"},
               "avg": {"big": 4503599627370497}, "__typename": "orders_aggregate_fields"},
               "nodes": [{"id": 1}, {"id": 3}]},
             "customers": [{"orders_aggregate": {"aggregate": {"count": 2}}}]}
            """);
    }

    @Test
    void valuesRoundTripExactly() {
        Http.Response raw = engine.http.post("/v1/graphql", Json.write(Json.object().put("query",
                "{ orders_by_pk(id: 1) { total big placed_on } customers_by_pk(id: 1) { created_at meta } products_by_pk(id: 1) { price tags weight rating } }")));
        assertThat(raw.body()).contains("12345678901234.123456").contains("9007199254740993")
                .contains("\"2024-03-01\"").contains("\"2024-01-02T03:04:05+00:00\"");
        assertData(raw.json(), """
            {"orders_by_pk": {"total": 12345678901234.123456, "big": 9007199254740993, "placed_on": "2024-03-01"},
             "customers_by_pk": {"created_at": "2024-01-02T03:04:05+00:00", "meta": {"vip": true, "tier": "gold", "tags": ["a", "b"]}},
             "products_by_pk": {"price": 1.50, "tags": ["office", "cheap"], "weight": 0.01, "rating": 4.5}}
            """);
    }

    @Test
    void variablesDefaultsFragmentsAliasesAndDirectivesWork() {
        String query = """
            query Q($id: Int!, $statuses: [String!] = ["paid"], $withNote: Boolean!, $skipId: Boolean = false) {
              one: orders_by_pk(id: $id) { ...OrderBits __typename }
              many: orders(where: {status: {_in: $statuses}}, order_by: {id: asc}) {
                id @skip(if: $skipId) note @include(if: $withNote) ... on orders { status } } }
            fragment OrderBits on orders { id status }
            """;
        assertData(engine.gql(query, "{\"id\": 2, \"withNote\": true}", null), """
            {"one": {"id": 2, "status": "open", "__typename": "orders"},
             "many": [{"id": 1, "note": "first", "status": "paid"}, {"id": 3, "note": "desk", "status": "paid"}]}
            """);
        assertData(engine.gql(query, "{\"id\": 3, \"withNote\": false, \"skipId\": true, \"statuses\": [\"open\"]}", null), """
            {"one": {"id": 3, "status": "paid", "__typename": "orders"}, "many": [{"status": "open"}]}
            """);
    }

    @Test
    void aWholeWhereCanBeAVariable() {
        String query = "query($w: orders_bool_exp, $o: [orders_order_by!]) { orders(where: $w, order_by: $o) { id } }";
        assertData(engine.gql(query, "{\"w\": {\"status\": {\"_eq\": \"paid\"}}, \"o\": [{\"id\": \"desc\"}]}", null),
                "{\"orders\": [{\"id\": 3}, {\"id\": 1}]}");
        assertData(engine.gql(query, "{\"w\": {\"id\": {\"_lt\": 3}}, \"o\": {\"id\": \"asc\"}}", null),
                "{\"orders\": [{\"id\": 1}, {\"id\": 2}]}");
    }

    @Test
    void operationNamePicksTheOperation() {
        String query = "query A { orders_by_pk(id: 1) { id } } query B { orders_by_pk(id: 2) { id } }";
        assertData(engine.gql(query, null, "B"), "{\"orders_by_pk\": {\"id\": 2}}");
    }

    @Test
    void aBatchIsAnsweredWithAnArray() {
        Http.Response r = engine.http.post("/v1/graphql",
                "[{\"query\": \"{ orders_by_pk(id: 1) { id } }\"}, {\"query\": \"{ nope }\"}]");
        assertThat(r.status()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.get(0)).isEqualTo(Json.parse("{\"data\": {\"orders_by_pk\": {\"id\": 1}}}"));
        assertThat(answer.get(1).at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
    }

    @Test
    void introspectionIsAnsweredFromTheSchema() {
        JsonNode answer = engine.gql("""
            { __schema { queryType { name } mutationType { name } }
              t: __type(name: "orders") { fields { name } }
              c: __type(name: "String_comparison_exp") { inputFields { name } }
              __typename }
            """);
        assertThat(answer.at("/data/__schema/queryType/name").asText()).isEqualTo("query_root");
        assertThat(answer.at("/data/t/fields").findValuesAsText("name"))
                .containsExactly("big", "customer", "customer_id", "id", "items", "items_aggregate", "note",
                        "placed_on", "status", "total");
        assertThat(answer.at("/data/c/inputFields").findValuesAsText("name")).contains("_eq", "_ilike", "_in",
                "_is_null", "_like", "_nregex", "_similar");
        assertThat(answer.at("/data/__typename").asText()).isEqualTo("query_root");
    }

    @Test
    void theFullIntrospectionQueryOfGraphiqlWorks() {
        JsonNode answer = engine.gql(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY);
        assertThat(answer.has("errors")).as("%s", answer).isFalse();
        assertThat(answer.at("/data/__schema/types").findValuesAsText("name"))
                .contains("orders", "orders_bool_exp", "orders_order_by", "orders_select_column", "orders_aggregate",
                        "orders_aggregate_fields", "orders_sum_fields", "order_by", "numeric", "bigint", "jsonb",
                        "timestamptz", "date", "String_array_comparison_exp", "jsonb_comparison_exp", "order_items_aggregate_order_by");
    }

    @Test
    void explainShowsTheSqlAndPlanPerRootField() {
        Http.Response r = engine.http.post("/v1/graphql/explain",
                "{\"query\": {\"query\": \"{ orders(where: {id: {_eq: 1}}) { id } c: customers { name } }\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.findValuesAsText("field")).containsExactly("orders", "c");
        assertThat(answer.get(0).get("sql").asText()).contains("\"public\".\"orders\"").contains("$1");
        assertThat(answer.get(0).get("plan").size()).isPositive();
    }

    @Test
    void explainIsForAdminsOnly() {
        Http.Response r = engine.http.post("/v1/graphql/explain", "{\"query\": {\"query\": \"{ orders { id } }\"}}",
                Map.of("x-hasura-role", "user"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("access-denied");
    }

    @Test
    void anAggregateSelectingOnlyTypenamesIsOneObjectEvenOverManyOrNoRows() {
        assertData(engine.gql("""
            { a: orders_aggregate { __typename aggregate { __typename } }
              b: orders_aggregate(where: {id: {_lt: 0}}) { aggregate { sum { __typename } } }
              c: customers(limit: 1, order_by: {id: asc}) { orders_aggregate { aggregate { __typename } } } }
            """), """
            {"a": {"__typename": "orders_aggregate", "aggregate": {"__typename": "orders_aggregate_fields"}},
             "b": {"aggregate": {"sum": {"__typename": "orders_sum_fields"}}},
             "c": [{"orders_aggregate": {"aggregate": {"__typename": "orders_aggregate_fields"}}}]}
            """);
    }
}
