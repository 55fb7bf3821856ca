package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table's Permissions tab in a real Chromium: the role × action grid, a select permission for a new
 * role with a session-variable filter and columns (then a query as that role sees only its rows), a
 * bad filter refused with the server's error beside it, an insert permission with a preset, delete.
 */
class ConsolePermissionsBrowserTest {
    static final String TAB = "/console/data/default/schema/public/tables/article/permissions";
    static EngineFixture engine;
    static Browser browser;

    @BeforeAll
    static void start() {
        engine = EngineFixture.start("console_permissions", c -> c.toBuilder().console(ConsoleSettings.ENABLED).build());
        engine.runSqlOk("CREATE TABLE author (id int PRIMARY KEY, name text);"
                + " CREATE TABLE article (id int PRIMARY KEY, title text, body text, author_id int REFERENCES author(id));"
                + " INSERT INTO author VALUES (1, 'ann'), (2, 'bob');"
                + " INSERT INTO article VALUES (1, 'one by 1', 'a', 1), (2, 'two by 2', 'b', 2), (3, 'three by 1', 'c', 1)");
        engine.metadataOk("""
                {"type": "bulk", "args": [{"type": "pg_track_table", "args": {"table": "author"}},
                 {"type": "pg_track_table", "args": {"table": "article"}},
                 {"type": "pg_create_object_relationship", "args": {"table": "article", "name": "author",
                   "using": {"foreign_key_constraint_on": "author_id"}}},
                 {"type": "pg_create_select_permission", "args": {"table": "author", "role": "reader",
                   "permission": {"columns": "*", "filter": {}}}}]}""");
        browser = Browser.open("http://localhost:" + engine.engine.port());
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
    }

    static JsonNode permissions(String kind) {
        for (JsonNode table : engine.export().path("sources").get(0).path("tables")) {
            if (table.path("table").path("name").asText().equals("article")) {
                return table.path(kind + "_permissions");
            }
        }
        throw new AssertionError("article is not tracked");
    }

    @Test
    void createsASelectPermissionForANewRoleThatSeesOnlyItsRows() {
        browser.go(TAB);
        assertThat(browser.find("perm-admin-select").getAttribute("data-access")).isEqualTo("full");
        assertThat(browser.find("perm-reader-select").getAttribute("data-access")).isEqualTo("none");

        browser.type("perm-new-role", "user");
        browser.click("perm-user-select");
        assertThat(browser.find("perm-editor-role").getText()).isEqualTo("user");
        browser.click("perm-filter-custom");
        browser.type("perm-filter", "{\"author_id\": {\"_eq\": \"X-Hasura-User-Id\"}}");
        browser.click("perm-column-id").click("perm-column-title");
        browser.type("perm-limit", "10");
        assertThat(browser.find("perm-preview").getText()).contains("pg_create_select_permission", "X-Hasura-User-Id");
        browser.screenshot("permissions");
        browser.click("perm-save");
        browser.waitForText("perm-saved", "Permission created");

        assertThat(permissions("select")).isEqualTo(Json.parse("""
                [{"role": "user", "permission": {"columns": ["id", "title"],
                  "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}, "limit": 10}}]"""));
        assertThat(browser.waitForText("perm-role-user", "user")).isNotNull();
        assertThat(browser.find("perm-user-select").getAttribute("data-access")).isEqualTo("partial");

        JsonNode answer = engine.graphql("{ article(order_by: {id: asc}) { id title } }",
                Map.of("x-hasura-role", "user", "x-hasura-user-id", "1")).json();
        assertThat(answer).isEqualTo(Json.parse("""
                {"data": {"article": [{"id": 1, "title": "one by 1"}, {"id": 3, "title": "three by 1"}]}}"""));

        // change it: every column, no filter → full; saved as drop + create in one bulk
        browser.click("perm-filter-none").click("perm-columns-toggle");
        // empty the number field as a user does (React sees the input event)
        browser.script("const e = arguments[0]; const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                + " set.call(e, ''); e.dispatchEvent(new Event('input', {bubbles: true}));", browser.find("perm-limit"));
        assertThat(browser.find("perm-preview").getText()).contains("bulk", "pg_drop_select_permission");
        browser.click("perm-save");
        browser.waitForText("perm-saved", "Permission saved");
        assertThat(permissions("select").get(0).path("permission")).isEqualTo(Json.parse("""
                {"columns": ["id", "title", "body", "author_id"], "filter": {}}"""));
        assertThat(browser.find("perm-user-select").getAttribute("data-access")).isEqualTo("full");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aBadFilterShowsTheServersErrorNextToIt() {
        browser.go(TAB);
        browser.type("perm-new-role", "guest");
        browser.click("perm-guest-delete");
        browser.click("perm-filter-custom");
        browser.type("perm-filter", "{\"author\": {\"nmae\": {\"_eq\": \"X-Hasura-User-Id\"}}}");
        browser.click("perm-save");
        String error = browser.waitForText("perm-filter-error", "nmae");
        assertThat(error).contains("\"nmae\" does not exist", "invalid-configuration");
        assertThat(browser.all("perm-error")).isEmpty();
        browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find("perm-filter-error"));
        browser.screenshot("permissions-error");
        assertThat(permissions("delete").size()).isZero();

        // a filter that is not JSON is stopped before the server
        browser.type("perm-filter", "{author: ");
        browser.click("perm-save");
        assertThat(browser.waitForText("perm-filter-error", "not valid JSON")).contains("row filter");

        // through a relationship, with a session variable: accepted
        browser.type("perm-filter", "{\"author\": {\"name\": {\"_eq\": \"X-Hasura-User-Name\"}}}");
        browser.click("perm-save");
        browser.waitForText("perm-saved", "Permission created");
        assertThat(permissions("delete").get(0).path("permission").path("filter"))
                .isEqualTo(Json.parse("{\"author\": {\"name\": {\"_eq\": \"X-Hasura-User-Name\"}}}"));

        browser.click("perm-delete");
        browser.waitGone("perm-editor");
        assertThat(permissions("delete").size()).isZero();
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void createsAnInsertPermissionWithACheckAndAPresetFromASessionVariable() {
        browser.go(TAB);
        browser.click("perm-reader-insert");
        browser.click("perm-check-custom");
        browser.type("perm-check", "{\"author_id\": {\"_eq\": \"X-Hasura-User-Id\"}}");
        browser.click("perm-column-id").click("perm-column-title");
        browser.find("perm-preset-column-0").sendKeys("author_id");
        browser.find("perm-preset-kind-0").sendKeys("from session variable");
        browser.type("perm-preset-value-0", "User-Id");
        browser.click("perm-backend-only");
        browser.click("perm-save");
        browser.waitForText("perm-saved", "Permission created");
        assertThat(permissions("insert")).isEqualTo(Json.parse("""
                [{"role": "reader", "permission": {"columns": ["id", "title"],
                  "check": {"author_id": {"_eq": "X-Hasura-User-Id"}},
                  "set": {"author_id": "X-Hasura-User-Id"}, "backend_only": true}}]"""));
        assertThat(browser.find("perm-reader-insert").getAttribute("data-access")).isEqualTo("partial");
        assertThat(browser.scriptErrors()).isEmpty();
    }
}
