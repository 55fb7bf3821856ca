package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import junction.test.EngineFixture;
import junction.test.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The console's Data section in a real Chromium: tracking from the schema page, browsing a table
 * (paged, sorted, through its custom GraphQL names), inserting, editing and deleting a row, and the
 * SQL page (with "Track this", and a refused statement's Postgres error).
 */
class DataBrowserTest {
    static EngineFixture engine;
    static Browser browser;

    @BeforeAll
    static void start() {
        engine = EngineFixture.start("console_data", c -> c.toBuilder().console(ConsoleSettings.ENABLED).build());
        engine.runSqlOk("""
                create table author (id serial primary key, name text not null, rating int, born date);
                insert into author (name, rating) select 'author ' || to_char(i, 'FM00'), i % 5 from generate_series(1, 23) i;
                create table article (id serial primary key, author_id int not null references author (id), title text unique);
                create table audit_log (message text);
                insert into audit_log values ('one'), ('two');
                create view author_name as select id, name from author;
                """);
        // custom names: the console must browse and write through them
        engine.metadataOk("""
                {"type": "pg_track_table", "args": {"source": "default", "table": {"schema": "public", "name": "author"},
                 "configuration": {"custom_name": "writer", "custom_root_fields": {"select": "writers", "insert_one": "add_writer"},
                                   "column_config": {"name": {"custom_name": "full_name"}}}}}""");
        browser = Browser.open("http://localhost:" + engine.engine.port());
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(browser.scriptErrors()).isEmpty();
    }

    private static List<String> trackedTables() {
        List<String> names = new ArrayList<>();
        for (JsonNode table : engine.export().path("sources").path(0).path("tables")) {
            names.add(table.path("table").path("name").asText());
        }
        return names;
    }

    private static JsonNode tableEntry(String name) {
        for (JsonNode table : engine.export().path("sources").path(0).path("tables")) {
            if (table.path("table").path("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("not tracked: " + name);
    }

    private static List<String> column(String sql) {
        List<String> values = new ArrayList<>();
        JsonNode rows = engine.runSqlOk(sql).path("result");
        for (int i = 1; i < rows.size(); i++) {
            values.add(rows.get(i).get(0).isNull() ? null : rows.get(i).get(0).asText());
        }
        return values;
    }

    @Test
    void tracksAndUntracksTablesFromTheSchemaPage() {
        browser.go("/console/data");
        browser.waitForText("schema-page", "Schema public");
        assertThat(browser.find("tracked-author").getText()).isEqualTo("author");
        browser.find("untracked-article");
        browser.find("untracked-author_name");

        browser.click("track-article");
        browser.find("tracked-article");
        browser.waitGone("untracked-article");
        assertThat(trackedTables()).contains("article");
        assertThat(browser.find("sidebar-table-article").getText()).isEqualTo("article");

        browser.find("untracked-relationship-author.articles");
        browser.screenshot("data-schema");
        browser.click("track-relationship-article.author");
        browser.waitGone("untracked-relationship-article.author");
        browser.click("track-relationship-author.articles");
        browser.find("untracked-relationships-empty");
        JsonNode article = tableEntry("article").path("object_relationships").path(0);
        assertThat(article.path("name").asText()).isEqualTo("author");
        assertThat(article.path("using").path("foreign_key_constraint_on").asText()).isEqualTo("author_id");
        JsonNode author = tableEntry("author").path("array_relationships").path(0);
        assertThat(author.path("name").asText()).isEqualTo("articles");
        assertThat(author.path("using").path("foreign_key_constraint_on").path("column").asText()).isEqualTo("author_id");
        assertThat(author.path("using").path("foreign_key_constraint_on").path("table").path("name").asText()).isEqualTo("article");

        browser.click("track-all");
        browser.find("untracked-tables-empty");
        assertThat(trackedTables()).contains("author", "article", "audit_log", "author_name");

        browser.click("sidebar-table-article");
        browser.find("tab-content-browse");
        browser.click("untrack-table");
        browser.click("untrack-confirm");
        browser.find("untracked-article");
        assertThat(browser.path()).isEqualTo("/console/data/default/schema/public");
        assertThat(trackedTables()).doesNotContain("article").contains("author");
        assertThat(engine.export().toString()).doesNotContain("articles");
    }

    @Test
    void browsesRowsInPagesSortedByAClickedColumnThroughTheCustomNames() {
        browser.go("/console/data/default/schema/public/tables/author/browse");
        assertThat(browser.waitForText("browse-range", "of 23")).isEqualTo("Rows 1–10 of 23");
        assertThat(browser.all("browse-row")).hasSize(10);
        assertThat(browser.all("cell-name").get(0).getText()).isEqualTo("author 01");
        browser.screenshot("data-browse");

        browser.click("browse-next");
        browser.waitForText("browse-range", "Rows 11–20 of 23");
        assertThat(browser.all("cell-name").get(0).getText()).isEqualTo("author 11");
        browser.click("browse-next");
        browser.waitForText("browse-range", "Rows 21–23 of 23");
        assertThat(browser.all("browse-row")).hasSize(3);
        assertThat(browser.find("browse-next").isEnabled()).isFalse();

        browser.select("browse-limit", "25");
        browser.waitForText("browse-range", "Rows 1–23 of 23");
        assertThat(browser.all("browse-row")).hasSize(23);

        browser.click("browse-sort-name");
        browser.click("browse-sort-name");
        browser.waitForText("browse-sort-name", "▼");
        waitForFirstCell("name", "author 23");

        browser.click("tab-modify");
        assertThat(browser.waitForText("columns", "full_name")).contains("integer", "nextval");
        assertThat(browser.find("primary-key").getText()).contains("id");
        assertThat(browser.find("modify-graphql").getText()).contains("writers", "add_writer");
    }

    private static void waitForFirstCell(String column, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> cells = browser.all("cell-" + column);
                    return !cells.isEmpty() && cells.get(0).getText().equals(text);
                });
    }

    @Test
    void insertsEditsAndDeletesARowByItsPrimaryKey() {
        browser.go("/console/data/default/schema/public/tables/author/insert");
        browser.type("input-name", "Zora");
        browser.type("input-rating", "4");
        browser.type("input-born", "1891-01-07");
        browser.screenshot("data-insert");
        browser.click("insert-save");
        assertThat(browser.waitForText("insert-result", "Zora")).contains("Inserted");
        assertThat(column("select rating::text || ' ' || born::text from author where name = 'Zora'")).containsExactly("4 1891-01-07");

        browser.click("tab-browse");
        browser.click("browse-sort-id");
        browser.waitForText("browse-sort-id", "▼");
        waitForFirstCell("name", "Zora");
        browser.click("edit-row-0");
        browser.type("input-name", "Zora Neale Hurston");
        browser.find("null-rating").click();
        browser.click("edit-save");
        browser.waitGone("edit-row");
        waitForFirstCell("name", "Zora Neale Hurston");
        assertThat(column("select coalesce(rating::text, 'null') from author where name = 'Zora Neale Hurston'")).containsExactly("null");

        browser.click("delete-row-0");
        browser.click("delete-confirm-0");
        waitForFirstCell("name", "author 23");
        assertThat(column("select count(*) from author where name like 'Zora%'")).containsExactly("0");
        assertThat(column("select count(*) from author")).containsExactly("23");
    }

    @Test
    void aTableWithoutPrimaryKeyIsBrowsedButNotEdited() {
        if (!trackedTables().contains("audit_log")) {
            engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"audit_log\"}}");
        }
        browser.go("/console/data/default/schema/public/tables/audit_log/browse");
        browser.waitForText("browse-range", "Rows 1–2 of 2");
        assertThat(browser.find("browse-no-primary-key").getText()).contains("no primary key");
        assertThat(browser.all("edit-row-0")).isEmpty();
        assertThat(browser.all("delete-row-0")).isEmpty();
    }

    @Test
    void theSqlPageRunsSqlAndTracksTheTablesItCreates() {
        browser.go("/console/data/sql");
        browser.type("sql-input", "create schema notes;\ncreate table note (id serial primary key, body text);\n"
                + "-- create table commented_out (id int);\n"
                + "CREATE OR REPLACE VIEW notes.\"RecentNote\" AS SELECT * FROM note;");
        assertThat(browser.find("sql-track-this").isSelected()).isTrue();
        browser.screenshot("data-sql-create");
        browser.click("sql-run");
        browser.find("sql-tracked-note");
        browser.find("sql-tracked-RecentNote");
        assertThat(trackedTables()).contains("note", "RecentNote").doesNotContain("commented_out");
        assertThat(engine.gql("{ notes_RecentNote { id } }").path("data").path("notes_RecentNote").isArray()).isTrue();

        browser.type("sql-input", "select id, name from author where id <= 3 order by id");
        assertThat(browser.find("sql-track-this").isSelected()).isFalse();
        browser.click("sql-run");
        assertThat(browser.waitForText("sql-result", "author 03")).contains("id", "name", "author 01");
        browser.screenshot("data-sql");
    }

    @Test
    void aRefusedStatementShowsThePostgresError() {
        browser.go("/console/data/sql");
        browser.type("sql-input", "select * from no_such_table");
        browser.click("sql-run");
        assertThat(browser.waitForText("sql-error", "42P01")).contains("relation \"no_such_table\" does not exist");

        browser.type("sql-input", "create table never (id int)");
        browser.find("sql-read-only").click();
        browser.click("sql-run");
        assertThat(browser.waitForText("sql-error", "25006")).contains("read-only");
        assertThat(column("select count(*) from pg_class where relname = 'never'")).containsExactly("0");
    }
}
