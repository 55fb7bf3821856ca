package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code pg_suggest_relationships} over HTTP: Hasura's answer shape, its arguments, and that it is a read. */
class SuggestRelationshipsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("suggest");
        f.runSqlOk("""
            create table authors (id int primary key, name text);
            create table articles (id int primary key, title text,
              author_id int constraint articles_author_fk references authors(id));
            create table passports (id int primary key, author_id int unique references authors(id));
            create table untracked_notes (id int primary key, author_id int references authors(id));
            create table tags (id int primary key);
            """);
        f.metadataOk("""
            {"type": "pg_track_tables", "args": {"tables": [{"table": "authors"}, {"table": "articles"},
              {"table": "passports"}, {"table": "tags"}]}}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonNode suggest(String args) {
        return f.metadataOk("{\"type\": \"pg_suggest_relationships\", \"args\": " + args + "}").path("relationships");
    }

    @Test
    void eachForeignKeyBetweenTrackedTablesGivesAnObjectRelationshipAndItsReverse() {
        JsonNode relationships = suggest("{\"source\": \"default\"}");

        assertThat(relationships).containsExactlyInAnyOrder(
                Json.parse("""
                    {"type": "object",
                     "from": {"table": {"schema": "public", "name": "articles"}, "columns": ["author_id"],
                              "constraint_name": "articles_author_fk"},
                     "to": {"table": {"schema": "public", "name": "authors"}, "columns": ["id"]}}"""),
                Json.parse("""
                    {"type": "array",
                     "from": {"table": {"schema": "public", "name": "authors"}, "columns": ["id"]},
                     "to": {"table": {"schema": "public", "name": "articles"}, "columns": ["author_id"],
                            "constraint_name": "articles_author_fk"}}"""),
                Json.parse("""
                    {"type": "object",
                     "from": {"table": {"schema": "public", "name": "passports"}, "columns": ["author_id"],
                              "constraint_name": "passports_author_id_fkey"},
                     "to": {"table": {"schema": "public", "name": "authors"}, "columns": ["id"]}}"""),
                Json.parse("""
                    {"type": "object",
                     "from": {"table": {"schema": "public", "name": "authors"}, "columns": ["id"]},
                     "to": {"table": {"schema": "public", "name": "passports"}, "columns": ["author_id"],
                            "constraint_name": "passports_author_id_fkey"}}"""));
    }

    @Test
    void tablesKeepsTheForeignKeysTouchingOneOfThem() {
        assertThat(suggest("{\"tables\": [\"passports\"]}")).hasSize(2)
                .allSatisfy(r -> assertThat(r.toString()).contains("passports"));
        assertThat(suggest("{\"tables\": [{\"schema\": \"public\", \"name\": \"authors\"}]}")).hasSize(4);
        assertThat(suggest("{\"tables\": [\"tags\"]}")).isEmpty();
        assertThat(suggest("{}")).hasSize(4);
    }

    @Test
    void omitTrackedLeavesOutForeignKeysTheReferencingTableHasARelationshipFor() {
        f.metadataOk("""
            {"type": "pg_create_object_relationship", "args": {"table": "articles", "name": "author",
              "using": {"foreign_key_constraint_on": "author_id"}}}""");
        try {
            assertThat(suggest("{\"omit_tracked\": true}")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.toString()).contains("passports").doesNotContain("articles"));
            assertThat(suggest("{\"omit_tracked\": false}")).hasSize(4);
        } finally {
            f.metadataOk("{\"type\": \"pg_drop_relationship\", \"args\": {\"table\": \"articles\", \"relationship\": \"author\"}}");
        }
    }

    @Test
    void itIsAReadThatReadsNoCatalogAndLeavesTheResourceVersion() {
        long version = f.exportWithVersion().path("resource_version").asLong();
        long reads = f.engine.metadata().catalogReads();
        long builds = f.engine.schemas().builds();

        suggest("{}");
        f.metadataOk("{\"type\": \"bulk\", \"args\": [{\"type\": \"pg_suggest_relationships\", \"args\": {}}]}");

        assertThat(f.engine.metadata().catalogReads()).isEqualTo(reads);
        assertThat(f.engine.schemas().builds()).isEqualTo(builds);
        assertThat(f.exportWithVersion().path("resource_version").asLong()).isEqualTo(version);
    }

    @Test
    void anUnknownSourceOrABadTablesListIsRefused() {
        assertThat(f.refused("{\"type\": \"pg_suggest_relationships\", \"args\": {\"source\": \"nope\"}}").code())
                .isEqualTo("not-exists");
        assertThat(f.refused("{\"type\": \"pg_suggest_relationships\", \"args\": {\"tables\": 3}}").code())
                .isEqualTo("parse-failed");
    }
}
