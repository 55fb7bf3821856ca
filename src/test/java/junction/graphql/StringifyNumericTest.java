package junction.graphql;

import static junction.graphql.QueryTest.assertData;

import junction.test.EngineFixture;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES=true}: bigint, numeric and float8 come back as strings. */
class StringifyNumericTest {
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = EngineFixture.start("stringify", c -> c.withStringifyNumericTypes(true));
        engine.runSqlOk(Shop.SQL);
        engine.metadataOk(Shop.METADATA);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void wideNumbersAreStrings() {
        assertData(engine.gql("""
            { orders_by_pk(id: 1) { id total big } products_by_pk(id: 1) { weight rating }
              orders_aggregate(where: {id: {_in: [1, 3]}}) { aggregate { count sum { big id } avg { id } max { total } } } }
            """), """
            {"orders_by_pk": {"id": 1, "total": "12345678901234.123456", "big": "9007199254740993"},
             "products_by_pk": {"weight": "0.01", "rating": 4.5},
             "orders_aggregate": {"aggregate": {"count": 2, "sum": {"big": "9007199254740994", "id": 4},
               "avg": {"id": "2.0000000000000000"}, "max": {"total": "12345678901234.123456"}}}}
            """);
    }
}
