package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.test.EngineFixture;
import junction.test.browser.Browser;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Remote Schemas section in a real Chromium against real remote GraphQL servers: add through the
 * form, a refused add, details / modify / reload / remove, and the per-role permissions editor.
 */
class RemoteSchemasBrowserTest {
    static EngineFixture engine;
    static Browser browser;
    static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start();
        engine = EngineFixture.start("console_remote", c -> c.toBuilder()
                .console(ConsoleSettings.ENABLED).remoteSchemaPermissions(true).build());
        browser = Browser.open("http://localhost:" + engine.engine.port());
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
        users.close();
    }

    static JsonNode remote(String name) {
        for (JsonNode r : engine.export().path("remote_schemas")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void addsARemoteSchemaThroughTheForm() {
        browser.go("/console/remote-schemas/manage/schemas");
        browser.click("remote-schemas-add-button");
        browser.type("remote-schema-name", "users-form");
        browser.type("remote-schema-url", users.url());
        browser.click("remote-schema-header-add");
        browser.type("remote-schema-header-name-0", "X-From");
        browser.type("remote-schema-header-value-0", "console");
        browser.type("remote-schema-timeout", "15");
        browser.type("remote-schema-namespace", "usersForm");
        browser.type("remote-schema-comment", "added in the browser");
        assertThat(browser.waitForText("remote-schema-preview", "\"add_remote_schema\"")).contains("\"usersForm\"");
        browser.screenshot("remote-schema-add");
        browser.click("remote-schema-submit");
        browser.waitForText("remote-schema-title", "users-form");
        assertThat(browser.path()).isEqualTo("/console/remote-schemas/manage/users-form/details");

        JsonNode stored = remote("users-form");
        assertThat(stored).isNotNull();
        assertThat(stored.path("comment").asText()).isEqualTo("added in the browser");
        JsonNode definition = stored.path("definition");
        assertThat(definition.path("url").asText()).isEqualTo(users.url());
        assertThat(definition.path("timeout_seconds").asInt()).isEqualTo(15);
        assertThat(definition.path("headers").get(0).path("name").asText()).isEqualTo("X-From");
        assertThat(definition.path("headers").get(0).path("value").asText()).isEqualTo("console");
        assertThat(definition.path("customization").path("root_fields_namespace").asText()).isEqualTo("usersForm");
        assertThat(engine.gql("{ usersForm { user(id: 2) { name } } }").toString()).contains("user2");

        browser.click("remote-schemas-sidebar-list");
        browser.find("remote-schema-link-users-form");
        browser.screenshot("remote-schemas-list");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aRefusedAddShowsTheErrorAtTheUrlAndChangesNothing() {
        JsonNode before = engine.exportWithVersion();
        browser.go("/console/remote-schemas/manage/add");
        browser.type("remote-schema-name", "nowhere");
        browser.type("remote-schema-url", "http://localhost:1/graphql");
        browser.click("remote-schema-submit");
        assertThat(browser.waitForText("remote-schema-url-error", "remote-schema-error")).contains("HTTP exception");
        assertThat(browser.path()).isEqualTo("/console/remote-schemas/manage/add");
        assertThat(engine.exportWithVersion()).isEqualTo(before);

        browser.type("remote-schema-url", "not a url");
        browser.click("remote-schema-submit");
        browser.waitForText("remote-schema-url-error", "not a valid URI");
        assertThat(engine.exportWithVersion()).isEqualTo(before);
        assertThat(browser.scriptErrors()).isEmpty();
    }
}
