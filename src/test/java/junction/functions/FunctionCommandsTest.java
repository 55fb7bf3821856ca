package junction.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pg_track_function and its companions over HTTP: what they store, Hasura's refusals (which change
 * nothing), functions that do not fit reported as inconsistent, the legacy /v1/query names, and
 * run_sql dropping, renaming, overloading or making VOLATILE a tracked function.
 */
class FunctionCommandsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("function_commands");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void fresh() {
        f.runSqlOk("drop schema if exists public cascade; create schema public;");
        f.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
        f.runSqlOk("""
            create table article (id int primary key, title text not null);
            create table note (id int primary key);
            create function search(q text) returns setof article language sql stable
              as $$ select * from article where title ilike q $$;
            create function twice(x int) returns setof article language sql stable as $$ select * from article $$;
            create function twice(x text) returns setof article language sql stable as $$ select * from article $$;
            create function count_all() returns int language sql stable as $$ select 1 $$;
            create function bump() returns setof article language sql volatile as $$ select * from article $$;
            create function notes() returns setof note language sql stable as $$ select * from note $$;
            """);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"article\"}}");
    }

    static String track(String function) {
        return "{\"type\": \"pg_track_function\", \"args\": {\"function\": " + function + "}}";
    }

    @Test
    void aTrackedFunctionIsExportedAsHasuraWritesIt() {
        f.metadataOk("""
            {"type": "pg_track_function", "args": {"source": "default", "function": {"schema": "public", "name": "search"},
              "configuration": {"custom_name": "find", "custom_root_fields": {"function_aggregate": "find_stats"}},
              "comment": "finds articles"}}""");
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "article", "role": "user",
              "permission": {"columns": ["id"], "filter": {}}}}""");
        f.metadataOk("{\"type\": \"pg_create_function_permission\", \"args\": {\"function\": \"search\", \"role\": \"user\"}}");
        assertThat(f.export().at("/sources/0/functions")).isEqualTo(Json.parse("""
            [{"function": {"name": "search", "schema": "public"},
              "configuration": {"custom_name": "find", "custom_root_fields": {"function_aggregate": "find_stats"}},
              "permissions": [{"role": "user"}], "comment": "finds articles"}]"""));
        assertThat(f.gql("{ find(args: {q: \"%\"}) { id } find_stats(args: {q: \"%\"}) { aggregate { count } } }")
                .at("/data/find_stats/aggregate/count").asInt()).isZero();
        f.metadataOk("""
            {"type": "pg_set_function_customization", "args": {"function": "search",
              "configuration": {"custom_root_fields": {"function": "lookup"}}}}""");
        assertThat(f.gql("{ lookup(args: {q: \"%\"}) { id } search_aggregate(args: {q: \"%\"}) { aggregate { count } } }")
                .has("errors")).isFalse();
        f.metadataOk("{\"type\": \"pg_untrack_function\", \"args\": {\"source\": \"default\", \"function\": \"search\"}}");
        assertThat(f.export().at("/sources/0").has("functions")).isFalse();
    }

    @Test
    void aFunctionThatDoesNotFitIsRefusedWithItsReason() {
        f.refused(track("\"nope\"")).expect(400, "invalid-configuration", "$.args",
                "Inconsistent object: in function \"nope\": no such function exists: \"nope\"");
        f.refused(track("\"twice\"")).expect(400, "invalid-configuration", "$.args",
                "Inconsistent object: in function \"twice\": function \"twice\" is overloaded. Overloaded functions are not supported");
        f.refused(track("\"count_all\"")).expect(400, "invalid-configuration", "$.args",
                "Inconsistent object: in function \"count_all\": the function \"count_all\" cannot be tracked for the following reasons:\n"
                        + " • the function does not return a \"COMPOSITE\" type\n • the function does not return a table\n");
        f.refused(track("\"notes\"")).expect(400, "invalid-configuration", "$.args",
                "Inconsistent object: table \"note\" is not tracked");
        f.refused("""
            {"type": "pg_track_function", "args": {"function": "search", "configuration": {"exposed_as": "mutation"}}}""")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: in function \"search\": the function \"search\" "
                        + "cannot be tracked because the function was requested to be exposed as a mutation, but is not marked "
                        + "VOLATILE. Maybe the function was given the wrong volatility when it was defined?");
        f.refused("""
            {"type": "pg_track_function", "args": {"function": "search", "configuration": {"session_argument": "q"}}}""")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: in function \"search\": the function \"search\" "
                        + "cannot be tracked because given session argument \"q\" is not of type json");
        f.refused("""
            {"type": "pg_track_function", "args": {"function": "search", "configuration": {"custom_name": "not-a-name"}}}""")
                .expect(400, "parse-failed", "$.args.configuration.custom_name", "not-a-name is not valid GraphQL name");
    }

    @Test
    void trackingTwiceAndUnknownFunctionsOrPermissionsAreRefused() {
        f.metadataOk(track("\"search\""));
        f.refused(track("\"search\"")).expect(400, "already-tracked", "$.args", "function already tracked: \"search\"");
        f.refused("{\"type\": \"pg_untrack_function\", \"args\": {\"function\": \"bump\"}}")
                .expect(400, "not-exists", "$.args", "function \"bump\" not found in the cache");
        f.refused("{\"type\": \"pg_create_function_permission\", \"args\": {\"function\": \"search\", \"role\": \"user\"}}")
                .expect(400, "not-supported", "$.args", "function permission can only be added when the function's return "
                        + "table \"article\" has select permission configured for role: \"user\"");
        f.refused("{\"type\": \"pg_drop_function_permission\", \"args\": {\"function\": \"search\", \"role\": \"user\"}}")
                .expect(400, "not-exists", "$.args", "permission of role \"user\" does not exist for function \"search\" in source: \"default\"");
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "article", "role": "user",
              "permission": {"columns": ["id"], "filter": {}}}}""");
        f.metadataOk("{\"type\": \"pg_create_function_permission\", \"args\": {\"function\": \"search\", \"role\": \"user\"}}");
        f.refused("{\"type\": \"pg_create_function_permission\", \"args\": {\"function\": \"search\", \"role\": \"user\"}}")
                .expect(400, "already-exists", "$.args", "permission of role \"user\" already exists for function \"search\" in source: \"default\"");
    }

    @Test
    void replaceMetadataReportsAFunctionThatDoesNotExist() {
        JsonNode metadata = f.export();
        ((com.fasterxml.jackson.databind.node.ObjectNode) metadata.at("/sources/0")).set("functions",
                Json.parse("[{\"function\": {\"schema\": \"public\", \"name\": \"missing\"}}]"));
        var error = f.refused(Json.write(Json.object().put("type", "replace_metadata").set("args", metadata)));
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("cannot continue due to inconsistent metadata");
        assertThat(error.internal()).isEqualTo(Json.parse("""
            [{"definition": {"name": "missing", "schema": "public"}, "name": "function missing in source default",
              "reason": "Inconsistent object: in function \\"missing\\": no such function exists: \\"missing\\"", "type": "function"}]"""));
        var allowed = f.metadataOk(Json.write(Json.object().put("type", "replace_metadata").put("version", 2)
                .set("args", Json.object().put("allow_inconsistent_metadata", true).set("metadata", metadata))));
        assertThat(allowed.at("/inconsistent_objects/0/type").asText()).isEqualTo("function");
        assertThat(f.gql("{ article { id } }").has("errors")).isFalse();
        f.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}");
        assertThat(f.export().at("/sources/0").has("functions")).isFalse();
    }

    @Test
    void untrackingTheReturnTableNeedsCascade() {
        f.metadataOk(track("\"search\""));
        f.refused("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"article\"}}").expect(400, "dependency-error", "$.args",
                "cannot drop due to the following dependent objects: function search in source \"default\"");
        f.metadataOk("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"article\", \"cascade\": true}}");
        assertThat(f.export().at("/sources/0").has("functions")).isFalse();
    }

    @Test
    void theLegacyQueryApiTracksAndUntracksFunctions() {
        f.http.post("/v1/query", "{\"type\": \"track_function\", \"args\": {\"schema\": \"public\", \"name\": \"search\"}}");
        assertThat(f.export().at("/sources/0/functions/0/function/name").asText()).isEqualTo("search");
        var v2 = f.http.post("/v1/query", """
            {"type": "track_function", "version": 2, "args": {"function": "bump", "configuration": {"exposed_as": "mutation"}}}""");
        assertThat(v2.status()).as(v2.body()).isEqualTo(200);
        var untrack = f.http.post("/v1/query", "{\"type\": \"untrack_function\", \"args\": {\"schema\": \"public\", \"name\": \"search\"}}");
        assertThat(untrack.status()).as(untrack.body()).isEqualTo(200);
        assertThat(f.export().at("/sources/0/functions").size()).isEqualTo(1);
        assertThat(f.gql("mutation { bump { id } }").has("errors")).isFalse();
    }

    @Test
    void runSqlCarriesDropsAndRenamesOfTrackedFunctions() {
        f.metadataOk(track("\"search\""));
        f.runSqlOk("alter function search(text) rename to find");
        assertThat(f.export().at("/sources/0/functions/0/function/name").asText()).isEqualTo("find");
        assertThat(f.gql("{ find(args: {q: \"%\"}) { id } }").has("errors")).isFalse();
        f.runSqlOk("create or replace function find(q text) returns setof article language sql stable as $$ select * from article $$");
        assertThat(f.export().at("/sources/0/functions/0/function/name").asText()).isEqualTo("find");
        f.runSqlOk("drop function find(text)");
        assertThat(f.export().at("/sources/0").has("functions")).isFalse();
    }

    @Test
    void runSqlMayNotOverloadATrackedFunctionOrMakeItVolatile() {
        f.metadataOk(track("\"search\""));
        f.refused(() -> f.runSql("create function search(q int) returns setof article language sql stable as $$ select * from article $$"))
                .expect(400, "not-supported", "$.args", "the following tracked function(s) cannot be overloaded: search");
        f.refused(() -> f.runSql("alter function search(text) volatile"))
                .expect(400, "not-supported", "$.args", "type of function \"search\" is altered to \"VOLATILE\" which is not supported now");
        assertThat(f.runSqlOk("select provolatile::text from pg_proc where proname = 'search'").at("/result/1/0").asText())
                .isEqualTo("s");
    }

    @Test
    void aRootFieldDefinedTwiceIsRefusedAsHasuraDoes() {
        f.refused("""
            {"type": "pg_track_function", "args": {"function": "search", "configuration": {"custom_name": "article"}}}""")
                .expect(400, "unexpected", "$.args", "Encountered conflicting definitions in the selection set for 'query_root'"
                        + " for field 'article' defined in [table public.article in source default, function public.search in"
                        + " source default]. Fields must not be defined more than once across all sources.");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"note\"}}");
        f.refused("""
            {"type": "pg_set_table_customization", "args": {"table": "note",
              "configuration": {"custom_root_fields": {"insert_one": "insert_article_one"}}}}""")
                .expect(400, "unexpected", "$.args", "Encountered conflicting definitions in the selection set for 'mutation_root'"
                        + " for field 'insert_article_one' defined in [table public.article in source default, table public.note in"
                        + " source default]. Fields must not be defined more than once across all sources.");
        f.metadataOk("""
            {"type": "pg_track_function", "args": {"function": "search", "configuration": {"custom_name": "find_article"}}}""");
        assertThat(f.gql("{ find_article(args: {q: \"%\"}) { id } }").has("errors")).isFalse();
    }
}
