package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * export_metadata (v1, v2), replace_metadata (v1 document, v2 with and without inconsistencies),
 * reload_metadata, clear_metadata, get_inconsistent_metadata and drop_inconsistent_metadata.
 * Every test starts from cleared metadata.
 */
class MetadataManagementTest {
    static EngineFixture f;
    static JsonNode defaultSource;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("management");
        f.runSqlOk("""
            create table authors (id int primary key, name text);
            create table articles (id int primary key, author_id int references authors(id));
            create table doomed (id int primary key);
            create table entries (id int primary key, title text, owner_id int references authors(id));
            """);
        defaultSource = f.export().at("/sources/0");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void clear() {
        f.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
    }

    /** A version 3 document with the default source and these tables. */
    static ObjectNode document(String tablesJson) {
        ObjectNode source = defaultSource.deepCopy();
        source.set("tables", Json.parse(tablesJson));
        ObjectNode doc = Json.object().put("version", 3);
        doc.putArray("sources").add(source);
        return doc;
    }

    static final String CONSISTENT_TABLES = """
        [{"table": {"schema": "public", "name": "authors"},
          "array_relationships": [{"name": "articles",
            "using": {"foreign_key_constraint_on": {"table": {"schema": "public", "name": "articles"}, "column": "author_id"}}}]},
         {"table": {"schema": "public", "name": "articles"},
          "object_relationships": [{"name": "author", "using": {"foreign_key_constraint_on": "author_id"}}]}]""";

    static final String INCONSISTENT_TABLES = """
        [{"table": {"schema": "public", "name": "nope"}},
         {"table": {"schema": "public", "name": "articles"},
          "object_relationships": [{"name": "author", "using": {"foreign_key_constraint_on": "author_id"}}]}]""";

    static JsonNode inconsistencies() {
        return f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
    }

    @Test
    void exportVersionOneIsTheDocumentAndVersionTwoWrapsItWithTheResourceVersion() {
        JsonNode v1 = f.export();
        JsonNode v2 = f.exportWithVersion();

        assertThat(v1.path("version").asInt()).isEqualTo(3);
        assertThat(v1.at("/sources/0/name").asText()).isEqualTo("default");
        assertThat(v1.at("/sources/0/configuration/connection_info/database_url"))
                .isEqualTo(Json.parse("{\"from_env\": \"HASURA_GRAPHQL_DATABASE_URL\"}"));
        assertThat(v2.path("metadata")).isEqualTo(v1);

        long version = v2.path("resource_version").asLong();
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"authors\"}}");
        assertThat(f.exportWithVersion().path("resource_version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void aReplacedDocumentIsExportedAsWrittenIncludingPartsJunctionDoesNotInterpret() {
        ObjectNode doc = document(CONSISTENT_TABLES);
        doc.set("custom_types", Json.parse("{\"objects\": [{\"name\": \"Out\", \"fields\": [{\"name\": \"ok\", \"type\": \"Boolean\"}]}]}"));
        doc.set("actions", Json.parse("[{\"name\": \"act\", \"definition\": {\"handler\": \"http://x\", \"output_type\": \"Out\"}}]"));

        assertThat(f.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + doc + "}"))
                .isEqualTo(Json.parse("{\"message\": \"success\"}"));

        JsonNode exported = f.export();
        assertThat(exported.path("actions")).isEqualTo(doc.path("actions"));
        assertThat(exported.path("custom_types")).isEqualTo(doc.path("custom_types"));
        assertThat(exported.at("/sources/0/tables")).isEqualTo(Json.parse("""
            [{"table": {"name": "authors", "schema": "public"},
              "array_relationships": [{"name": "articles",
                "using": {"foreign_key_constraint_on": {"column": "author_id", "table": {"name": "articles", "schema": "public"}}}}]},
             {"table": {"name": "articles", "schema": "public"},
              "object_relationships": [{"name": "author", "using": {"foreign_key_constraint_on": "author_id"}}]}]"""));
        assertThat(inconsistencies().path("is_consistent").asBoolean()).isTrue();
    }

    @Test
    void anInconsistentDocumentIsRefusedByVersionOneAndChangesNothing() {
        var error = f.refused("{\"type\": \"replace_metadata\", \"args\": " + document(INCONSISTENT_TABLES) + "}")
                .expect(400, "unexpected", "$.args", "cannot continue due to inconsistent metadata");
        assertThat(error.internal()).hasSize(2);
    }

    @Test
    void versionTwoWithInconsistenciesAllowedStoresTheDocumentAndReportsThem() {
        JsonNode answer = f.metadataOk("""
            {"type": "replace_metadata", "version": 2, "args": {"allow_inconsistent_metadata": true, "metadata": %s}}
            """.formatted(document(INCONSISTENT_TABLES)));

        JsonNode expected = Json.parse("""
            {"is_consistent": false, "inconsistent_objects": [
              {"definition": {"name": "nope", "schema": "public"}, "name": "table nope in source default",
               "reason": "Inconsistent object: no such table/view exists in source: \\"nope\\"", "type": "table"},
              {"definition": {"name": "author", "using": {"foreign_key_constraint_on": "author_id"}, "comment": null,
                              "source": "default", "table": {"name": "articles", "schema": "public"}},
               "name": "object_relation author in table articles in source default",
               "reason": "Inconsistent object: in table \\"articles\\": in relationship \\"author\\": table \\"authors\\" is not tracked",
               "type": "object_relation"}]}""");
        assertThat(answer).isEqualTo(expected);
        assertThat(inconsistencies()).isEqualTo(expected);
        assertThat(f.export().at("/sources/0/tables/0/table/name").asText()).isEqualTo("nope");
    }

    @Test
    void versionTwoWithoutInconsistenciesAllowedIsRefusedAndChangesNothing() {
        f.refused("""
            {"type": "replace_metadata", "version": 2, "args": {"allow_inconsistent_metadata": false, "metadata": %s}}
            """.formatted(document(INCONSISTENT_TABLES)))
                .expect(400, "unexpected", "$.args", "cannot continue due to inconsistent metadata");

        JsonNode answer = f.metadataOk("""
            {"type": "replace_metadata", "version": 2, "args": {"metadata": %s}}""".formatted(document(CONSISTENT_TABLES)));
        assertThat(answer).isEqualTo(Json.parse("{\"is_consistent\": true, \"inconsistent_objects\": []}"));
    }

    @Test
    void aVersionTwoDocumentWithoutSourcesGoesIntoTheDefaultSource() {
        f.metadataOk("""
            {"type": "replace_metadata", "args": {"version": 2, "tables": [{"table": "authors"}]}}""");
        assertThat(f.export().at("/sources/0/tables/0/table/name").asText()).isEqualTo("authors");
        assertThat(f.export().at("/sources/0/configuration")).isEqualTo(defaultSource.path("configuration"));
    }

    @Test
    void reloadAnswersWithConsistencyAndBumpsTheResourceVersion() {
        long version = f.exportWithVersion().path("resource_version").asLong();
        assertThat(f.metadataOk("{\"type\": \"reload_metadata\", \"args\": {\"reload_sources\": true}}"))
                .isEqualTo(Json.parse("{\"message\": \"success\", \"is_consistent\": true}"));
        assertThat(f.exportWithVersion().path("resource_version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void aTableDroppedBehindOurBackIsReportedAndTheServerKeepsServing() {
        f.runSqlOk("create table if not exists doomed (id int primary key)");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"doomed\"}}");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"authors\"}}");
        TestPostgres.sql(f.databaseUrl, "drop table doomed");

        JsonNode reloaded = f.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");
        assertThat(reloaded.path("is_consistent").asBoolean()).isFalse();
        assertThat(reloaded.at("/inconsistent_objects/0/reason").asText())
                .isEqualTo("Inconsistent object: no such table/view exists in source: \"doomed\"");
        assertThat(inconsistencies().at("/inconsistent_objects/0/name").asText()).isEqualTo("table doomed in source default");

        assertThat(f.http.get("/healthz").body()).isEqualTo("WARN: inconsistent objects in schema");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"articles\"}}");

        assertThat(f.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}"))
                .isEqualTo(Json.parse("{\"message\": \"success\"}"));
        assertThat(inconsistencies()).isEqualTo(Json.parse("{\"is_consistent\": true, \"inconsistent_objects\": []}"));
        assertThat(f.export().at("/sources/0/tables").findValuesAsText("name")).containsExactly("authors", "articles");
    }

    @Test
    void clearingKeepsTheDefaultSourceAndNothingElse() {
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"authors\"}}");
        f.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");

        JsonNode exported = f.export();
        assertThat(exported.path("sources")).hasSize(1);
        assertThat(exported.at("/sources/0/configuration")).isEqualTo(defaultSource.path("configuration"));
        assertThat(exported.at("/sources/0/tables")).isEmpty();
    }

    @Test
    void aChangeMayLeaveAnObjectInconsistentButNotMakeAnotherOneSo() {
        f.metadataOk("""
            {"type": "replace_metadata", "version": 2, "args": {"allow_inconsistent_metadata": true, "metadata": %s}}
            """.formatted(document("""
                [{"table": {"schema": "public", "name": "authors"}},
                 {"table": {"schema": "public", "name": "entries"},
                  "configuration": {"column_config": {"title": {"custom_name": "owner"}}},
                  "object_relationships": [
                    {"name": "owner", "using": {"foreign_key_constraint_on": "owner_id"}},
                    {"name": "writer", "using": {"foreign_key_constraint_on": "owner_id"}}]}]""")));
        assertThat(inconsistencies().at("/inconsistent_objects/0/name").asText())
                .isEqualTo("object_relation owner in table entries in source default");

        var error = f.refused("""
            {"type": "pg_set_table_customization", "args": {"table": "entries",
              "configuration": {"column_config": {"title": {"custom_name": "writer"}}}}}""")
                .expect(400, "unexpected", "$.args", "cannot continue due to new inconsistent metadata");
        assertThat(error.internal().get(0).path("name").asText())
                .isEqualTo("object_relation writer in table entries in source default");

        f.metadataOk("""
            {"type": "pg_set_relationship_comment", "args": {"table": "entries", "relationship": "writer", "comment": "w"}}""");
        f.metadataOk("""
            {"type": "pg_set_table_customization", "args": {"table": "entries",
              "configuration": {"column_config": {"title": {"custom_name": "heading"}}}}}""");
        assertThat(inconsistencies().path("is_consistent").asBoolean()).isTrue();
    }
}
