package junction.graphql;

import junction.test.EngineFixture;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = Shop.start("smoke");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void smoke() {
        System.out.println(engine.gql("{ orders(order_by: {id: desc}, limit: 3) { id status total big placed_on customer { name meta created_at } items(order_by: {qty: asc}) { qty product { name price tags } } items_aggregate { aggregate { count sum { qty } } } } }"));
        System.out.println(engine.gql("{ orders_by_pk(id: 1) { id __typename } o: orders_aggregate(where: {status: {_eq: \"paid\"}}) { aggregate { count(columns: [customer_id], distinct: true) max { total placed_on } avg { total } } nodes { id } } }"));
        System.out.println(engine.gql("query Q($id: Int!) { orders_by_pk(id: $id) { id } }", "{\"id\": 2}", null));
        System.out.println(engine.gql("{ __schema { queryType { name } } __typename }"));
        System.out.println(engine.gql("{ orders(where: {customer: {meta: {_contains: {vip: true}}}}, order_by: {customer: {name: desc}}) { id } customers(order_by: {orders_aggregate: {count: desc}}) { name } c2: customers(distinct_on: [name], order_by: [{name: asc}, {id: desc}]) { name } }"));
    }
}
