package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pg_track_table, pg_track_tables, pg_untrack_table, pg_set_table_customization over HTTP. */
class TablesTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("tables");
        f.runSqlOk("""
            create table configured (id int primary key, user_id int, title text);
            create table once (id int primary key);
            create table many_a (id int primary key);
            create table many_b (id int primary key);
            create table many_c (id int primary key);
            create table once_more (id int primary key);
            create table writers (id int primary key, name text);
            create table posts (id int primary key, writer_id int references writers(id));
            create table customized (id int primary key, label text);
            create table owners (id int primary key);
            create table clashing (id int primary key, owner_id int references owners(id));
            create schema sales;
            create table sales.orders (id int primary key);
            """);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonNode table(String name) {
        for (JsonNode t : f.export().at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals(name)) {
                return t;
            }
        }
        return null;
    }

    static void track(String table) {
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"" + table + "\"}}");
    }

    @Test
    void aTableIsTrackedWithItsConfigurationAsGiven() {
        f.metadataOk("""
            {"type": "pg_track_table", "args": {"source": "default", "table": {"schema": "public", "name": "configured"},
              "configuration": {"custom_name": "entry", "comment": "all entries",
                "custom_root_fields": {"select": "entries", "select_by_pk": {"name": "entry", "comment": "one"}},
                "column_config": {"user_id": {"custom_name": "userId", "comment": "owner"}}}}}""");

        assertThat(table("configured").path("configuration")).isEqualTo(Json.parse("""
            {"comment": "all entries", "custom_name": "entry",
             "custom_root_fields": {"select": "entries", "select_by_pk": {"name": "entry", "comment": "one"}},
             "column_config": {"user_id": {"custom_name": "userId", "comment": "owner"}}}"""));
    }

    @Test
    void trackingATableTwiceFailsAndChangesNothing() {
        track("once");
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"once\"}}")
                .expect(400, "already-tracked", "$.args.table", "view/table already tracked: \"once\"");
    }

    @Test
    void trackingATableTheDatabaseDoesNotHaveFailsAndChangesNothing() {
        var error = f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": {\"schema\": \"sales\", \"name\": \"nope\"}}}")
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: no such table/view exists in source: \"sales.nope\"");
        assertThat(error.internal().get(0).path("name").asText()).isEqualTo("table sales.nope in source default");
        assertThat(error.internal().get(0).path("type").asText()).isEqualTo("table");
    }

    @Test
    void configurationForAColumnTheTableDoesNotHaveIsRefused() {
        f.refused("""
            {"type": "pg_track_table", "args": {"table": "many_c",
              "configuration": {"column_config": {"nope": {"custom_name": "x"}}}}}""")
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: configuration was given for the column \"nope\", but no such column exists");
    }

    @Test
    void aTableOutsidePublicIsNamedWithItsSchema() {
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": {\"schema\": \"sales\", \"name\": \"orders\"}}}");
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": {\"schema\": \"sales\", \"name\": \"orders\"}}}")
                .expect(400, "already-tracked", "$.args.table", "view/table already tracked: \"sales.orders\"");
    }

    @Test
    void trackTablesTracksWhatItCanAndWarnsAboutTheRest() {
        track("once_more");
        JsonNode answer = f.metadataOk("""
            {"type": "pg_track_tables", "args": {"tables": [
              {"table": "many_a"}, {"table": "missing_table"}, {"table": "many_b", "configuration": {"custom_name": "b"}},
              {"table": "once_more"}]}}""");

        assertThat(answer.path("message").asText()).isEqualTo("success");
        assertThat(answer.path("warnings")).isEqualTo(Json.parse("""
            [{"code": "track-table-failed", "message": "view/table already tracked: \\"once_more\\"",
              "name": "table once_more in source default", "type": "table"},
             {"code": "track-table-failed",
              "message": "Inconsistent object: no such table/view exists in source: \\"missing_table\\"",
              "name": "table missing_table in source default", "type": "table"}]"""));
        assertThat(table("many_a")).isNotNull();
        assertThat(table("many_b").at("/configuration/custom_name").asText()).isEqualTo("b");
        assertThat(table("missing_table")).isNull();
    }

    @Test
    void trackTablesFailsWhenNoTableCanBeTrackedOrWarningsAreNotAllowed() {
        f.refused("""
            {"type": "pg_track_tables", "args": {"tables": [{"table": "missing_1"}, {"table": "missing_2"}]}}""")
                .expect(400, "invalid-configuration", "$.args", "all tables failed to track");
        f.refused("""
            {"type": "pg_track_tables", "args": {"allow_warnings": false, "tables": [{"table": "many_c"}, {"table": "missing_1"}]}}""")
                .expect(400, "metadata-warnings", "$.args", "failed due to metadata warnings");
        f.refused("""
            {"type": "pg_track_tables", "args": {"tables": [{"table": "missing_1"}, {"table": "missing_1"}]}}""")
                .expect(400, "bad-request", "$.args.tables",
                        "The following tables occur more than once in the request: default.missing_1");
    }

    @Test
    void untrackingATableOthersDependOnFailsWithoutCascadeAndRemovesThemWithIt() {
        track("writers");
        track("posts");
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_create_object_relationship", "args": {"table": "posts", "name": "writer",
                "using": {"foreign_key_constraint_on": "writer_id"}}},
              {"type": "pg_create_array_relationship", "args": {"table": "writers", "name": "posts",
                "using": {"foreign_key_constraint_on": {"table": "posts", "columns": ["writer_id"]}}}}]}""");

        var error = f.refused("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"writers\"}}")
                .expect(400, "dependency-error", "$.args",
                        "cannot drop due to the following dependent objects: relationship posts.writer in source \"default\"");
        assertThat(error.internal()).isNull();

        f.metadataOk("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"writers\", \"cascade\": true}}");
        assertThat(table("writers")).isNull();
        assertThat(table("posts").has("object_relationships")).isFalse();
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
    }

    @Test
    void untrackingATableThatIsNotTrackedFailsAndChangesNothing() {
        f.refused("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"many_a_never\"}}")
                .expect(400, "already-untracked", "$.args.table", "view/table already untracked: \"many_a_never\"");
    }

    @Test
    void settingTheCustomizationReplacesTheWholeConfiguration() {
        f.metadataOk("""
            {"type": "pg_track_table", "args": {"table": "customized",
              "configuration": {"custom_name": "first", "column_config": {"label": {"custom_name": "title"}}}}}""");
        f.metadataOk("""
            {"type": "pg_set_table_customization", "args": {"table": "customized",
              "configuration": {"custom_root_fields": {"select": "allCustomized"}}}}""");

        assertThat(table("customized").path("configuration")).isEqualTo(Json.parse("""
            {"custom_root_fields": {"select": "allCustomized"}, "column_config": {}}"""));
        f.refused("""
            {"type": "pg_set_table_customization", "args": {"table": "customized"}}""")
                .expect(400, "parse-failed", "$.args", "the key 'configuration' was not present");
        f.refused("""
            {"type": "pg_set_table_customization", "args": {"table": "many_a_never", "configuration": {}}}""")
                .expect(400, "not-exists", "$.args.table", "table \"many_a_never\" does not exist in source: default");
    }

    @Test
    void aCustomizationThatBreaksARelationshipOfTheTableIsRefused() {
        track("owners");
        track("clashing");
        f.metadataOk("""
            {"type": "pg_create_object_relationship", "args": {"table": "clashing", "name": "owner",
              "using": {"foreign_key_constraint_on": "owner_id"}}}""");

        var error = f.refused("""
            {"type": "pg_set_table_customization", "args": {"table": "clashing",
              "configuration": {"column_config": {"id": {"custom_name": "owner"}}}}}""")
                .expect(400, "unexpected", "$.args", "cannot continue due to new inconsistent metadata");
        assertThat(error.internal().get(0).path("reason").asText())
                .isEqualTo("Inconsistent object: field definition conflicts with custom field name for postgres column \"id\"");
    }
}
