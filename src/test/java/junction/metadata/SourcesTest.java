package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.test.EngineFixture;
import junction.test.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pg_add_source, pg_update_source, pg_drop_source and rename_source over HTTP. */
class SourcesTest {
    static EngineFixture f;
    static String otherUrl;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("sources");
        otherUrl = TestPostgres.newDatabase("sources_other");
        TestPostgres.sql(otherUrl, "create table widgets (id int primary key, name text)");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** Each test's sources go again: two sources tracking {@code widgets} at once would define its root fields twice. */
    @org.junit.jupiter.api.AfterEach
    void dropTheAddedSources() {
        for (JsonNode s : f.export().path("sources")) {
            if (!s.path("name").asText().equals("default")) {
                f.metadataOk("{\"type\": \"pg_drop_source\", \"args\": {\"name\": \"" + s.path("name").asText()
                        + "\", \"cascade\": true}}");
            }
        }
    }

    @Test
    void theSameTableInTwoSourcesNeedsACustomizationThatTellsThemApart() {
        f.metadataOk(addSource("first", 2));
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"source\": \"first\", \"table\": \"widgets\"}}");
        f.metadataOk(addSource("second", 2));
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"source\": \"second\", \"table\": \"widgets\"}}")
                .expect(400, "unexpected", "$.args", "Encountered conflicting definitions in the selection set for 'query_root'"
                        + " for field 'widgets' defined in [table public.widgets in source first, table public.widgets in source"
                        + " second]. Fields must not be defined more than once across all sources.");
        f.metadataOk("""
            {"type": "pg_update_source", "args": {"name": "second", "customization": {
              "root_fields": {"namespace": "second"}, "type_names": {"prefix": "second_"}}}}""");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"source\": \"second\", \"table\": \"widgets\"}}");
        assertThat(f.gql("{ widgets { id } second { widgets { id } } }").has("errors")).isFalse();
    }

    static String addSource(String name, int maxConnections) {
        return """
            {"type": "pg_add_source", "args": {"name": "%s", "configuration": {"connection_info": {
              "database_url": "%s", "pool_settings": {"max_connections": %d}}}}}
            """.formatted(name, otherUrl, maxConnections);
    }

    static JsonNode source(String name) {
        for (JsonNode s : f.export().path("sources")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        return null;
    }

    @Test
    void aSecondSourceIsAddedAndItsTablesCanBeTracked() {
        assertThat(f.metadataOk(addSource("warehouse", 3))).hasToString("{\"message\":\"success\"}");
        f.metadataOk("""
            {"type": "pg_track_table", "args": {"source": "warehouse", "table": "widgets"}}""");

        JsonNode source = source("warehouse");
        assertThat(source.path("kind").asText()).isEqualTo("postgres");
        assertThat(source.at("/configuration/connection_info/database_url").asText()).isEqualTo(otherUrl);
        assertThat(source.at("/tables/0/table").toString()).isEqualTo("{\"name\":\"widgets\",\"schema\":\"public\"}");
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
    }

    @Test
    void addingAnExistingSourceFailsAndChangesNothingUnlessReplaceConfigurationIsSet() {
        f.metadataOk(addSource("twice", 2));
        f.metadataOk("""
            {"type": "pg_track_table", "args": {"source": "twice", "table": "widgets"}}""");

        f.refused(addSource("twice", 7))
                .expect(400, "already-exists", "$.args.name", "source with name \"twice\" already exists");

        f.metadataOk("""
            {"type": "pg_add_source", "args": {"name": "twice", "replace_configuration": true,
              "configuration": {"connection_info": {"database_url": "%s", "pool_settings": {"max_connections": 7}}}}}
            """.formatted(otherUrl));
        JsonNode source = source("twice");
        assertThat(source.at("/configuration/connection_info/pool_settings/max_connections").asInt()).isEqualTo(7);
        assertThat(source.at("/tables/0/table/name").asText()).isEqualTo("widgets");
    }

    @Test
    void updatingASourceChangesOnlyTheKeysGiven() {
        f.metadataOk(addSource("updated", 2));
        f.metadataOk("""
            {"type": "pg_update_source", "args": {"name": "updated", "customization": {"root_fields": {"prefix": "u_"}}}}""");

        JsonNode source = source("updated");
        assertThat(source.at("/customization/root_fields/prefix").asText()).isEqualTo("u_");
        assertThat(source.at("/configuration/connection_info/pool_settings/max_connections").asInt()).isEqualTo(2);

        f.refused("""
            {"type": "pg_update_source", "args": {"name": "nope"}}""")
                .expect(400, "not-exists", "$.args.name", "source with name \"nope\" does not exist");
    }

    @Test
    void droppingASourceDropsItsTrackedTablesWithOrWithoutCascade() {
        f.metadataOk(addSource("dropped", 2));
        f.metadataOk("""
            {"type": "pg_track_table", "args": {"source": "dropped", "table": "widgets"}}""");
        f.metadataOk("""
            {"type": "pg_drop_source", "args": {"name": "dropped"}}""");
        assertThat(source("dropped")).isNull();

        f.metadataOk(addSource("cascaded", 2));
        f.metadataOk("""
            {"type": "pg_track_table", "args": {"source": "cascaded", "table": "widgets"}}""");
        f.metadataOk("""
            {"type": "pg_drop_source", "args": {"name": "cascaded", "cascade": true}}""");
        assertThat(source("cascaded")).isNull();
        assertThat(source("default")).isNotNull();
    }

    @Test
    void droppingAnUnknownSourceFailsAndChangesNothing() {
        f.refused("""
            {"type": "pg_drop_source", "args": {"name": "nope"}}""")
                .expect(400, "not-exists", "$.args.name", "source with name \"nope\" does not exist");
    }

    @Test
    void aSourceWhoseDatabaseCannotBeReachedIsRefusedWithItsReason() {
        String missing = otherUrl.substring(0, otherUrl.lastIndexOf('/') + 1) + "no_such_database";
        var error = f.refused("""
            {"type": "pg_add_source", "args": {"name": "unreachable",
              "configuration": {"connection_info": {"database_url": "%s"}}}}""".formatted(missing));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("invalid-configuration");
        assertThat(error.path()).isEqualTo("$.args");
        assertThat(error.error()).startsWith("Inconsistent object: ").contains("no_such_database");
        assertThat(error.internal().get(0).path("type").asText()).isEqualTo("source");
        assertThat(error.internal().get(0).path("name").asText()).isEqualTo("source unreachable");
    }

    @Test
    void renamingASourceKeepsItsTables() {
        f.metadataOk(addSource("before_rename", 2));
        f.metadataOk("""
            {"type": "pg_track_table", "args": {"source": "before_rename", "table": "widgets"}}""");
        f.metadataOk("""
            {"type": "rename_source", "args": {"name": "before_rename", "new_name": "after_rename"}}""");

        assertThat(source("before_rename")).isNull();
        assertThat(source("after_rename").at("/tables/0/table/name").asText()).isEqualTo("widgets");
        f.refused("""
            {"type": "rename_source", "args": {"name": "nope", "new_name": "x"}}""")
                .expect(400, "not-exists", "$.args.name", "Could not find source with name \"nope\"");
        f.refused("""
            {"type": "rename_source", "args": {"name": "after_rename", "new_name": "default"}}""")
                .expect(400, "already-exists", "$.args.new_name", "Source with name \"default\" already exists");
    }
}
