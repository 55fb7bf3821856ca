package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.browser.Browser;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's "Console" walk-through (Postgres: Database to Remote Schema Relationships), end to end in a
 * real Chromium against a real remote GraphQL server: the table {@code order(id, user_id)} is tracked
 * (with {@code order_line}, whose foreign key to it the Relationships tab suggests);
 * in the browser the remote schema {@code user-remote-schema} is added (Remote Schemas → Add), then
 * Data → order → Relationships → Add Relationship → the remote schema searched by name in To Reference
 * → its field {@code user} with the argument {@code id} from the column {@code user_id} → Create
 * Relationship; then the API tab runs the joined query and the joined data is read on the page. The
 * three screenshots of the README's Console section are taken here.
 */
class ConsoleWalkthroughBrowserTest {
    static EngineFixture engine;
    static Browser browser;
    static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start();
        engine = EngineFixture.start("console_walk", c -> c.toBuilder().console(ConsoleSettings.ENABLED).build());
        engine.runSqlOk("""
            create table "order" (id int primary key, user_id int);
            insert into "order" values (1, 1), (2, 2), (3, null);
            create table order_line (id int primary key, order_id int references "order"(id), product text);
            """);
        engine.metadataOk("""
            {"type": "pg_track_tables", "args": {"tables": [{"table": "order"}, {"table": "order_line"}]}}""");
        browser = Browser.open("http://localhost:" + engine.engine.port());
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
        users.close();
    }

    @Test
    void addsARemoteSchemaRelationshipFromTheTableAndQueriesItInTheApiTab() throws Exception {
        // Step 1: add the remote schema
        browser.go("/console");
        browser.click("nav-remote-schemas");
        browser.click("remote-schemas-add-button");
        browser.type("remote-schema-name", "user-remote-schema");
        browser.type("remote-schema-url", users.url());
        browser.click("remote-schema-submit");
        browser.waitForText("remote-schema-title", "user-remote-schema");

        // Step 2: Data → order → Relationships → Add Relationship
        browser.click("nav-data");
        browser.click("sidebar-schema-public");
        browser.click("sidebar-table-order");
        browser.click("tab-relationships");
        browser.find("relationships-list-empty");
        assertThat(browser.waitForText("suggested-joins-0", "id → order_line.order_id")).isNotEmpty();
        browser.click("add-relationship");
        browser.type("to-reference", "user-rem");
        browser.click("to-reference-option-user-remote-schema");
        browser.type("relationship-name", "user");
        browser.click("remote-field-user");
        browser.select("remote-arg-mode-user.id", "column");
        browser.select("remote-arg-column-user.id", "user_id");
        String preview = browser.waitForText("relationship-preview", "$user_id");
        assertThat(Json.parse(preview)).isEqualTo(Json.parse("""
            {"type": "pg_create_remote_relationship",
             "args": {"source": "default", "table": {"schema": "public", "name": "order"}, "name": "user",
                      "definition": {"to_remote_schema": {"remote_schema": "user-remote-schema", "lhs_fields": ["user_id"],
                        "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}}"""));
        screenshot("add-relationship-form");
        browser.click("create-relationship");
        assertThat(browser.waitForText("relationship-joins-user", "user-remote-schema: user(id: $user_id)")).isNotEmpty();
        browser.waitGone("relationship-form");
        screenshot("relationships-tab");

        JsonNode stored = null;
        for (JsonNode table : engine.export().at("/sources/0/tables")) {
            if (table.at("/table/name").asText().equals("order")) {
                stored = table.at("/remote_relationships/0");
            }
        }
        assertThat(stored).isEqualTo(Json.parse("""
            {"name": "user", "definition": {"to_remote_schema": {"remote_schema": "user-remote-schema",
              "lhs_fields": ["user_id"], "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}"""));

        // Step 3: explore with GraphiQL in the API tab
        browser.click("nav-api");
        browser.find("api-run");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                browser.script("return !!(window.__console && window.__console.api && window.__console.api.ready())")));
        browser.script("window.__console.api.setQuery(arguments[0])",
                "query OrdersWithUsers {\n  order(order_by: {id: asc}) {\n    id\n    user_id\n    user {\n      id\n      name\n    }\n  }\n}\n");
        browser.click("api-run");
        String result = browser.waitForText("api-result", "user2");
        assertThat(result.replaceAll("\\s+", "")).contains("\"user\":{\"id\":1,\"name\":\"user1\"}")
                .contains("\"user\":{\"id\":2,\"name\":\"user2\"}").contains("\"user\":null");
        screenshot("api-tab-joined-query");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    /** The README shows these three (copied from target/console-screenshots/ to docs/console/). */
    static void screenshot(String name) throws Exception {
        assertThat(Files.size(browser.screenshot(name))).isPositive();
    }
}
