package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Views and materialized views tracked like tables: queried, filtered, aggregated; mutations only
 * where Postgres can run them ({@code pg_relation_is_updatable}: an auto-updatable view all three,
 * a view with only an INSTEAD OF INSERT trigger inserts, others none; a materialized view never);
 * no primary key, so no {@code _by_pk}; columns nullable as Postgres says; manual relationships
 * from, to and between views; permissions on views.
 */
class ViewsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("views");
        f.runSqlOk("""
            create table authors (id int primary key, name text not null, active boolean not null default true);
            create table articles (id serial primary key, author_id int not null references authors, title text not null);
            insert into authors values (1, 'ann', true), (2, 'ben', false), (3, 'cat', true);
            insert into articles (author_id, title) values (1, 'a1'), (1, 'a2'), (2, 'b1'), (3, 'c1');
            create view active_authors as select id, name from authors where active;
            create view author_stats as select author_id, count(*)::int as articles from articles group by author_id;
            create materialized view article_titles as select id, title, author_id from articles;
            create view author_names as select distinct id, name from authors;
            create function author_names_insert() returns trigger language plpgsql as $$
              begin insert into authors (id, name) values (new.id, new.name); return new; end $$;
            create trigger author_names_insert instead of insert on author_names
              for each row execute function author_names_insert();
            """);
        for (String table : List.of("authors", "articles", "active_authors", "author_stats", "article_titles",
                "author_names")) {
            f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"" + table + "\"}}");
        }
        f.metadataOk("""
            {"type": "pg_create_object_relationship", "args": {"table": "author_stats", "name": "author",
              "using": {"manual_configuration": {"remote_table": "authors", "column_mapping": {"author_id": "id"}}}}}""");
        f.metadataOk("""
            {"type": "pg_create_object_relationship", "args": {"table": "authors", "name": "stats",
              "using": {"manual_configuration": {"remote_table": "author_stats", "column_mapping": {"id": "author_id"}}}}}""");
        f.metadataOk("""
            {"type": "pg_create_array_relationship", "args": {"table": "active_authors", "name": "titles",
              "using": {"manual_configuration": {"remote_table": "article_titles", "column_mapping": {"id": "author_id"}}}}}""");
        f.metadataOk("""
            {"type": "pg_create_object_relationship", "args": {"table": "active_authors", "name": "stats",
              "using": {"manual_configuration": {"remote_table": "author_stats", "column_mapping": {"id": "author_id"}}}}}""");
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "active_authors", "role": "user",
              "permission": {"columns": ["id", "name"], "filter": {"id": {"_eq": "X-Hasura-User-Id"}}}}}""");
        f.metadataOk("""
            {"type": "pg_create_update_permission", "args": {"table": "active_authors", "role": "user",
              "permission": {"columns": ["name"], "filter": {"id": {"_eq": "X-Hasura-User-Id"}}, "check": {}}}}""");
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "author_stats", "role": "user",
              "permission": {"columns": ["author_id", "articles"], "filter": {}}}}""");
        f.metadataOk("""
            {"type": "pg_create_insert_permission", "args": {"table": "author_stats", "role": "user",
              "permission": {"columns": ["author_id", "articles"], "check": {}}}}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static List<String> names(JsonNode fields) {
        List<String> out = new ArrayList<>();
        fields.forEach(field -> out.add(field.path("name").asText()));
        return out;
    }

    static List<String> mutationFields(Map<String, String> headers) {
        Http.Response r = f.graphql("{ __schema { mutationType { fields { name } } } }", headers);
        return names(r.json().at("/data/__schema/mutationType/fields"));
    }

    static List<String> queryFields(Map<String, String> headers) {
        Http.Response r = f.graphql("{ __schema { queryType { fields { name } } } }", headers);
        return names(r.json().at("/data/__schema/queryType/fields"));
    }

    @Test
    void viewsGetOnlyTheMutationsPostgresCanRun() {
        List<String> mutations = mutationFields(Map.of());

        assertThat(mutations).contains("insert_active_authors", "insert_active_authors_one", "update_active_authors",
                "update_active_authors_many", "delete_active_authors", "insert_author_names", "insert_author_names_one",
                "insert_authors", "delete_authors_by_pk");
        assertThat(mutations).doesNotContain("update_active_authors_by_pk", "delete_active_authors_by_pk",
                "update_author_names", "delete_author_names", "insert_author_stats", "update_author_stats",
                "delete_author_stats", "insert_article_titles", "update_article_titles", "delete_article_titles");
    }

    @Test
    void viewsHaveNoByPkRootFieldsAndNullableColumns() {
        List<String> queries = queryFields(Map.of());
        assertThat(queries).contains("active_authors", "active_authors_aggregate", "author_stats", "article_titles",
                "authors_by_pk");
        assertThat(queries).doesNotContain("active_authors_by_pk", "author_stats_by_pk", "article_titles_by_pk");

        JsonNode fields = f.gql("{ __type(name: \"active_authors\") { fields { name type { kind name } } } }")
                .at("/data/__type/fields");
        for (JsonNode field : fields) {
            if (List.of("id", "name").contains(field.path("name").asText())) {
                assertThat(field.at("/type/kind").asText()).isEqualTo("SCALAR");
            }
        }
    }

    @Test
    void viewsAndMaterializedViewsAreQueriedFilteredAndAggregated() {
        JsonNode data = f.gql("""
            { active_authors(order_by: {id: asc}) { id name }
              author_stats(where: {articles: {_gt: 1}}) { author_id articles }
              article_titles_aggregate(where: {author_id: {_eq: 1}}) { aggregate { count } } }""").path("data");

        assertThat(data.path("active_authors")).isEqualTo(Json.parse(
                "[{\"id\": 1, \"name\": \"ann\"}, {\"id\": 3, \"name\": \"cat\"}]"));
        assertThat(data.path("author_stats")).isEqualTo(Json.parse("[{\"author_id\": 1, \"articles\": 2}]"));
        assertThat(data.at("/article_titles_aggregate/aggregate/count").asInt()).isEqualTo(2);
    }

    @Test
    void manualRelationshipsGoFromToAndBetweenViews() {
        JsonNode data = f.gql("""
            { author_stats(order_by: {author_id: asc}) { articles author { name } }
              authors(where: {id: {_eq: 2}}) { stats { articles } }
              active_authors(where: {id: {_eq: 1}}) { stats { articles } titles(order_by: {title: desc}) { title } }
              filtered: active_authors(where: {titles: {title: {_eq: "c1"}}}) { name } }""").path("data");

        assertThat(data.path("author_stats")).isEqualTo(Json.parse("""
            [{"articles": 2, "author": {"name": "ann"}}, {"articles": 1, "author": {"name": "ben"}},
             {"articles": 1, "author": {"name": "cat"}}]"""));
        assertThat(data.path("authors")).isEqualTo(Json.parse("[{\"stats\": {\"articles\": 1}}]"));
        assertThat(data.path("active_authors")).isEqualTo(Json.parse(
                "[{\"stats\": {\"articles\": 2}, \"titles\": [{\"title\": \"a2\"}, {\"title\": \"a1\"}]}]"));
        assertThat(data.path("filtered")).isEqualTo(Json.parse("[{\"name\": \"cat\"}]"));
    }

    @Test
    void mutationsThroughAnUpdatableViewChangeTheTable() {
        JsonNode inserted = f.gql("mutation { insert_active_authors(objects: [{id: 10, name: \"dan\"}]) "
                + "{ affected_rows returning { id name } } }");
        assertThat(inserted.at("/data/insert_active_authors")).isEqualTo(Json.parse(
                "{\"affected_rows\": 1, \"returning\": [{\"id\": 10, \"name\": \"dan\"}]}"));
        JsonNode updated = f.gql("mutation { update_active_authors(where: {id: {_eq: 10}}, _set: {name: \"don\"}) "
                + "{ affected_rows returning { name } } }");
        assertThat(updated.at("/data/update_active_authors/returning/0/name").asText()).isEqualTo("don");
        JsonNode deleted = f.gql("mutation { delete_active_authors(where: {id: {_eq: 10}}) { affected_rows } }");
        assertThat(deleted.at("/data/delete_active_authors/affected_rows").asInt()).isEqualTo(1);
        assertThat(f.gql("{ authors_by_pk(id: 10) { id } }").at("/data/authors_by_pk").isNull()).isTrue();
    }

    @Test
    void aViewWithAnInsteadOfInsertTriggerTakesInserts() {
        JsonNode inserted = f.gql("mutation { insert_author_names_one(object: {id: 20, name: \"eve\"}) { id name } }");

        assertThat(inserted.at("/data/insert_author_names_one")).isEqualTo(Json.parse("{\"id\": 20, \"name\": \"eve\"}"));
        assertThat(f.gql("{ authors_by_pk(id: 20) { name } }").at("/data/authors_by_pk/name").asText()).isEqualTo("eve");
        f.gql("mutation { delete_authors_by_pk(id: 20) { id } }");
    }

    @Test
    void aRoleSeesAViewThroughItsPermissionsAndOnlyWritesPostgresAllows() {
        Map<String, String> user = Map.of("x-hasura-role", "user", "x-hasura-user-id", "3");
        JsonNode mine = f.graphql("{ active_authors { id name } author_stats(where: {author_id: {_eq: 3}}) { articles } }",
                user).json();
        assertThat(mine.path("data")).isEqualTo(Json.parse(
                "{\"active_authors\": [{\"id\": 3, \"name\": \"cat\"}], \"author_stats\": [{\"articles\": 1}]}"));

        // The insert permission on the aggregating view is kept, but Postgres cannot insert into it.
        assertThat(mutationFields(user)).containsExactlyInAnyOrder("update_active_authors", "update_active_authors_many");
        JsonNode renamed = f.graphql("mutation { update_active_authors(where: {}, _set: {name: \"kit\"}) { affected_rows } }",
                user).json();
        assertThat(renamed.at("/data/update_active_authors/affected_rows").asInt()).isEqualTo(1);
        assertThat(f.gql("{ authors(order_by: {id: asc}) { name } }").at("/data/authors")).isEqualTo(Json.parse(
                "[{\"name\": \"ann\"}, {\"name\": \"ben\"}, {\"name\": \"kit\"}]"));
        f.gql("mutation { update_authors_by_pk(pk_columns: {id: 3}, _set: {name: \"cat\"}) { id } }");
    }

    @Test
    void theLegacyDmlRefusesWritesAViewCannotTake() {
        Http.Response r = f.http.post("/v1/query", """
            {"type": "insert", "args": {"table": "author_stats", "objects": [{"author_id": 1, "articles": 5}]}}""");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asText()).isEqualTo("not-supported");
        assertThat(r.json().path("error").asText()).isEqualTo("view \"author_stats\" is not insertable");
    }

    @Test
    void aViewRedefinedSoPostgresCannotWriteItLosesItsMutationsAfterRunSql() {
        f.runSqlOk("create view renamed_authors as select id, upper(name) as name from authors");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"renamed_authors\"}}");
        // upper(name) is not updatable, id is: Postgres lets the view be written (only id can be set).
        assertThat(mutationFields(Map.of())).contains("delete_renamed_authors");

        f.runSqlOk("create or replace view renamed_authors as select id, upper(name) as name from authors group by id");

        assertThat(mutationFields(Map.of())).doesNotContain("insert_renamed_authors", "update_renamed_authors",
                "delete_renamed_authors");
        f.metadataOk("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"renamed_authors\"}}");
    }
}
