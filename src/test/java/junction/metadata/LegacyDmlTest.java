package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 6: the JSON DML queries of {@code /v1/query} ({@code select}, {@code insert},
 * {@code update}, {@code delete}, {@code count}) in Hasura's v1 shapes, answered as Hasura answers them.
 */
class LegacyDmlTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = Shop.start("legacy_dml");
        f.runSqlOk("create table notes (id int primary key, body text, hits int not null default 0)");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"notes\"}}");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonNode queryOk(String body) {
        Http.Response r = f.http.post("/v1/query", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void selectAnswersTheRowsWithWhereOrderLimitOffsetAndRelationships() {
        JsonNode rows = queryOk("""
            {"type": "select", "args": {"table": {"schema": "public", "name": "orders"},
              "columns": ["id", "status", {"name": "customer", "columns": ["name"]},
                {"name": "items", "columns": ["qty"], "order_by": "-qty", "limit": 1}],
              "where": {"$or": [{"status": "paid"}, {"customer": {"name": {"$eq": "Ada"}}}], "id": {"$gt": 1}},
              "order_by": [{"column": "id", "type": "desc"}], "limit": 2, "offset": 0}}""");
        assertThat(rows).isEqualTo(Json.parse("""
            [{"id": 3, "status": "paid", "customer": {"name": "Bob"}, "items": [{"qty": 1}]},
             {"id": 2, "status": "open", "customer": {"name": "Ada"}, "items": [{"qty": 2}]}]"""));

        assertThat(queryOk("""
            {"type": "select", "args": {"table": "orders", "columns": ["id"], "where": {"$or": [{"note": {"_is_null": true}}, {"customer_id": {"$is_null": true}}]},
              "order_by": "+customer.name"}}""")).isEqualTo(Json.parse("[{\"id\": 2}, {\"id\": 4}]"));
        assertThat(queryOk("""
            {"type": "select", "args": {"table": "products", "columns": ["*"], "where": {"id": 3}}}"""))
                .isEqualTo(Json.parse("""
                    [{"id": 3, "name": "Lamp", "price": 35.99, "tags": null, "weight": null, "rating": null}]"""));
    }

    @Test
    void countAnswersTheNumberOfRowsOrOfDistinctValues() {
        assertThat(queryOk("{\"type\": \"count\", \"args\": {\"table\": \"orders\", \"where\": {\"status\": {\"$eq\": \"paid\"}}}}"))
                .isEqualTo(Json.parse("{\"count\": 2}"));
        assertThat(queryOk("{\"type\": \"count\", \"args\": {\"table\": \"orders\", \"distinct\": [\"customer_id\"]}}"))
                .isEqualTo(Json.parse("{\"count\": 2}"));
    }

    @Test
    void insertUpdateAndDeleteAnswerAffectedRowsAndReturning() {
        assertThat(queryOk("""
            {"type": "insert", "args": {"table": "notes", "objects": [{"id": 1, "body": "one"}, {"id": 2, "body": "two"}],
              "returning": ["id", "hits"]}}""")).isEqualTo(Json.parse("""
            {"affected_rows": 2, "returning": [{"id": 1, "hits": 0}, {"id": 2, "hits": 0}]}"""));
        assertThat(queryOk("""
            {"type": "insert", "args": {"table": "notes", "objects": {"id": 1, "body": "uno"},
              "on_conflict": {"constraint": "notes_pkey", "action": "update"}}}"""))
                .isEqualTo(Json.parse("{\"affected_rows\": 1}"));
        assertThat(queryOk("""
            {"type": "insert", "args": {"table": "notes", "objects": [{"id": 2, "body": "dos"}],
              "on_conflict": {"constraint_on": ["id"], "action": "ignore"}, "returning": ["body"]}}"""))
                .isEqualTo(Json.parse("{\"affected_rows\": 0, \"returning\": []}"));

        assertThat(queryOk("""
            {"type": "update", "args": {"table": "notes", "where": {"id": {"$in": [1, 2]}},
              "$set": {"body": "changed"}, "$inc": {"hits": 3}, "returning": ["id", "body", "hits"]}}""")).isEqualTo(Json.parse("""
            {"affected_rows": 2, "returning": [{"id": 1, "body": "changed", "hits": 3}, {"id": 2, "body": "changed", "hits": 3}]}"""));
        assertThat(queryOk("""
            {"type": "update", "args": {"table": "notes", "where": {"id": 1}, "$mul": {"hits": 2}, "returning": ["hits"]}}"""))
                .isEqualTo(Json.parse("{\"affected_rows\": 1, \"returning\": [{\"hits\": 6}]}"));

        assertThat(queryOk("""
            {"type": "delete", "args": {"table": "notes", "where": {"body": {"$like": "chan%"}, "id": {"$ne": 2}},
              "returning": ["id"]}}""")).isEqualTo(Json.parse("{\"affected_rows\": 1, \"returning\": [{\"id\": 1}]}"));
        assertThat(queryOk("{\"type\": \"select\", \"args\": {\"table\": \"notes\", \"columns\": [\"id\", \"body\"]}}"))
                .isEqualTo(Json.parse("[{\"id\": 2, \"body\": \"changed\"}]"));
    }

    @Test
    void badDmlQueriesAreRefusedWithHasurasErrors() {
        f.refused(() -> f.http.post("/v1/query", "{\"type\": \"select\", \"args\": {\"table\": \"nope\", \"columns\": [\"id\"]}}"))
                .expect(400, "not-exists", "$.args.table", "table \"nope\" does not exist");
        f.refused(() -> f.http.post("/v1/query", "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"nope\"]}}"))
                .expect(400, "not-exists", "$.args.columns[0]", "\"nope\" does not exist");
        f.refused(() -> f.http.post("/v1/query",
                        "{\"type\": \"count\", \"args\": {\"table\": \"orders\", \"where\": {\"id\": {\"$near\": 1}}}}"))
                .expect(400, "unexpected-payload", "$.args.where.id['$near']", "Unknown operator : $near");
        f.refused(() -> f.http.post("/v1/query", "{\"type\": \"delete\", \"args\": {\"table\": \"orders\"}}"))
                .expect(400, "parse-failed", "$.args", "the key 'where' was not present");
        f.refused(() -> f.http.post("/v1/query",
                        "{\"type\": \"insert\", \"args\": {\"table\": \"orders\", \"objects\": [{\"id\": 1, \"status\": \"x\"}]}}"))
                .expect(400, "constraint-violation", "$.args",
                        "Uniqueness violation. duplicate key value violates unique constraint \"orders_pkey\"");
    }

    @Test
    void malformedQueriesAreRefusedWithA400AndChangeNothing() {
        String[] bodies = {
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [{\"name\": \"customer\"}]}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [5]}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"order_by\": {\"column\": []}}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"order_by\": \"+\"}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"order_by\": \"items.qty\"}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"limit\": -1}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"where\": {\"$and\": {}}}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"where\": {\"id\": {\"$in\": \"x\"}}}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"where\": {\"customer\": 5}}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"where\": {\"id\": {\"$eq\": null}}}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"where\": {\"id\": {\"_is_null\": \"yes\"}}}}",
            "{\"type\": \"select\", \"args\": {\"table\": \"orders\", \"columns\": [\"id\"], \"where\": {\"_exists\": {}}}}",
            "{\"type\": \"select\", \"args\": \"orders\"}",
            "{\"type\": \"insert\", \"args\": {\"table\": \"orders\", \"objects\": 5}}",
            "{\"type\": \"insert\", \"args\": {\"table\": \"orders\", \"objects\": [{\"id\": \"x\", \"status\": \"s\"}]}}",
            "{\"type\": \"insert\", \"args\": {\"table\": \"orders\", \"objects\": [{\"id\": 9, \"status\": \"s\"}], \"on_conflict\": {\"action\": \"update\"}}}",
            "{\"type\": \"insert\", \"args\": {\"table\": \"orders\", \"objects\": [{\"id\": 9, \"status\": \"s\"}], \"on_conflict\": {\"action\": \"merge\"}}}",
            "{\"type\": \"update\", \"args\": {\"table\": \"orders\", \"where\": {}, \"$set\": 5}}",
            "{\"type\": \"update\", \"args\": {\"table\": \"orders\", \"where\": {}, \"$default\": \"status\"}}",
            "{\"type\": \"update\", \"args\": {\"table\": \"orders\", \"where\": {}, \"$set\": {\"status\": null}}}",
            "{\"type\": \"count\", \"args\": {\"table\": \"orders\", \"distinct\": \"id\"}}",
            "{\"type\": \"delete\", \"args\": {\"table\": \"orders\", \"where\": null}}",
            "{\"type\": \"track_table\", \"args\": 5}",
            "{\"type\": \"track_table\", \"args\": []}",
            "{\"type\": \"bulk\", \"args\": {}}",
            "{\"type\": \"bulk\", \"args\": [5]}",
            "{\"type\": 5}",
            "{\"type\": \"select\", \"version\": \"two\", \"args\": {}}",
        };
        for (String body : bodies) {
            ApiError error = f.refused(() -> f.http.post("/v1/query", body));
            assertThat(error.status()).as(body + " → " + error.body()).isBetween(400, 499);
            assertThat(error.code()).as(body + " → " + error.body()).isNotEmpty();
        }
        assertThat(queryOk("{\"type\": \"count\", \"args\": {\"table\": \"orders\"}}")).isEqualTo(Json.parse("{\"count\": 4}"));
    }
}
