package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.browser.Browser;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API tab in a real Chromium: GraphiQL on /v1/graphql with the session's admin secret, a query as
 * a role through the request headers table, and Explain (SQL, plan, remote calls).
 */
class ConsoleApiExplorerBrowserTest {
    static final Map<String, String> ADMIN = Map.of("x-hasura-admin-secret", "s3cret");
    static EngineFixture engine;
    static GraphqlTestServer users;
    static Browser browser;

    @BeforeAll
    static void start() {
        users = UserService.start();
        engine = EngineFixture.start("console_api", c -> c.toBuilder()
                .console(ConsoleSettings.ENABLED).adminSecrets(List.of("s3cret")).build());
        admin("/v2/query", """
                {"type": "run_sql", "args": {"sql": "CREATE TABLE article (id int PRIMARY KEY, title text, author_id int); INSERT INTO article VALUES (1, 'one by 1', 1), (2, 'two by 2', 2), (3, 'three by 1', 1);"}}""");
        admin("/v1/metadata", """
                {"type": "bulk", "args": [
                 {"type": "pg_track_table", "args": {"table": "article"}},
                 {"type": "pg_create_select_permission", "args": {"table": "article", "role": "user",
                   "permission": {"columns": ["id", "title"], "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}}}},
                 {"type": "add_remote_schema", "args": {"name": "users", "definition": {"url": "%s"}}},
                 {"type": "pg_create_remote_relationship", "args": {"table": "article", "name": "author",
                   "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["author_id"],
                     "remote_field": {"user": {"arguments": {"id": "$author_id"}}}}}}}]}""".formatted(users.url()));
        browser = Browser.open("http://localhost:" + engine.engine.port());
        browser.go("/console/api/api-explorer");
        browser.type("admin-secret", "s3cret").click("login-submit");
        browser.find("api-run");
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> Boolean.TRUE.equals(browser.script("return !!(window.__console && window.__console.api && window.__console.api.ready())")));
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
        users.close();
    }

    static Http.Response admin(String path, String body) {
        Http.Response r = engine.http.post(path, body, ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** Sets the query in GraphiQL, clicks its Run button and waits for the result pane to show {@code expected}. */
    static String run(String query, String expected) {
        browser.script("window.__console.api.setQuery(arguments[0])", query);
        browser.click("api-run");
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> String.valueOf(browser.script("return window.__console.api.result()")).contains(expected));
        return (String) browser.script("return window.__console.api.result()");
    }

    @Test
    void runsAQueryWithTheSessionsAdminSecret() {
        assertThat(browser.find("header-key-0").getAttribute("value")).isEqualTo("x-hasura-admin-secret");
        assertThat(browser.find("header-value-0").getAttribute("type")).isEqualTo("password");
        assertThat(browser.find("header-value-0").getAttribute("value")).isEqualTo("s3cret");
        String result = run("query Articles {\n  article(order_by: {id: asc}) {\n    id\n    title\n    author {\n      name\n    }\n  }\n}\n",
                "three by 1");
        assertThat(result).contains("one by 1", "two by 2", "three by 1", "user2");
        assertThat(browser.waitForText("api-result", "one by 1")).contains("one by 1");
        // GraphiQL's history and docs explorer (the schema introspected with the same headers)
        browser.click("api-history");
        waitForText(".graphiql-history-items", "Articles");
        browser.click("api-docs");
        waitForText(".graphiql-doc-explorer-content", "query_root");
        browser.driver.findElement(By.linkText("query_root")).click();
        waitForText(".graphiql-doc-explorer-content", "article_by_pk");
        browser.screenshot("api-explorer");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void runsAQueryAsARoleGivenInTheHeadersAndExplainsIt() {
        int first = blankRow();
        browser.type("header-key-" + first, "x-hasura-role").type("header-value-" + first, "user");
        browser.type("header-key-" + (first + 1), "x-hasura-user-id").type("header-value-" + (first + 1), "1");
        browser.find("api-headers").click(); // blur: the schema is introspected again as the role
        String result = run("query Mine { article(order_by: {id: asc}) { title } }", "three by 1");
        assertThat(result).contains("one by 1", "three by 1").doesNotContain("two by 2");
        // the role cannot see author_id: a field outside its permission is refused as in Hasura
        assertThat(run("{ article { author_id } }", "validation-failed")).contains("author_id");

        browser.script("window.__console.api.setQuery(arguments[0])", "query Mine { article(order_by: {id: asc}) { title } }");
        browser.click("api-explain");
        String sql = browser.waitForText("explain-sql", "select");
        assertThat(browser.find("explain-panel").getText()).contains("Explain as user", "article");
        assertThat(sql).contains("\"article\"");
        assertThat(browser.find("explain-plan").getText()).isNotBlank();
        browser.click("explain-close").waitGone("explain-panel");

        // back as admin (untick the role and user id): explain shows the remote call of the relationship
        browser.click("header-on-" + first).click("header-on-" + (first + 1));
        browser.script("window.__console.api.setQuery(arguments[0])", "{ article { title author { name } } }");
        browser.click("api-explain");
        assertThat(browser.waitForText("explain-remote-joins", "users")).contains("$.article.author", "author_id");
        browser.screenshot("api-explain");
        browser.click("explain-close").waitGone("explain-panel");
        browser.click("header-remove-" + (first + 1)).click("header-remove-" + first);
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void showsTheServersErrorWhenExplainIsRefused() {
        browser.script("window.__console.api.setQuery(arguments[0])", "{ users(ids: [1]) { name } }");
        browser.click("api-explain");
        assertThat(browser.waitForText("explain-error", "explained")).contains("only hasura queries can be explained");
        browser.click("explain-close").waitGone("explain-panel");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    static void waitForText(String css, String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** The index of the table's empty last row. */
    static int blankRow() {
        return browser.all("api-headers").isEmpty() ? 0
                : ((Long) browser.script("return document.querySelectorAll('[data-test=api-headers] tbody tr').length")).intValue() - 1;
    }
}
