package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.browser.Browser;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * A table's Relationships tab in a real Chromium: a suggested foreign-key relationship added in one
 * click, a table relationship through the form, a refused remote relationship showing the server's
 * error next to the field it concerns, a nested remote field path with static values, and a remote
 * relationship edited and deleted.
 */
class RelationshipsBrowserTest {
    static EngineFixture engine;
    static Browser browser;
    static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = MessageService.start();
        engine = EngineFixture.start("console_rel", c -> c.toBuilder().console(ConsoleSettings.ENABLED).build());
        engine.runSqlOk("""
            create table authors (id int primary key, name text);
            create table articles (id int primary key, title text, author_id int references authors(id), editor_id int);
            insert into authors values (1, 'Ann'), (2, 'Bo');
            insert into articles values (10, 'On joins', 1, 2), (11, 'On keys', 2, 1);
            """);
        engine.metadataOk("""
            {"type": "pg_track_tables", "args": {"tables": [{"table": "authors"}, {"table": "articles"}]}}""");
        engine.metadataOk("""
            {"type": "add_remote_schema", "args": {"name": "users", "definition": {"url": "%s"}}}""".formatted(users.url()));
        browser = Browser.open("http://localhost:" + engine.engine.port());
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
        users.close();
    }

    static JsonNode table(String name) {
        for (JsonNode t : engine.export().at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals(name)) {
                return t;
            }
        }
        return null;
    }

    static void openRelationships(String tableName) {
        browser.go("/console/data/default/schema/public/tables/" + tableName + "/relationships");
        browser.find("relationships");
    }

    @Test
    void aSuggestedForeignKeyRelationshipIsAddedInOneClick() {
        openRelationships("articles");
        assertThat(browser.waitForText("suggested-joins-0", "author_id → authors.id")).isNotEmpty();
        assertThat(browser.find("suggested-name-0").getAttribute("value")).isEqualTo("author");
        browser.click("suggested-add-0");

        browser.find("relationship-row-author");
        assertThat(browser.waitForText("relationship-joins-author", "author_id → authors.id")).isNotEmpty();
        assertThat(table("articles").path("object_relationships").get(0))
                .isEqualTo(Json.parse("{\"name\": \"author\", \"using\": {\"foreign_key_constraint_on\": \"author_id\"}}"));
        assertThat(engine.gql("{ articles_by_pk(id: 10) { author { name } } }").at("/data/articles_by_pk/author/name").asText())
                .isEqualTo("Ann");

        openRelationships("authors");
        assertThat(browser.waitForText("suggested-joins-0", "id → articles.author_id")).isNotEmpty();
        browser.click("suggested-add-0");
        browser.find("relationship-row-articles");
        assertThat(table("authors").path("array_relationships").get(0)).isEqualTo(Json.parse("""
            {"name": "articles", "using": {"foreign_key_constraint_on": {"table": {"schema": "public", "name": "articles"},
             "column": "author_id"}}}"""));
        assertThat(browser.all("suggested-relationships")).isEmpty();
        browser.screenshot("relationships-suggested");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aTableRelationshipThroughTheFormWithAColumnMapping() {
        openRelationships("articles");
        browser.click("add-relationship");
        browser.type("to-reference", "auth");
        browser.click("to-reference-option-authors");
        browser.type("relationship-name", "editor");
        browser.select("relationship-type", "object");
        browser.select("mapping-from-0", "editor_id");
        browser.select("mapping-to-0", "id");
        assertThat(browser.waitForText("relationship-preview", "\"manual_configuration\"")).contains("\"editor_id\": \"id\"");
        browser.click("create-relationship");

        browser.find("relationship-row-editor");
        assertThat(engine.gql("{ articles_by_pk(id: 10) { editor { name } } }").at("/data/articles_by_pk/editor/name").asText())
                .isEqualTo("Bo");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aRefusedRelationshipShowsTheServersErrorNextToTheField() {
        openRelationships("articles");
        browser.click("add-relationship");
        browser.type("to-reference", "users");
        browser.click("to-reference-option-users");
        browser.type("relationship-name", "title");
        browser.click("remote-field-user");
        browser.select("remote-arg-mode-user.id", "column");
        browser.select("remote-arg-column-user.id", "author_id");
        JsonNode before = engine.exportWithVersion();
        browser.click("create-relationship");

        assertThat(browser.waitForText("relationship-name-error", "field definition conflicts with postgres column"))
                .contains("invalid-configuration");
        assertThat(browser.all("relationship-form-error")).isEmpty();

        browser.type("relationship-name", "writer");
        browser.select("remote-arg-mode-user.id", "static");
        browser.type("remote-arg-value-user.id", "1");
        browser.select("remote-arg-mode-user.id", "column");
        browser.select("remote-arg-column-user.id", "title");
        browser.click("create-relationship");
        assertThat(browser.waitForText("relationship-arguments-error", "expected type")).contains("Int");
        assertThat(engine.exportWithVersion()).isEqualTo(before);
        browser.screenshot("relationship-refused");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aNestedRemoteFieldPathWithStaticValues() {
        openRelationships("articles");
        browser.click("add-relationship");
        browser.type("to-reference", "USE");
        browser.click("to-reference-option-users");
        browser.type("relationship-name", "author_avatar");
        browser.click("remote-field-user");
        browser.select("remote-arg-mode-user.id", "column");
        browser.select("remote-arg-column-user.id", "author_id");
        browser.click("remote-field-user.profile");
        browser.select("remote-arg-mode-user.profile.size", "static");
        browser.type("remote-arg-value-user.profile.size", "64");
        browser.click("remote-field-user.profile.avatar");
        browser.select("remote-arg-mode-user.profile.avatar.format", "static");
        browser.type("remote-arg-value-user.profile.avatar.format", "png");
        String preview = browser.waitForText("relationship-preview", "\"png\"");
        assertThat(Json.parse(preview).at("/args/definition/to_remote_schema")).isEqualTo(Json.parse("""
            {"remote_schema": "users", "lhs_fields": ["author_id"],
             "remote_field": {"user": {"arguments": {"id": "$author_id"}, "field": {"profile": {"arguments": {"size": 64},
               "field": {"avatar": {"arguments": {"format": "png"}}}}}}}}"""));
        browser.click("create-relationship");

        assertThat(browser.waitForText("relationship-joins-author_avatar", "user(id: $author_id) → profile(size: 64) → avatar"))
                .contains("format: \"png\"");
        assertThat(engine.gql("{ articles_by_pk(id: 10) { author_avatar { url } } }").at("/data/articles_by_pk/author_avatar/url")
                .asText()).isEqualTo("https://img/@user1/64.png");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aRemoteRelationshipIsEditedAndDeleted() {
        engine.metadataOk("""
            {"type": "pg_create_remote_relationship", "args": {"table": "articles", "name": "writer_user",
              "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["author_id"],
                "remote_field": {"user": {"arguments": {"id": "$author_id"}}}}}}}""");
        openRelationships("articles");
        assertThat(browser.waitForText("relationship-joins-writer_user", "user(id: $author_id)")).isNotEmpty();
        browser.click("relationship-edit-writer_user");
        assertThat(new Select(browser.find("remote-arg-mode-user.id")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("column");
        browser.select("remote-arg-column-user.id", "editor_id");
        assertThat(browser.waitForText("relationship-preview", "pg_update_remote_relationship")).contains("$editor_id");
        browser.click("create-relationship");
        assertThat(browser.waitForText("relationship-joins-writer_user", "user(id: $editor_id)")).isNotEmpty();
        assertThat(engine.gql("{ articles_by_pk(id: 10) { writer_user { name } } }").at("/data/articles_by_pk/writer_user/name")
                .asText()).isEqualTo("user2");

        browser.click("relationship-delete-writer_user");
        browser.click("relationship-delete-confirm-writer_user");
        browser.waitGone("relationship-row-writer_user");
        assertThat(table("articles").path("remote_relationships").findValuesAsText("name")).doesNotContain("writer_user");
        assertThat(browser.scriptErrors()).isEmpty();
    }
}
