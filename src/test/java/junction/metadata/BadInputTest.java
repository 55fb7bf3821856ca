package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests that cannot be run: each gets Hasura's error (status, code, path, message) and changes
 * neither the metadata nor its resource version.
 */
class BadInputTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("bad_input");
        f.runSqlOk("create table things (id int primary key, name text)");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"things\"}}");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aBodyThatIsNotJsonIsInvalidJson() {
        ApiError error = f.refused("{\"type\": \"pg_track_table\", ");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("invalid-json");
        assertThat(error.path()).isEqualTo("$");
        assertThat(error.error()).startsWith("Error in $: ");

        assertThat(f.refused("").code()).isEqualTo("invalid-json");
        assertThat(f.refused("{} trailing").code()).isEqualTo("invalid-json");
    }

    @Test
    void aRequestThatIsNotAnObjectOrHasNoTypeIsRefused() {
        f.refused("[1, 2]").expect(400, "parse-failed", "$", "expected Object, but encountered Array");
        f.refused("{\"args\": {}}").expect(400, "parse-failed", "$", "the key 'type' was not present");
        f.refused("{\"type\": 7, \"args\": {}}").expect(400, "parse-failed", "$.type", "expected String, but encountered Number");
    }

    @Test
    void anUnknownTypeIsRefusedWithHasurasMessage() {
        f.refused("{\"type\": \"track_table\", \"args\": {\"table\": \"things\"}}")
                .expect(400, "parse-failed", "$",
                        "unknown metadata command \"track_table\"; \"track\" was not recognized as a valid backend name");
        f.refused("{\"type\": \"pg_track_everything\", \"args\": {}}")
                .expect(400, "parse-failed", "$", "unknown metadata command \"track_everything\" for backend postgres");
    }

    @Test
    void missingOrWronglyTypedArgsPointAtTheOffendingKey() {
        f.refused("{\"type\": \"pg_track_table\", \"args\": {}}")
                .expect(400, "parse-failed", "$.args", "the key 'table' was not present");
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": 42}}")
                .expect(400, "parse-failed", "$.args.table", "expected Object, but encountered Number");
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": {\"schema\": \"public\"}}}")
                .expect(400, "parse-failed", "$.args.table", "the key 'name' was not present");
        f.refused("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"things\", \"cascade\": \"yes\"}}")
                .expect(400, "parse-failed", "$.args.cascade", "expected Boolean, but encountered String");
        f.refused("{\"type\": \"pg_track_table\", \"args\": \"things\"}")
                .expect(400, "parse-failed", "$.args", "expected Object, but encountered String");
        f.refused("{\"type\": \"pg_track_table\", \"resource_version\": \"1\", \"args\": {\"table\": \"x\"}}")
                .expect(400, "parse-failed", "$.resource_version", "expected Int, but encountered String");
        f.refused("""
            {"type": "pg_create_object_relationship", "args": {"table": "things", "name": "x", "using": {}}}""")
                .expect(400, "parse-failed", "$.args.using",
                        "expected one of the keys 'foreign_key_constraint_on' or 'manual_configuration'");
    }

    @Test
    void unknownSourcesTablesAndColumnsAreRefused() {
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"source\": \"nope\", \"table\": \"things\"}}")
                .expect(400, "not-exists", "$.args.source", "source with name \"nope\" does not exist");
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"nope\"}}")
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: no such table/view exists in source: \"nope\"");
        f.refused("""
            {"type": "pg_set_table_customization", "args": {"table": "things",
              "configuration": {"column_config": {"nope": {"custom_name": "n"}}}}}""")
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: configuration was given for the column \"nope\", but no such column exists");
    }

    @Test
    void trackingTwiceAndRelationshipsNamedLikeColumnsAreRefused() {
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"things\"}}")
                .expect(400, "already-tracked", "$.args.table", "view/table already tracked: \"things\"");
        f.refused("""
            {"type": "pg_create_array_relationship", "args": {"table": "things", "name": "name",
              "using": {"manual_configuration": {"remote_table": "things", "column_mapping": {"id": "id"}}}}}""")
                .expect(400, "already-exists", "$.args.name", "field with name \"name\" already exists in table \"things\"");
        f.refused("""
            {"type": "pg_create_object_relationship", "args": {"table": "things", "name": "self",
              "using": {"foreign_key_constraint_on": "name"}}}""")
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: in table \"things\": in relationship \"self\": no foreign constraint exists on the given column(s)");
    }

    @Test
    void aReplacedDocumentThatDoesNotParseIsRefused() {
        f.refused("{\"type\": \"replace_metadata\", \"args\": {\"version\": 3, \"sources\": {}}}")
                .expect(400, "parse-failed", "$.args.sources", "expected Array, but encountered Object");
        f.refused("""
            {"type": "replace_metadata", "args": {"version": 3, "sources": [{"name": "default", "kind": "postgres",
              "configuration": {"connection_info": {"database_url": "postgres://x"}}, "tables": [{"is_enum": false}]}]}}""")
                .expect(400, "parse-failed", "$.args.sources[0].tables[0]", "the key 'table' was not present");
        f.refused("{\"type\": \"replace_metadata\", \"args\": {\"version\": 4, \"sources\": []}}")
                .expect(400, "parse-failed", "$.args.version", "only metadata version 3 is supported, found 4");
        f.refused("""
            {"type": "replace_metadata", "version": 2, "args": {"allow_inconsistent_metadata": true,
              "metadata": {"version": 3, "sources": [{"name": "default"}]}}}""")
                .expect(400, "parse-failed", "$.args.metadata.sources[0]", "the key 'configuration' was not present");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413() {
        try (EngineFixture small = EngineFixture.on(f.databaseUrl, c -> c.withMaxBodyBytes(1024))) {
            String padding = "x".repeat(2000);
            Http.Response response = small.metadata("{\"type\": \"export_metadata\", \"args\": {}, \"pad\": \"" + padding + "\"}");

            ApiError.of(response).expect(413, "bad-request", "$", "request body is larger than the limit of 1024 bytes");
            assertThat(small.metadata("{\"type\": \"export_metadata\", \"args\": {}}").status()).isEqualTo(200);
            assertThat(small.runSql("select '" + padding + "'").status()).isEqualTo(413);
        }
    }

    @Test
    void aNonAdminRoleIsRestrictedEvenWithoutAnAdminSecret() {
        f.refused(() -> f.http.post("/v1/metadata", "{\"type\": \"clear_metadata\", \"args\": {}}",
                        java.util.Map.of("x-hasura-role", "user")))
                .expect(400, "access-denied", "$.args", "restricted access : admin only");
    }
}
