package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 6: {@code /v1/query} serves Hasura's legacy API with its v1 argument shapes (no
 * {@code source}; a table as {@code "name"} or {@code {"schema", "name"}}; {@code track_table} with the
 * table object itself), each command doing what its {@code /v1/metadata} command does, and a
 * {@code bulk} of metadata commands, {@code run_sql} and JSON DML queries is one transaction.
 */
class LegacyQueryTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("legacy");
        f.runSqlOk("""
            create schema crm;
            create table profiles (id int primary key, name text);
            create table crm.accounts (id int primary key, profile_id int references profiles(id), label text);
            create table posts (id int primary key, profile_id int references profiles(id), title text);
            create table ledger (id int primary key, amount int);
            create table kinds (value text primary key);
            insert into kinds values ('a'), ('b');
            """);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Http.Response query(String body) {
        return f.http.post("/v1/query", body);
    }

    static JsonNode queryOk(String body) {
        Http.Response r = query(body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode table(String schema, String name) {
        for (JsonNode t : f.export().at("/sources/0/tables")) {
            if (t.at("/table/schema").asText().equals(schema) && t.at("/table/name").asText().equals(name)) {
                return t;
            }
        }
        return null;
    }

    @Test
    void trackTableTakesTheTableObjectItselfTheTableKeyOrAName() {
        assertThat(queryOk("{\"type\": \"track_table\", \"args\": {\"schema\": \"public\", \"name\": \"profiles\"}}"))
                .isEqualTo(Json.parse("{\"message\": \"success\"}"));
        assertThat(table("public", "profiles")).isNotNull();
        queryOk("{\"type\": \"add_existing_table_or_view\", \"args\": {\"table\": {\"schema\": \"crm\", \"name\": \"accounts\"}}}");
        assertThat(table("crm", "accounts")).isNotNull();

        queryOk("{\"type\": \"untrack_table\", \"args\": {\"schema\": \"crm\", \"name\": \"accounts\"}}");
        assertThat(table("crm", "accounts")).isNull();
        queryOk("{\"type\": \"track_table\", \"args\": {\"table\": \"kinds\", \"is_enum\": true}}");
        assertThat(table("public", "kinds").path("is_enum").asBoolean()).isTrue();
        queryOk("{\"type\": \"set_table_is_enum\", \"args\": {\"table\": \"kinds\", \"is_enum\": false}}");
        assertThat(table("public", "kinds").has("is_enum")).isFalse();
        queryOk("{\"type\": \"untrack_table\", \"args\": {\"table\": \"kinds\"}}");
        assertThat(table("public", "kinds")).isNull();

        f.refused(() -> query("{\"type\": \"track_table\", \"args\": {\"schema\": \"public\", \"name\": \"profiles\"}}"))
                .expect(400, "already-tracked", "$.args.table", "view/table already tracked: \"profiles\"");
    }

    @Test
    void versionTwoTracksWithConfigurationAndSetsCustomFields() {
        f.runSqlOk("create table v2_things (id int primary key, long_name text)");
        queryOk("""
            {"type": "track_table", "version": 2, "args": {"table": {"schema": "public", "name": "v2_things"},
              "configuration": {"custom_root_fields": {"select": "things"}}}}""");
        assertThat(table("public", "v2_things").at("/configuration/custom_root_fields/select").asText()).isEqualTo("things");
        assertThat(f.gql("{ things { id } }").toString()).isEqualTo("{\"data\":{\"things\":[]}}");

        queryOk("""
            {"type": "set_table_custom_fields", "version": 2, "args": {"table": "v2_things",
              "custom_root_fields": {"select": "allThings"}, "custom_column_names": {"long_name": "longName"}}}""");
        assertThat(table("public", "v2_things").path("configuration")).isEqualTo(Json.parse("""
            {"custom_root_fields": {"select": "allThings"}, "column_config": {"long_name": {"custom_name": "longName"}}}"""));
        assertThat(f.gql("{ allThings { longName } }").toString()).isEqualTo("{\"data\":{\"allThings\":[]}}");

        f.refused(() -> query("{\"type\": \"export_metadata\", \"version\": 2, \"args\": {}}")).expect(400, "parse-failed",
                "$.type", "parsing Hasura.Server.API.Query.RQLQueryV2 failed, expected tag field to be one of "
                        + "[\"track_table\",\"set_table_custom_fields\",\"track_function\"], but found tag \"export_metadata\"");
    }

    @Test
    void relationshipCommandsTakeTheV1Shapes() {
        f.runSqlOk("create table rel_a (id int primary key); create table rel_b (id int primary key, a_id int references rel_a(id))");
        queryOk("""
            {"type": "bulk", "args": [
              {"type": "track_table", "args": {"schema": "public", "name": "rel_a"}},
              {"type": "track_table", "args": {"table": {"schema": "public", "name": "rel_b"}}},
              {"type": "create_object_relationship", "args": {"table": {"schema": "public", "name": "rel_b"},
                "name": "a", "using": {"foreign_key_constraint_on": "a_id"}}},
              {"type": "create_array_relationship", "args": {"table": "rel_a", "name": "bs",
                "using": {"foreign_key_constraint_on": {"table": "rel_b", "column": "a_id"}}}},
              {"type": "rename_relationship", "args": {"table": "rel_a", "name": "bs", "new_name": "children"}},
              {"type": "set_relationship_comment", "args": {"table": "rel_a", "name": "children", "comment": "kids"}}]}""");
        assertThat(table("public", "rel_a").at("/array_relationships/0/name").asText()).isEqualTo("children");
        assertThat(table("public", "rel_a").at("/array_relationships/0/comment").asText()).isEqualTo("kids");
        queryOk("{\"type\": \"drop_relationship\", \"args\": {\"table\": \"rel_b\", \"relationship\": \"a\"}}");
        assertThat(table("public", "rel_b").has("object_relationships")).isFalse();
    }

    @Test
    void permissionFunctionAndComputedFieldCommandsDoWhatTheMetadataApiDoes() {
        String[][] pairs = {
            {"create_select_permission", "pg_create_select_permission",
                "{\"table\": \"ledger\", \"role\": \"user\", \"permission\": {\"columns\": \"*\", \"filter\": {}}}"},
            {"drop_insert_permission", "pg_drop_insert_permission", "{\"table\": \"ledger\", \"role\": \"user\"}"},
            {"set_permission_comment", "pg_set_permission_comment",
                "{\"table\": \"ledger\", \"role\": \"user\", \"type\": \"select\", \"comment\": \"c\"}"},
            {"track_function", "pg_track_function", "{\"schema\": \"public\", \"name\": \"f\"}"},
            {"add_computed_field", "pg_add_computed_field",
                "{\"table\": \"ledger\", \"name\": \"c\", \"definition\": {\"function\": \"f\"}}"},
            {"add_remote_schema_permissions", "add_remote_schema_permissions",
                "{\"remote_schema\": \"nope\", \"role\": \"user\", \"definition\": {\"schema\": \"type Query { a: Int }\"}}"},
        };
        for (String[] pair : pairs) {
            Http.Response viaMetadata = f.metadata("{\"type\": \"" + pair[1] + "\", \"args\": " + pair[2] + "}");
            Http.Response viaQuery = query("{\"type\": \"" + pair[0] + "\", \"args\": " + pair[2] + "}");
            assertThat(viaQuery.status()).as(pair[0] + ": " + viaQuery.body()).isEqualTo(viaMetadata.status());
            assertThat(viaQuery.json().path("code")).as(pair[0]).isEqualTo(viaMetadata.json().path("code"));
            assertThat(viaQuery.json().path("error")).as(pair[0]).isEqualTo(viaMetadata.json().path("error"));
        }
    }

    @Test
    void metadataManagementAndRemoteSchemaCommandsAreServed() {
        assertThat(queryOk("{\"type\": \"export_metadata\", \"args\": {}}").path("version").asInt()).isEqualTo(3);
        assertThat(queryOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
        assertThat(queryOk("{\"type\": \"reload_metadata\", \"args\": {}}").path("message").asText()).isEqualTo("success");
        f.refused(() -> query("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"nope\"}}"))
                .expect(400, "not-exists", "$.args", "no such remote schema");
    }

    @Test
    void runSqlIsServedAndAnswersAsOnV2Query() {
        assertThat(queryOk("{\"type\": \"run_sql\", \"args\": {\"sql\": \"select 1 as one\"}}"))
                .isEqualTo(Json.parse("{\"result_type\": \"TuplesOk\", \"result\": [[\"one\"], [\"1\"]]}"));
    }

    @Test
    void aBulkIsOneTransactionSoASecondItemFailingUndoesTheFirst() {
        f.runSqlOk("create table undone (id int primary key)");
        f.refused(() -> query("""
            {"type": "bulk", "args": [
              {"type": "track_table", "args": {"schema": "public", "name": "undone"}},
              {"type": "track_table", "args": {"schema": "public", "name": "nowhere"}}]}"""));
        assertThat(table("public", "undone")).isNull();

        f.refused(() -> query("""
            {"type": "bulk", "args": [
              {"type": "run_sql", "args": {"sql": "insert into undone values (1); create table undone_too (id int)"}},
              {"type": "insert", "args": {"table": "ledger", "objects": [{"id": 1, "amount": 5}]}},
              {"type": "track_table", "args": {"table": "nowhere"}}]}"""));
        assertThat(f.runSqlOk("select count(*) from undone").at("/result/1/0").asText()).isEqualTo("0");
        assertThat(f.runSqlOk("select to_regclass('undone_too') is null").at("/result/1/0").asText()).isEqualTo("t");
        assertThat(f.runSqlOk("select count(*) from ledger").at("/result/1/0").asText()).isEqualTo("0");

        ApiError error = f.refused(() -> query("""
            {"type": "bulk", "args": [
              {"type": "track_table", "args": {"table": "undone"}},
              {"type": "run_sql", "args": {"sql": "insert into undone values (2)"}},
              {"type": "run_sql", "args": {"sql": "select nope from undone"}}]}"""));
        assertThat(error.path()).isEqualTo("$.args[2].args");
        assertThat(error.code()).isEqualTo("postgres-error");
        assertThat(table("public", "undone")).isNull();
        assertThat(f.runSqlOk("select count(*) from undone").at("/result/1/0").asText()).isEqualTo("0");
    }

    @Test
    void aBulkSeesWhatItsEarlierItemsDid() {
        JsonNode answer = queryOk("""
            {"type": "bulk", "args": [
              {"type": "run_sql", "args": {"sql": "create table fresh (id int primary key, note text)"}},
              {"type": "track_table", "args": {"schema": "public", "name": "fresh"}},
              {"type": "insert", "args": {"table": "fresh", "objects": [{"id": 1, "note": "x"}], "returning": ["id"]}},
              {"type": "count", "args": {"table": "fresh"}}]}""");
        assertThat(answer).isEqualTo(Json.parse("""
            [{"result_type": "CommandOk", "result": null}, {"message": "success"},
             {"affected_rows": 1, "returning": [{"id": 1}]}, {"count": 1}]"""));
        assertThat(f.gql("{ fresh { id note } }").toString()).isEqualTo("{\"data\":{\"fresh\":[{\"id\":1,\"note\":\"x\"}]}}");
    }

    @Test
    void aRenameInABulkIsSeenByTheItemsAfterItAndUndoneWithThem() {
        f.runSqlOk("create table before_rename (id int primary key)");
        queryOk("{\"type\": \"track_table\", \"args\": {\"table\": \"before_rename\"}}");
        f.refused(() -> query("""
            {"type": "bulk", "args": [
              {"type": "run_sql", "args": {"sql": "alter table before_rename rename to after_rename"}},
              {"type": "insert", "args": {"table": "after_rename", "objects": [{"id": 1}]}},
              {"type": "untrack_table", "args": {"table": "nowhere"}}]}"""));
        assertThat(table("public", "before_rename")).isNotNull();
        assertThat(f.runSqlOk("select count(*) from before_rename").at("/result/1/0").asText()).isEqualTo("0");

        JsonNode answer = queryOk("""
            {"type": "bulk", "args": [
              {"type": "run_sql", "args": {"sql": "alter table before_rename rename to after_rename"}},
              {"type": "insert", "args": {"table": "after_rename", "objects": [{"id": 1}]}},
              {"type": "select", "args": {"table": "after_rename", "columns": ["id"]}}]}""");
        assertThat(answer.get(2)).isEqualTo(Json.parse("[{\"id\": 1}]"));
        assertThat(table("public", "before_rename")).isNull();
        assertThat(f.gql("{ after_rename { id } }").toString()).isEqualTo("{\"data\":{\"after_rename\":[{\"id\":1}]}}");
    }

    @Test
    void aBulkOfRunSqlOnV2QueryIsAllOrNothingToo() {
        f.runSqlOk("create table v2_undone (id int primary key)");
        f.refused(() -> f.http.post("/v2/query", """
            {"type": "bulk", "args": [
              {"type": "run_sql", "args": {"sql": "insert into v2_undone values (1)"}},
              {"type": "run_sql", "args": {"sql": "insert into v2_undone values (1)"}}]}"""));
        assertThat(f.runSqlOk("select count(*) from v2_undone").at("/result/1/0").asText()).isEqualTo("0");
    }

    @Test
    void anUnknownTypeIsAParseErrorAndNothingOfTheBulkHappens() {
        f.refused(() -> query("{\"type\": \"track_everything\", \"args\": {}}"))
                .expect(400, "parse-failed", "$.type", unknownMessage("track_everything"));
        f.runSqlOk("create table not_partial (id int primary key)");
        f.refused(() -> query("""
            {"type": "bulk", "args": [
              {"type": "track_table", "args": {"table": "not_partial"}},
              {"type": "pg_track_table", "args": {"table": "not_partial"}}]}"""))
                .expect(400, "parse-failed", "$.args[1].type", unknownMessage("pg_track_table"));
        assertThat(table("public", "not_partial")).isNull();
    }

    private static String unknownMessage(String type) {
        return "parsing Hasura.Server.API.Query.RQLQueryV1 failed, expected tag field to be one of [\"track_table\","
                + "\"set_table_is_enum\",\"track_function\",\"untrack_function\",\"create_object_relationship\","
                + "\"create_array_relationship\",\"drop_relationship\",\"rename_relationship\",\"set_relationship_comment\","
                + "\"add_computed_field\",\"drop_computed_field\",\"create_remote_relationship\",\"update_remote_relationship\","
                + "\"delete_remote_relationship\",\"create_insert_permission\",\"create_select_permission\","
                + "\"create_update_permission\",\"create_delete_permission\",\"drop_insert_permission\","
                + "\"drop_select_permission\",\"drop_update_permission\",\"drop_delete_permission\",\"set_permission_comment\","
                + "\"create_function_permission\",\"drop_function_permission\",\"add_existing_table_or_view\",\"untrack_table\",\"add_remote_schema\",\"remove_remote_schema\","
                + "\"reload_remote_schema\",\"add_remote_schema_permissions\",\"drop_remote_schema_permissions\","
                + "\"replace_metadata\",\"export_metadata\",\"clear_metadata\",\"reload_metadata\","
                + "\"get_inconsistent_metadata\",\"drop_inconsistent_metadata\",\"insert\",\"select\",\"update\",\"delete\","
                + "\"count\",\"bulk\",\"run_sql\"], but found tag \"" + type + "\"";
    }
}
