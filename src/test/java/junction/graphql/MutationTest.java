package junction.graphql;

import static junction.graphql.QueryTest.assertData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.test.EngineFixture;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MutationTest {
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = Shop.start("graphql_mutation");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static String products() {
        return engine.gql("{ products(order_by: {id: asc}) { id name price tags } }").get("data").toString();
    }

    @Test
    void insertReturnsAffectedRowsAndReturningWithRelationships() {
        JsonNode answer = engine.gql("""
            mutation($o: Int!) {
              insert_orders(objects: [{id: 100, customer_id: 1, status: "new", total: "10.25"}, {id: $o, status: "new"}]) {
                affected_rows returning { id total customer { name } } }
              insert_order_items_one(object: {order_id: 3, product_id: 3, qty: 5}) { qty product { name } } }
            """, "{\"o\": 101}", null);
        assertData(answer, """
            {"insert_orders": {"affected_rows": 2, "returning": [{"id": 100, "total": 10.25, "customer": {"name": "Ada"}},
               {"id": 101, "total": null, "customer": null}]},
             "insert_order_items_one": {"qty": 5, "product": {"name": "Lamp"}}}
            """);
        assertData(engine.gql("{ orders_by_pk(id: 101) { status } }"), "{\"orders_by_pk\": {\"status\": \"new\"}}");
    }

    @Test
    void onConflictUpdatesTheGivenColumns() {
        engine.gql("mutation { insert_products_one(object: {id: 50, name: \"Cup\", price: 2}) { id } }");
        assertData(engine.gql("""
            mutation { insert_products(objects: [{id: 50, name: "Mug", price: 3}],
                on_conflict: {constraint: products_pkey, update_columns: [name]}) { affected_rows returning { name price } } }
            """), "{\"insert_products\": {\"affected_rows\": 1, \"returning\": [{\"name\": \"Mug\", \"price\": 2}]}}");
        assertData(engine.gql("""
            mutation { insert_products(objects: [{id: 50, name: "Bowl", price: 3}],
                on_conflict: {constraint: products_pkey, update_columns: []}) { affected_rows } }
            """), "{\"insert_products\": {\"affected_rows\": 0}}");
    }

    @Test
    void updateSetsIncrementsAndEditsJsonb() {
        engine.gql("mutation { insert_customers_one(object: {name: \"Dee\", meta: {a: 1, b: [1, 2], c: {d: 1}}}) { id } }");
        assertData(engine.gql("""
            mutation { update_customers(where: {name: {_eq: "Dee"}}, _set: {email: "dee@x"},
                _append: {meta: {e: 5}}, _delete_key: {meta: "a"}, _delete_at_path: {meta: ["c", "d"]}) {
                affected_rows returning { email meta } } }
            """), "{\"update_customers\": {\"affected_rows\": 1, \"returning\": [{\"email\": \"dee@x\", \"meta\": {\"b\": [1, 2], \"c\": {}, \"e\": 5}}]}}");
        assertData(engine.gql("mutation { update_products_by_pk(pk_columns: {id: 3}, _inc: {price: \"0.01\"}) { price } }"),
                "{\"update_products_by_pk\": {\"price\": 36.00}}");
        assertData(engine.gql("mutation { update_products_by_pk(pk_columns: {id: 999}, _set: {name: \"x\"}) { id } }"),
                "{\"update_products_by_pk\": null}");
    }

    @Test
    void onConflictWhereUpdatesOnlyMatchingRows() {
        engine.gql("mutation { insert_products(objects: [{id: 55, name: \"Old\", price: 5}, {id: 56, name: \"Kept\", price: 50}]) { affected_rows } }");
        assertData(engine.gql("""
            mutation { insert_products(objects: [{id: 55, name: "New", price: 6}, {id: 56, name: "New", price: 60}],
                on_conflict: {constraint: products_pkey, update_columns: [name, price], where: {price: {_lt: 10}}}) {
                affected_rows returning { id name } } }
            """), "{\"insert_products\": {\"affected_rows\": 1, \"returning\": [{\"id\": 55, \"name\": \"New\"}]}}");
        assertData(engine.gql("{ products(where: {id: {_in: [55, 56]}}, order_by: {id: asc}) { name price } }"),
                "{\"products\": [{\"name\": \"New\", \"price\": 6}, {\"name\": \"Kept\", \"price\": 50}]}");
    }

    @Test
    void jsonbPrependAndDeleteElemEditArrays() {
        engine.gql("mutation { insert_customers_one(object: {name: \"Fay\", meta: [1, 2, 3]}) { id } }");
        assertData(engine.gql("""
            mutation { update_customers(where: {name: {_eq: "Fay"}}, _prepend: {meta: [0]}, _delete_elem: {meta: -1}) {
                returning { meta } } }
            """), "{\"update_customers\": {\"returning\": [{\"meta\": [0, 1, 2]}]}}");
    }

    @Test
    void updateManyRunsUpdatesInOrder() {
        engine.gql("mutation { insert_products(objects: [{id: 60, name: \"A\", price: 1}, {id: 61, name: \"B\", price: 1}]) { affected_rows } }");
        assertData(engine.gql("""
            mutation { update_products_many(updates: [{where: {id: {_eq: 60}}, _set: {name: "A2"}},
                {where: {name: {_eq: "A2"}}, _inc: {price: 1}}]) { affected_rows returning { name price } } }
            """), """
            {"update_products_many": [{"affected_rows": 1, "returning": [{"name": "A2", "price": 1}]},
                                      {"affected_rows": 1, "returning": [{"name": "A2", "price": 2}]}]}
            """);
    }

    @Test
    void deleteRemovesRowsAndAnswersWithThem() {
        engine.gql("mutation { insert_products(objects: [{id: 70, name: \"Z1\", price: 1}, {id: 71, name: \"Z2\", price: 1}]) { affected_rows } }");
        assertData(engine.gql("mutation { delete_products(where: {name: {_like: \"Z%\"}}) { affected_rows } delete_products_by_pk(id: 70) { id } }"),
                "{\"delete_products\": {\"affected_rows\": 2}, \"delete_products_by_pk\": null}");
    }

    @Test
    void aConstraintViolationFailsTheWholeRequestAndWritesNothing() {
        String before = products();
        JsonNode answer = engine.gql("""
            mutation { a: insert_products_one(object: {id: 80, name: "Ok", price: 1}) { id }
                       b: insert_products_one(object: {id: 1, name: "Duplicate", price: 1}) { id } }
            """);
        JsonNode error = answer.get("errors").get(0);
        assertThat(answer.has("data")).isFalse();
        assertThat(error.at("/extensions/code").asText()).isEqualTo("constraint-violation");
        assertThat(error.get("message").asText()).isEqualTo(
                "Uniqueness violation. duplicate key value violates unique constraint \"products_pkey\"");
        assertThat(products()).isEqualTo(before);
    }

    @Test
    void aCheckViolationIsAConstraintViolation() {
        JsonNode answer = engine.gql("mutation { insert_order_items_one(object: {order_id: 2, product_id: 2, qty: 0}) { id } }");
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("constraint-violation");
        assertThat(answer.at("/errors/0/message").asText()).startsWith("Check constraint violation.");
    }

    @Test
    void nestedInsertsGoThroughObjectAndArrayRelationships() {
        JsonNode answer = engine.gql("""
            mutation { insert_orders(objects: [{id: 300, status: "new", customer: {data: {name: "Eve"}},
                  items: {data: [{product_id: 1, qty: 3}, {product_id: 2, qty: 1}]}},
                {id: 301, status: "new", items: {data: [{product: {data: {id: 90, name: "Vase", price: 9}}, qty: 2}]}}]) {
                affected_rows
                returning { id customer { name } items(order_by: {qty: desc}) { qty product { name } } } } }
            """);
        assertData(answer, """
            {"insert_orders": {"affected_rows": 7, "returning": [
              {"id": 300, "customer": {"name": "Eve"}, "items": [{"qty": 3, "product": {"name": "Pen"}}, {"qty": 1, "product": {"name": "Desk"}}]},
              {"id": 301, "customer": null, "items": [{"qty": 2, "product": {"name": "Vase"}}]}]}}
            """);
        assertData(engine.gql("{ orders_by_pk(id: 300) { customer { name } items_aggregate { aggregate { count } } } }"),
                "{\"orders_by_pk\": {\"customer\": {\"name\": \"Eve\"}, \"items_aggregate\": {\"aggregate\": {\"count\": 2}}}}");
    }

    @Test
    void aFailingNestedInsertWritesNothing() {
        String before = products();
        JsonNode answer = engine.gql("""
            mutation { insert_orders_one(object: {id: 400, status: "new",
                items: {data: [{product: {data: {id: 91, name: "Rug", price: 5}}, qty: 1}, {product_id: 12345, qty: 1}]}}) { id } }
            """);
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("constraint-violation");
        assertThat(answer.at("/errors/0/message").asText()).startsWith("Foreign key violation.");
        assertThat(products()).isEqualTo(before);
        assertData(engine.gql("{ orders_by_pk(id: 400) { id } }"), "{\"orders_by_pk\": null}");
    }

    @Test
    void mutationFieldsAreInTheSchema() {
        JsonNode answer = engine.gql("{ __type(name: \"mutation_root\") { fields { name } } }");
        assertThat(answer.at("/data/__type/fields").findValuesAsText("name")).contains("insert_orders", "insert_orders_one",
                "update_orders", "update_orders_by_pk", "update_orders_many", "delete_orders", "delete_orders_by_pk");
    }

    @Test
    void explainRefusesMutations() {
        var r = engine.http.post("/v1/graphql/explain",
                "{\"query\": {\"query\": \"mutation { delete_orders(where: {}) { affected_rows } }\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("only queries can be explained");
    }
}
