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
}
