package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * get_catalog_state / set_catalog_state as Hasura's CLI and console call them: the CLI's applied
 * migrations and settings, and the console's state, kept beside the metadata, surviving a restart,
 * never in export_metadata; and /v1/version, the CLI's first call.
 */
class CatalogStateTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("catalogstate");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aFreshServerAnswersItsIdAndEmptyStates() {
        JsonNode state = f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}");

        assertThat(state.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(state.has("cli_state")).isTrue();
        assertThat(state.has("console_state")).isTrue();
    }

    @Test
    void theCliAndConsoleStatesAreStoredApartSurviveARestartAndStayOutOfTheMetadata() {
        JsonNode before = f.exportWithVersion();
        String cli = "{\"migrations\": {\"default\": {\"1700000000000\": false}}, "
                + "\"settings\": {\"migration_mode\": \"true\"}, \"isStateCopyCompleted\": true}";
        JsonNode answer = f.metadataOk("{\"type\": \"set_catalog_state\", \"args\": {\"type\": \"cli\", \"state\": " + cli + "}}");
        f.metadataOk("{\"type\": \"set_catalog_state\", \"args\": {\"type\": \"console\", \"state\": {\"telemetryNotificationShown\": true}}}");

        assertThat(answer).isEqualTo(Json.parse("{\"message\": \"success\"}"));
        JsonNode state = f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}");
        assertThat(state.get("cli_state")).isEqualTo(Json.parse(cli));
        assertThat(state.get("console_state")).isEqualTo(Json.parse("{\"telemetryNotificationShown\": true}"));
        assertThat(f.exportWithVersion()).isEqualTo(before);
        try (EngineFixture restarted = EngineFixture.on(f.databaseUrl, c -> c)) {
            assertThat(restarted.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}")).isEqualTo(state);
        }
    }

    @Test
    void anUnknownStateTypeIsRefused() {
        f.refused("{\"type\": \"set_catalog_state\", \"args\": {\"type\": \"nope\", \"state\": {}}}")
                .expect(400, "parse-failed", "$.args.type", "expected one of the tags [\"console\",\"cli\"], but found \"nope\"");
    }

    @Test
    void versionAnswersAHasuraStyleVersion() {
        JsonNode version = f.http.get("/v1/version").json();

        assertThat(version.path("version").asText()).startsWith("v2.");
    }

    /**
     * What Hasura's CLI (v2, config v3) sends for {@code migrate apply} and {@code seed apply}: each
     * migration as {@code pg_run_sql} with its {@code source} on /v2/query, its version then set in
     * the CLI state (dirty while running, then clean); seeds as one {@code bulk} of them, all or none.
     */
    @Test
    void theCallsHasuraCliMakesToApplyMigrationsAndSeeds() {
        JsonNode ran = f.http.post("/v2/query", "{\"type\": \"pg_run_sql\", \"args\": {\"source\": \"default\", "
                + "\"sql\": \"create table cs_items (id int primary key);\"}}").json();
        for (boolean dirty : new boolean[] {true, false}) {
            f.metadataOk("{\"type\": \"set_catalog_state\", \"args\": {\"type\": \"cli\", \"state\": "
                    + "{\"migrations\": {\"default\": {\"1700000000001\": " + dirty + "}}, \"settings\": {\"migration_mode\": \"true\"}, "
                    + "\"isStateCopyCompleted\": true}}}");
        }
        int status = f.http.post("/v2/query", "{\"type\": \"bulk\", \"args\": ["
                + "{\"type\": \"pg_run_sql\", \"args\": {\"source\": \"default\", \"sql\": \"insert into cs_items values (1);\"}},"
                + "{\"type\": \"pg_run_sql\", \"args\": {\"source\": \"default\", \"sql\": \"insert into cs_items values (1);\"}}]}").status();

        assertThat(ran).isEqualTo(Json.parse("{\"result_type\": \"CommandOk\", \"result\": null}"));
        assertThat(f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").at("/cli_state/migrations/default"))
                .isEqualTo(Json.parse("{\"1700000000001\": false}"));
        assertThat(status).isEqualTo(400);
        assertThat(f.runSqlOk("select count(*)::text from cs_items").at("/result/1/0").asText()).isEqualTo("0");
    }
}
