package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bulk (all or nothing, errors pointing into the array) and resource_version (optimistic concurrency). */
class BulkAndResourceVersionTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("bulk");
        f.runSqlOk("""
            create table a (id int primary key);
            create table b (id int primary key, a_id int references a(id));
            create table c (id int primary key);
            create table d (id int primary key);
            create table e (id int primary key);
            create table kept_going (id int primary key);
            """);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static long version() {
        return f.exportWithVersion().path("resource_version").asLong();
    }

    @Test
    void bulkRunsEachCommandInOrderAndAnswersWithEveryResult() {
        long before = version();
        JsonNode answer = f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "a"}},
              {"type": "pg_track_table", "args": {"table": "b"}},
              {"type": "pg_create_object_relationship", "args": {"table": "b", "name": "a",
                "using": {"foreign_key_constraint_on": "a_id"}}},
              {"type": "export_metadata", "version": 2, "args": {}}]}""");

        assertThat(answer).hasSize(4);
        for (int i = 0; i < 3; i++) {
            assertThat(answer.get(i)).isEqualTo(Json.parse("{\"message\": \"success\"}"));
        }
        assertThat(answer.get(3).at("/metadata/sources/0/tables").findValuesAsText("name")).contains("a", "b");
        assertThat(version()).as("one bulk is one change").isEqualTo(before + 1);
    }

    @Test
    void aFailingThirdCommandLeavesEverythingUnchanged() {
        f.refused("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "c"}},
              {"type": "pg_track_table", "args": {"table": "d"}},
              {"type": "pg_track_table", "args": {"table": "not_there"}}]}""")
                .expect(400, "invalid-configuration", "$.args[2].args",
                        "Inconsistent object: no such table/view exists in source: \"not_there\"");

        f.refused("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "c"}},
              {"type": "pg_track_table", "args": {"table": "d"}},
              {"type": "pg_track_table", "args": {"table": 42}}]}""")
                .expect(400, "parse-failed", "$.args[2].args.table", "expected Object, but encountered Number");

        f.refused("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "c"}},
              {"type": "bulk", "args": [{"type": "pg_track_table", "args": {}}]}]}""")
                .expect(400, "parse-failed", "$.args[1].args[0].args", "the key 'table' was not present");

        f.refused("""
            {"type": "bulk", "args": [{"type": "pg_track_table", "args": {"table": "c"}}, {"type": "pg_nope", "args": {}}]}""")
                .expect(400, "parse-failed", "$.args[1]", "unknown metadata command \"nope\" for backend postgres");
    }

    @Test
    void theCurrentResourceVersionIsAcceptedAndAStaleOneIsAConflict() {
        long current = version();
        f.metadataOk("""
            {"type": "pg_track_table", "resource_version": %d, "args": {"table": "e"}}""".formatted(current));
        assertThat(version()).isEqualTo(current + 1);

        f.refused("""
            {"type": "pg_untrack_table", "resource_version": %d, "args": {"table": "e"}}""".formatted(current))
                .expect(409, "conflict", "$",
                        "metadata resource version referenced (" + current + ") did not match current version");
        f.refused("""
            {"type": "bulk", "resource_version": %d, "args": [{"type": "pg_untrack_table", "args": {"table": "e"}}]}
            """.formatted(current))
                .expect(409, "conflict", "$",
                        "metadata resource version referenced (" + current + ") did not match current version");
    }

    @Test
    void readingCommandsDoNotChangeTheResourceVersion() {
        long before = version();
        f.export();
        f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
        f.metadataOk("{\"type\": \"bulk\", \"args\": [{\"type\": \"export_metadata\", \"args\": {}}]}");
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void bulkKeepGoingAnswersAFailingCommandWithItsErrorAndAppliesTheOthers() {
        JsonNode answer = f.metadataOk("""
            {"type": "bulk_keep_going", "args": [
              {"type": "pg_track_table", "args": {"table": "nowhere"}},
              {"type": "pg_track_table", "args": {"table": "kept_going"}}]}""");

        assertThat(answer.get(0).path("code").asText()).isEqualTo("invalid-configuration");
        assertThat(answer.get(0).path("path").asText()).isEqualTo("$.args[0].args");
        assertThat(answer.get(1)).isEqualTo(Json.parse("{\"message\": \"success\"}"));
        assertThat(f.export().at("/sources/0/tables").findValuesAsText("name")).contains("kept_going").doesNotContain("nowhere");
    }
}
