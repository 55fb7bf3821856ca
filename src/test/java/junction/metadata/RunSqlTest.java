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

/** run_sql on /v2/query: answers, errors, and how DDL is carried into metadata. */
class RunSqlTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("run_sql");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static void metadata(String body) {
        f.metadataOk(body);
    }

    static JsonNode table(String name) {
        for (JsonNode t : f.export().at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals(name)) {
                return t;
            }
        }
        return null;
    }

    static long version() {
        return f.exportWithVersion().path("resource_version").asLong();
    }

    /** Two tracked tables with an object relationship each way of the foreign key. */
    static void authorsAndArticles(String authors, String articles) {
        f.runSqlOk("""
            create table %1$s (id int primary key, name text);
            create table %2$s (id int primary key, title text, author_id int references %1$s(id));
            """.formatted(authors, articles));
        metadata("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "%1$s"}},
              {"type": "pg_track_table", "args": {"table": "%2$s",
                "configuration": {"column_config": {"author_id": {"custom_name": "authorId"}}}}},
              {"type": "pg_create_object_relationship", "args": {"table": "%2$s", "name": "author",
                "using": {"foreign_key_constraint_on": "author_id"}}},
              {"type": "pg_create_array_relationship", "args": {"table": "%1$s", "name": "articles",
                "using": {"foreign_key_constraint_on": {"table": "%2$s", "column": "author_id"}}}}]}
            """.formatted(authors, articles));
    }

    @Test
    void rowsComeBackAsStringsUnderAHeaderRow() {
        assertThat(f.runSqlOk("select 1 as n, 'a'::text as s, null::int as z, true as b, 2.50::numeric as d"))
                .isEqualTo(Json.parse("""
                    {"result_type": "TuplesOk", "result": [["n", "s", "z", "b", "d"], ["1", "a", null, "t", "2.50"]]}"""));
        assertThat(f.runSqlOk("select 1 where false"))
                .isEqualTo(Json.parse("{\"result_type\": \"TuplesOk\", \"result\": [[\"?column?\"]]}"));
    }

    @Test
    void aCommandAnswersCommandOkAndOnlyTheLastStatementIsAnswered() {
        assertThat(f.runSqlOk("create table plain (id int)"))
                .isEqualTo(Json.parse("{\"result_type\": \"CommandOk\", \"result\": null}"));
        assertThat(f.runSqlOk("select 1; insert into plain values (1); select count(*) as rows from plain"))
                .isEqualTo(Json.parse("{\"result_type\": \"TuplesOk\", \"result\": [[\"rows\"], [\"1\"]]}"));
        assertThat(f.runSqlOk("select 1; insert into plain values (2)"))
                .isEqualTo(Json.parse("{\"result_type\": \"CommandOk\", \"result\": null}"));
    }

    @Test
    void readOnlyRefusesWritesAndAllowsReads() {
        f.runSqlOk("create table guarded (id int)");
        ApiError error = ApiError.of(f.runSqlWith("{\"sql\": \"insert into guarded values (1)\", \"read_only\": true}"));
        error.expect(400, "postgres-error", "$", "query execution failed");
        assertThat(error.internal().at("/error/status_code").asText()).isEqualTo("25006");

        assertThat(f.runSqlWith("{\"sql\": \"select count(*) from guarded\", \"read_only\": true}").json())
                .isEqualTo(Json.parse("{\"result_type\": \"TuplesOk\", \"result\": [[\"count\"], [\"0\"]]}"));
    }

    @Test
    void anSqlErrorIsAPostgresErrorAndRollsEverythingBack() {
        ApiError error = ApiError.of(f.runSql("create table half_done (id int); select * from nowhere"))
                .expect(400, "postgres-error", "$", "query execution failed");
        assertThat(error.internal().at("/error/status_code").asText()).isEqualTo("42P01");
        assertThat(error.internal().at("/error/message").asText()).isEqualTo("relation \"nowhere\" does not exist");
        assertThat(error.internal().path("statement").asText()).isEqualTo("create table half_done (id int); select * from nowhere");

        assertThat(f.runSqlOk("select to_regclass('half_done') is null as gone").at("/result/1/0").asText()).isEqualTo("t");
    }

    @Test
    void aTableCreatedBySqlCanBeTrackedAtOnce() {
        f.runSqlOk("create table fresh (id int primary key)");
        metadata("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"fresh\"}}");
        assertThat(table("fresh")).isNotNull();
    }

    @Test
    void droppingWhatARelationshipNeedsIsADependencyErrorAndRollsBack() {
        authorsAndArticles("dep_authors", "dep_articles");
        long version = version();

        f.refused(() -> f.runSql("alter table dep_articles drop column author_id"))
                .expect(400, "dependency-error", "$.args", "cannot drop due to the following dependent objects: "
                        + "relationship dep_articles.author in source \"default\", "
                        + "relationship dep_authors.articles in source \"default\"");
        f.refused(() -> f.runSql("drop table dep_authors cascade"))
                .expect(400, "dependency-error", "$.args", "cannot drop due to the following dependent objects: "
                        + "relationship dep_articles.author in source \"default\"");

        assertThat(f.runSqlOk("select count(*) from dep_authors, dep_articles where author_id is null").path("result_type")
                .asText()).isEqualTo("TuplesOk");
        assertThat(version()).isEqualTo(version);
    }

    @Test
    void cascadeDropsAndRemovesTheDependentMetadata() {
        authorsAndArticles("cas_authors", "cas_articles");

        f.runSqlWith("{\"sql\": \"alter table cas_articles drop column author_id\", \"cascade\": true}");
        JsonNode articles = table("cas_articles");
        assertThat(articles.has("object_relationships")).isFalse();
        assertThat(articles.has("configuration")).as("column config of the dropped column goes too").isFalse();
        assertThat(table("cas_authors").has("array_relationships")).isFalse();

        f.runSqlWith("{\"sql\": \"drop table cas_authors\", \"cascade\": true}");
        assertThat(table("cas_authors")).isNull();
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
    }

    @Test
    void droppingATrackedTableRemovesItFromMetadataWithoutCascade() {
        f.runSqlOk("create table lonely (id int primary key)");
        metadata("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"lonely\"}}");

        f.runSqlOk("drop table lonely");

        assertThat(table("lonely")).isNull();
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
    }

    @Test
    void renamedTablesAndColumnsAreRenamedInMetadata() {
        authorsAndArticles("ren_authors", "ren_articles");
        f.runSqlOk("create table ren_notes (id int primary key, author_ref int)");
        metadata("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "ren_notes"}},
              {"type": "pg_create_object_relationship", "args": {"table": "ren_notes", "name": "author",
                "using": {"manual_configuration": {"remote_table": "ren_authors", "column_mapping": {"author_ref": "id"}}}}}]}""");

        f.runSqlOk("alter table ren_authors rename to ren_writers");
        f.runSqlOk("alter table ren_articles rename to ren_posts");
        f.runSqlOk("alter table ren_posts rename column author_id to writer_id; alter table ren_writers rename column id to writer_key");

        assertThat(table("ren_authors")).isNull();
        assertThat(table("ren_articles")).isNull();
        JsonNode posts = table("ren_posts");
        assertThat(posts.at("/object_relationships/0/using")).isEqualTo(Json.parse("{\"foreign_key_constraint_on\": \"writer_id\"}"));
        assertThat(posts.at("/configuration/column_config")).isEqualTo(Json.parse("{\"writer_id\": {\"custom_name\": \"authorId\"}}"));
        assertThat(table("ren_writers").at("/array_relationships/0/using")).isEqualTo(Json.parse(
                "{\"foreign_key_constraint_on\": {\"column\": \"writer_id\", \"table\": {\"name\": \"ren_posts\", \"schema\": \"public\"}}}"));
        assertThat(table("ren_notes").at("/object_relationships/0/using")).isEqualTo(Json.parse("""
            {"manual_configuration": {"remote_table": {"name": "ren_writers", "schema": "public"},
              "column_mapping": {"author_ref": "writer_key"}}}"""));
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
    }

    @Test
    void withoutTheConsistencyCheckMetadataIsLeftAlone() {
        f.runSqlOk("create table unchecked (id int primary key)");
        metadata("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"unchecked\"}}");
        JsonNode before = f.exportWithVersion();

        f.runSqlWith("{\"sql\": \"alter table unchecked rename to unchecked_now\", \"check_metadata_consistency\": false}");

        assertThat(f.exportWithVersion()).isEqualTo(before);
        f.runSqlWith("{\"sql\": \"alter table unchecked_now rename to unchecked\", \"check_metadata_consistency\": false}");
    }

    @Test
    void alteringTheSchemaBumpsTheResourceVersionAndOtherSqlDoesNot() {
        long before = version();
        f.runSqlOk("select 1");
        f.runSqlOk("create table bumped (id int)");
        f.runSqlOk("insert into bumped values (1)");
        assertThat(version()).as("like Hasura, only SQL with alter/drop/replace/create function/comment on is checked")
                .isEqualTo(before);
        f.runSqlOk("alter table bumped add column note text");
        assertThat(version()).isEqualTo(before + 1);
        f.runSqlWith("{\"sql\": \"create table bumped_too (id int)\", \"check_metadata_consistency\": true}");
        assertThat(version()).isEqualTo(before + 2);
    }

    @Test
    void aBulkOfRunSqlAnswersWithEachResult() {
        Http.Response response = f.http.post("/v2/query", """
            {"type": "bulk", "args": [
              {"type": "run_sql", "args": {"sql": "select 1 as one"}},
              {"type": "run_sql", "args": {"source": "default", "sql": "select 2 as two"}}]}""");
        assertThat(response.json()).isEqualTo(Json.parse("""
            [{"result_type": "TuplesOk", "result": [["one"], ["1"]]},
             {"result_type": "TuplesOk", "result": [["two"], ["2"]]}]"""));
    }

    @Test
    void badRunSqlRequestsAreRefused() {
        f.refused(() -> f.runSqlWith("{}")).expect(400, "parse-failed", "$.args", "the key 'sql' was not present");
        f.refused(() -> f.runSqlWith("{\"sql\": \"select 1\", \"source\": \"nope\"}"))
                .expect(400, "not-exists", "$.args.source", "source with name \"nope\" does not exist");
        f.refused(() -> f.http.post("/v2/query", "{\"type\": \"run_everything\", \"args\": {}}"))
                .expect(400, "parse-failed", "$.type", "unknown query type \"run_everything\"; expected run_sql or bulk");
    }
}
