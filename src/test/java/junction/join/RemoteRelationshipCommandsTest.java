package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 1: remote relationships are created, updated and deleted through the metadata API
 * in both of Hasura's formats and through the legacy {@code /v1/query} names; they are exported
 * under their table as written and round-trip through {@code replace_metadata} exactly.
 */
class RemoteRelationshipCommandsTest {
    private static final String NEW_FORMAT = """
            {"type": "pg_create_remote_relationship", "args": {"source": "default", "table": "orders", "name": "buyer",
              "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["buyer_id"],
                "remote_field": {"user": {"arguments": {"id": "$buyer_id"}}}}}}}
            """;
    private static final String OLD_FORMAT = """
            {"type": "pg_create_remote_relationship", "args": {"table": {"schema": "public", "name": "orders"}, "name": "seller",
              "hasura_fields": ["seller_id"], "remote_schema": "users",
              "remote_field": {"user": {"arguments": {"id": "$seller_id"}}}}}
            """;

    private static EngineFixture junction;
    private static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start(5);
        junction = EngineFixture.start("remote_rel_commands");
        junction.runSqlOk("create table orders (id int primary key, buyer_id int, seller_id int);"
                + " insert into orders values (1, 1, 2), (2, 3, null);");
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"orders\"}}");
        Joins.addRemoteSchema(junction, "users", users, null);
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
    }

    @AfterEach
    void dropRelationships() {
        for (String name : new String[] {"buyer", "seller"}) {
            junction.metadata("{\"type\": \"pg_delete_remote_relationship\", \"args\": {\"table\": \"orders\", \"name\": \"" + name + "\"}}");
        }
    }

    @Test
    void bothFormatsAreCreatedAndExportedUnderTheirTableAsWritten() {
        assertThat(junction.metadataOk(NEW_FORMAT).toString()).isEqualTo("{\"message\":\"success\"}");
        assertThat(junction.metadataOk(OLD_FORMAT).toString()).isEqualTo("{\"message\":\"success\"}");

        JsonNode table = junction.export().at("/sources/0/tables/0");
        assertThat(table.toString()).isEqualTo("{\"table\":{\"name\":\"orders\",\"schema\":\"public\"},\"remote_relationships\":["
                + "{\"definition\":{\"to_remote_schema\":{\"lhs_fields\":[\"buyer_id\"],\"remote_field\":{\"user\":{\"arguments\":"
                + "{\"id\":\"$buyer_id\"}}},\"remote_schema\":\"users\"}},\"name\":\"buyer\"},"
                + "{\"definition\":{\"hasura_fields\":[\"seller_id\"],\"remote_field\":{\"user\":{\"arguments\":{\"id\":\"$seller_id\"}}},"
                + "\"remote_schema\":\"users\"},\"name\":\"seller\"}]}");
        assertThat(junction.gql("{ orders(order_by: {id: asc}) { buyer { name } seller { name } } }").toString()).isEqualTo(
                "{\"data\":{\"orders\":[{\"buyer\":{\"name\":\"user1\"},\"seller\":{\"name\":\"user2\"}},"
                        + "{\"buyer\":{\"name\":\"user3\"},\"seller\":null}]}}");
    }

    @Test
    void updateReplacesTheDefinitionAndMayChangeItsFormat() {
        junction.metadataOk(NEW_FORMAT);

        junction.metadataOk("""
                {"type": "pg_update_remote_relationship", "args": {"table": "orders", "name": "buyer",
                  "hasura_fields": ["seller_id"], "remote_schema": "users",
                  "remote_field": {"users": {"arguments": {"ids": ["$seller_id"]}}}}}
                """);

        assertThat(junction.export().at("/sources/0/tables/0/remote_relationships/0").toString()).isEqualTo(
                "{\"definition\":{\"hasura_fields\":[\"seller_id\"],\"remote_field\":{\"users\":{\"arguments\":{\"ids\":[\"$seller_id\"]}}},"
                        + "\"remote_schema\":\"users\"},\"name\":\"buyer\"}");
        assertThat(junction.gql("{ orders(order_by: {id: asc}) { buyer { id } } }").toString())
                .isEqualTo("{\"data\":{\"orders\":[{\"buyer\":[{\"id\":2}]},{\"buyer\":null}]}}");
        assertThat(Joins.fieldType(junction, "orders", "buyer")).isEqualTo("[User]");
    }

    @Test
    void deleteRemovesItFromMetadataAndFromTheSchema() {
        junction.metadataOk(NEW_FORMAT);

        junction.metadataOk("{\"type\": \"pg_delete_remote_relationship\", \"args\": {\"source\": \"default\", \"table\": \"orders\", \"name\": \"buyer\"}}");

        assertThat(junction.export().at("/sources/0/tables/0").has("remote_relationships")).isFalse();
        assertThat(junction.gql("{ orders { buyer { id } } }").toString()).isEqualTo("{\"errors\":[{\"message\":"
                + "\"field 'buyer' not found in type: 'orders'\",\"extensions\":{\"path\":\"$.selectionSet.orders.selectionSet.buyer\","
                + "\"code\":\"validation-failed\"}}]}");
    }

    @Test
    void theLegacyQueryApiTakesTheOldNames() {
        Http.Response created = junction.http.post("/v1/query", """
                {"type": "create_remote_relationship", "args": {"table": "orders", "name": "seller",
                  "hasura_fields": ["seller_id"], "remote_schema": "users", "remote_field": {"user": {"arguments": {"id": "$seller_id"}}}}}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(junction.gql("{ orders_by_pk(id: 1) { seller { name } } }").toString())
                .isEqualTo("{\"data\":{\"orders_by_pk\":{\"seller\":{\"name\":\"user2\"}}}}");

        Http.Response updated = junction.http.post("/v1/query", """
                {"type": "update_remote_relationship", "args": {"table": "orders", "name": "seller",
                  "hasura_fields": ["buyer_id"], "remote_schema": "users", "remote_field": {"user": {"arguments": {"id": "$buyer_id"}}}}}
                """);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(junction.gql("{ orders_by_pk(id: 1) { seller { name } } }").toString())
                .isEqualTo("{\"data\":{\"orders_by_pk\":{\"seller\":{\"name\":\"user1\"}}}}");

        Http.Response deleted = junction.http.post("/v1/query",
                "{\"type\": \"delete_remote_relationship\", \"args\": {\"table\": \"orders\", \"name\": \"seller\"}}");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("{\"message\":\"success\"}");
        assertThat(junction.export().at("/sources/0/tables/0").has("remote_relationships")).isFalse();
    }

    @Test
    void exportAndReplaceMetadataRoundTripExactly() {
        junction.metadataOk(NEW_FORMAT);
        junction.metadataOk(OLD_FORMAT);
        JsonNode exported = junction.export();

        junction.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
        assertThat(junction.export()).isNotEqualTo(exported);
        junction.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", exported)));

        assertThat(junction.export()).isEqualTo(exported);
        assertThat(junction.export().toString()).isEqualTo(exported.toString());
        assertThat(junction.gql("{ orders_by_pk(id: 1) { buyer { id } seller { id } } }").toString())
                .isEqualTo("{\"data\":{\"orders_by_pk\":{\"buyer\":{\"id\":1},\"seller\":{\"id\":2}}}}");
    }

    @Test
    void creatingTwiceOrUpdatingOrDeletingAMissingOneIsRefused() {
        junction.metadataOk(NEW_FORMAT);

        junction.refused(NEW_FORMAT).expect(400, "already-exists", "$.args.name",
                "remote relationship with name \"buyer\" already exists in table \"orders\"");
        junction.refused("""
                {"type": "pg_update_remote_relationship", "args": {"table": "orders", "name": "nope",
                  "hasura_fields": ["seller_id"], "remote_schema": "users", "remote_field": {"user": {"arguments": {"id": "$seller_id"}}}}}
                """).expect(400, "not-exists", "$.args.name", "remote relationship with name \"nope\" does not exist in table \"orders\"");
        junction.refused("{\"type\": \"pg_delete_remote_relationship\", \"args\": {\"table\": \"orders\", \"name\": \"nope\"}}")
                .expect(400, "not-exists", "$.args.name", "remote relationship with name \"nope\" does not exist in table \"orders\"");
    }

    @Test
    void theFormatsAreNotMixed() {
        junction.refused("""
                {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "both", "remote_schema": "users",
                  "hasura_fields": ["seller_id"], "remote_field": {"user": {"arguments": {"id": "$seller_id"}}},
                  "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["seller_id"],
                    "remote_field": {"user": {"arguments": {"id": "$seller_id"}}}}}}}
                """).expect(400, "parse-failed", "$.args", "create_remote_relationship expects exactly one of: remote_schema, definition");
        junction.refused("""
                {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "old_inside",
                  "definition": {"remote_schema": "users", "hasura_fields": ["seller_id"],
                    "remote_field": {"user": {"arguments": {"id": "$seller_id"}}}}}}
                """).expect(400, "parse-failed", "$.args.definition",
                "remote relationship definition (strict format) expects exactly one of: to_source, to_remote_schema");
        junction.refused("""
                {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "extra",
                  "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["seller_id"], "what": 1,
                    "remote_field": {"user": {"arguments": {"id": "$seller_id"}}}}}}}
                """);
    }
}
