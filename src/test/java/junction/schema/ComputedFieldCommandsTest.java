package junction.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.json.Json;
import junction.test.ApiError;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pg_add/drop_computed_field and their legacy names: Hasura's checks of the function and their
 * messages, drops with dependents, select permissions per role, and computed fields whose function
 * run_sql drops or changes.
 */
class ComputedFieldCommandsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("computed_field_commands");
        f.runSqlOk("""
            create table author (id int primary key, first_name text not null, last_name text not null);
            create table article (id int primary key, title text not null, author_id int references author(id));
            create table untracked (id int primary key);
            insert into author values (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing');
            insert into article values (1, 'Notes', 1), (2, 'Machines', 2);
            create function author_full_name(author_row author) returns text stable language sql as $$
              select author_row.first_name || ' ' || author_row.last_name $$;
            create function author_initial(author_row author) returns text immutable language sql as $$
              select left(author_row.first_name, 1) $$;
            create function author_articles(author_row author) returns setof article stable language sql as $$
              select * from article where author_id = author_row.id $$;
            create function author_volatile(author_row author) returns text volatile language sql as $$ select 'v' $$;
            create function text_length(t text) returns int stable language sql as $$ select length(t) $$;
            create function hello() returns text stable language sql as $$ select 'hello' $$;
            create function author_untracked(author_row author) returns setof untracked stable language sql as $$
              select * from untracked $$;
            create function author_record(author_row author, out a int, out b int) stable language sql as $$ select 1, 2 $$;
            create function author_bad_session(author_row author, s text) returns text stable language sql as $$ select s $$;
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_tables", "args": {"tables": [{"table": "author"}, {"table": "article"}]}},
              {"type": "pg_add_computed_field", "args": {"table": "author", "name": "full_name",
                "definition": {"function": "author_full_name"}}},
              {"type": "pg_add_computed_field", "args": {"table": "author", "name": "initial",
                "definition": {"function": "author_initial"}}},
              {"type": "pg_add_computed_field", "args": {"table": "author", "name": "articles_of",
                "definition": {"function": "author_articles"}}},
              {"type": "pg_create_select_permission", "args": {"table": "author", "role": "user",
                "permission": {"columns": ["id"], "computed_fields": ["full_name"], "filter": {}}}},
              {"type": "pg_create_select_permission", "args": {"table": "author", "role": "guest",
                "permission": {"columns": ["id"], "filter": {}}}},
              {"type": "pg_create_select_permission", "args": {"table": "article", "role": "user",
                "permission": {"columns": ["id", "title"], "filter": {"id": {"_eq": 1}}}}}
            ]}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static String add(String name, String definition) {
        return """
            {"type": "pg_add_computed_field", "args": {"source": "default", "table": "author", "name": "%s", "definition": %s}}
            """.formatted(name, definition);
    }

    static void refusedBecause(String name, String definition, String reason) {
        ApiError error = f.refused(add(name, definition));
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("invalid-configuration");
        assertThat(error.error()).isEqualTo("Inconsistent object: in table \"author\": in computed field \"" + name + "\": "
                + reason);
    }

    static JsonNode as(String role, String query) {
        return f.http.post("/v1/graphql", Json.write(Json.object().put("query", query)),
                Map.of("x-hasura-role", role)).json();
    }

    @Test
    void aFunctionThatDoesNotExistIsRefused() {
        refusedBecause("missing", "{\"function\": \"nope\"}", "no such function exists in postgres : \"nope\"");
    }

    @Test
    void aVolatileFunctionIsRefused() {
        refusedBecause("vol", "{\"function\": \"author_volatile\"}", "the computed field \"vol\" cannot be added to table "
                + "\"author\" because the function \"author_volatile\" is of type VOLATILE; cannot be added as a computed field");
    }

    @Test
    void aFunctionWhoseFirstArgumentIsNotTheRowIsRefusedWithEveryReason() {
        refusedBecause("len", "{\"function\": \"text_length\"}", "the computed field \"len\" cannot be added to table "
                + "\"author\" for the following reasons:\n"
                + "  • first argument of the function \"text_length\" is not COMPOSITE type\n"
                + "  • first argument of the function \"text_length\" of type \"text\" is not the table to which the "
                + "computed field is being added\n");
    }

    @Test
    void aFunctionWithoutArgumentsIsRefused() {
        refusedBecause("hi", "{\"function\": \"hello\"}", "the computed field \"hi\" cannot be added to table \"author\" "
                + "because the function \"hello\" has no input arguments");
    }

    @Test
    void aTableArgumentThatIsNotAnArgumentIsRefused() {
        refusedBecause("fn2", "{\"function\": \"author_full_name\", \"table_argument\": \"row\"}",
                "the computed field \"fn2\" cannot be added to table \"author\" because \"row\" is not an input argument "
                        + "of the function \"author_full_name\"");
    }

    @Test
    void theReturnTypeMustBeABaseTypeOrRowsOfATrackedTable() {
        refusedBecause("u", "{\"function\": \"author_untracked\"}", "the computed field \"u\" cannot be added to table "
                + "\"author\" because the function \"author_untracked\" returning set of table \"untracked\" is not tracked "
                + "or not found in database");
        refusedBecause("r", "{\"function\": \"author_record\"}", "the computed field \"r\" cannot be added to table "
                + "\"author\" because the function \"author_record\" returning type record is not a BASE type");
    }

    @Test
    void theSessionArgumentMustBeJson() {
        refusedBecause("s", "{\"function\": \"author_bad_session\", \"session_argument\": \"s\"}",
                "the computed field \"s\" cannot be added to table \"author\" because \"s\" argument of the function "
                        + "\"author_bad_session\" is not of type JSON");
    }

    @Test
    void aNameAnotherFieldHasIsRefused() {
        ApiError error = f.refused(add("first_name", "{\"function\": \"author_full_name\"}"));
        assertThat(error.error()).isEqualTo("Inconsistent object: field definition conflicts with postgres column");
        assertThat(error.internal().at("/0/type").asText()).isEqualTo("computed_field");
    }

    @Test
    void aSecondComputedFieldOfTheSameNameOrAnUnknownTableIsRefused() {
        f.refused(add("full_name", "{\"function\": \"author_initial\"}"))
                .expect(400, "already-exists", "$.args.name", "computed field \"full_name\" already exists");
        f.refused("""
            {"type": "pg_add_computed_field", "args": {"table": "nope", "name": "x", "definition": {"function": "hello"}}}""")
                .expect(400, "not-exists", "$.args.table", "table \"nope\" does not exist in source: default");
        f.refused("""
            {"type": "pg_drop_computed_field", "args": {"table": "author", "name": "nope"}}""")
                .expect(400, "not-exists", "$.args.name", "computed field \"nope\" does not exist");
    }

    @Test
    void theLegacyCommandsAddAndDrop() {
        var r = f.http.post("/v1/query", """
            {"type": "add_computed_field", "args": {"table": "author", "name": "legacy_initial",
              "definition": {"function": "author_initial"}}}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(f.gql("{ author_by_pk(id: 2) { legacy_initial } }").at("/data/author_by_pk/legacy_initial").asText())
                .isEqualTo("A");
        r = f.http.post("/v1/query", """
            {"type": "drop_computed_field", "args": {"table": "author", "name": "legacy_initial"}}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(f.gql("{ author_by_pk(id: 2) { legacy_initial } }").at("/errors/0/message").asText())
                .isEqualTo("field 'legacy_initial' not found in type: 'author'");
    }

    @Test
    void aRoleSeesAScalarComputedFieldOnlyWhenItsPermissionGrantsIt() {
        assertThat(as("user", "{ author(order_by: {id: asc}) { id full_name } }").at("/data/author/0/full_name").asText())
                .isEqualTo("Ada Lovelace");
        assertThat(as("user", "{ author { initial } }").at("/errors/0/message").asText())
                .isEqualTo("field 'initial' not found in type: 'author'");
        assertThat(as("guest", "{ author { full_name } }").at("/errors/0/message").asText())
                .isEqualTo("field 'full_name' not found in type: 'author'");
        assertThat(as("guest", "{ author(where: {full_name: {_eq: \"x\"}}) { id } }").at("/errors/0/message").asText())
                .isEqualTo("field 'full_name' not found in type: 'author_bool_exp'");
        assertThat(f.gql("{ author_by_pk(id: 1) { initial } }").at("/data/author_by_pk/initial").asText()).isEqualTo("A");
    }

    @Test
    void rowsOfAComputedFieldFollowTheReturnedTablesPermission() {
        JsonNode user = as("user", "{ author(order_by: {id: asc}) { id articles_of { id title } } }");
        assertThat(user.at("/data/author")).isEqualTo(Json.parse("""
            [{"id": 1, "articles_of": [{"id": 1, "title": "Notes"}]}, {"id": 2, "articles_of": []}]"""));
        assertThat(as("guest", "{ author { articles_of { id } } }").at("/errors/0/message").asText())
                .isEqualTo("field 'articles_of' not found in type: 'author'");
    }

    @Test
    void anInheritedRoleSeesTheComputedFieldsOfItsParents() {
        f.metadataOk("{\"type\": \"add_inherited_role\", \"args\": {\"role_name\": \"mix\", \"role_set\": [\"user\", \"guest\"]}}");
        try {
            assertThat(as("mix", "{ author(order_by: {id: asc}) { full_name } }").at("/data/author/1/full_name").asText())
                    .isEqualTo("Alan Turing");
        } finally {
            f.metadataOk("{\"type\": \"drop_inherited_role\", \"args\": {\"role_name\": \"mix\"}}");
        }
    }

    @Test
    void anInheritedRoleSeesAComputedFieldOnlyOnTheRowsOfTheParentsThatGrantIt() {
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_create_select_permission", "args": {"table": "author", "role": "first",
                "permission": {"columns": ["id"], "computed_fields": ["full_name"], "filter": {"id": {"_eq": 1}}}}},
              {"type": "pg_create_select_permission", "args": {"table": "author", "role": "second",
                "permission": {"columns": ["id"], "filter": {"id": {"_eq": 2}}}}},
              {"type": "add_inherited_role", "args": {"role_name": "both", "role_set": ["first", "second"]}}]}""");
        assertThat(as("both", "{ author(order_by: {id: asc}) { id full_name } }").at("/data")).isEqualTo(Json.parse("""
            {"author": [{"id": 1, "full_name": "Ada Lovelace"}, {"id": 2, "full_name": null}]}"""));
        assertThat(as("both", "{ author(where: {full_name: {_like: \"Alan%\"}}) { id } }").at("/data"))
                .isEqualTo(Json.parse("{\"author\": []}"));
        assertThat(as("both", "{ author(where: {full_name: {_is_null: true}}) { id } }").at("/data"))
                .isEqualTo(Json.parse("{\"author\": [{\"id\": 2}]}"));
    }

    @Test
    void aPermissionMayNotNameAnUnknownComputedFieldOrOneReturningRows() {
        ApiError unknown = f.refused("""
            {"type": "pg_create_select_permission", "args": {"table": "author", "role": "other",
              "permission": {"columns": ["id"], "computed_fields": ["nope"], "filter": {}}}}""");
        assertThat(unknown.error()).endsWith("computed field \"nope\" does not exist");
        ApiError rows = f.refused("""
            {"type": "pg_create_select_permission", "args": {"table": "author", "role": "other",
              "permission": {"columns": ["id"], "computed_fields": ["articles_of"], "filter": {}}}}""");
        assertThat(rows.error()).endsWith("select permissions on computed field \"articles_of\" are auto-derived from the "
                + "permissions on its returning table \"article\" and cannot be specified manually");
    }

    @Test
    void aPermissionFilterMayCompareAComputedField() {
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "author", "role": "fan",
              "permission": {"columns": ["id"], "filter": {"full_name": {"_like": "Alan%"}}}}}""");
        assertThat(as("fan", "{ author { id } }").at("/data")).isEqualTo(Json.parse("{\"author\": [{\"id\": 2}]}"));
        ApiError columns = f.refused("""
            {"type": "pg_create_select_permission", "args": {"table": "author", "role": "other",
              "permission": {"columns": ["id"], "filter": {"full_name": {"_ceq": "first_name"}}}}}""");
        assertThat(columns.error()).endsWith("column comparison operators are not supported on computed field \"full_name\"");
    }

    @Test
    void droppingAComputedFieldAFilterUsesNamesThePermission() {
        f.runSqlOk("""
            create table lamp (id int primary key, watts int);
            insert into lamp values (1, 40), (2, 100);
            create function lamp_bright(l lamp) returns boolean stable language sql as $$ select l.watts > 60 $$;
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "lamp"}},
              {"type": "pg_add_computed_field", "args": {"table": "lamp", "name": "bright", "definition": {"function": "lamp_bright"}}},
              {"type": "pg_create_select_permission", "args": {"table": "lamp", "role": "user",
                "permission": {"columns": ["id"], "filter": {"bright": {"_eq": true}}}}}]}""");
        assertThat(as("user", "{ lamp { id } }").at("/data")).isEqualTo(Json.parse("{\"lamp\": [{\"id\": 2}]}"));
        f.refused("{\"type\": \"pg_drop_computed_field\", \"args\": {\"table\": \"lamp\", \"name\": \"bright\"}}")
                .expect(400, "dependency-error", "$.args", "cannot drop due to the following dependent objects: "
                        + "permission lamp.user.select in source \"default\"");
    }

    @Test
    void droppingAComputedFieldAPermissionGrantsNeedsCascade() {
        f.runSqlOk("""
            create table book (id int primary key, title text);
            insert into book values (1, 'Dune');
            create function book_shout(b book) returns text stable language sql as $$ select upper(b.title) $$;
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "book"}},
              {"type": "pg_add_computed_field", "args": {"table": "book", "name": "shout", "definition": {"function": "book_shout"}}},
              {"type": "pg_create_select_permission", "args": {"table": "book", "role": "user",
                "permission": {"columns": ["id"], "computed_fields": ["shout"], "filter": {}}}}]}""");
        f.refused("{\"type\": \"pg_drop_computed_field\", \"args\": {\"table\": \"book\", \"name\": \"shout\"}}")
                .expect(400, "dependency-error", "$.args", "cannot drop due to the following dependent objects: "
                        + "permission book.user.select in source \"default\"");
        f.metadataOk("{\"type\": \"pg_drop_computed_field\", \"args\": {\"table\": \"book\", \"name\": \"shout\", \"cascade\": true}}");
        assertThat(as("user", "{ book { id } }").at("/errors/0/message").asText())
                .isEqualTo("field 'book' not found in type: 'query_root'");
        assertThat(f.gql("{ book { id } }").at("/data/book/0/id").asInt()).isEqualTo(1);
    }

    @Test
    void runSqlDroppingTheFunctionNeedsCascade() {
        f.runSqlOk("""
            create table pen (id int primary key, color text);
            insert into pen values (1, 'red');
            create function pen_label(p pen) returns text stable language sql as $$ select 'pen ' || p.color $$;
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "pen"}},
              {"type": "pg_add_computed_field", "args": {"table": "pen", "name": "label", "definition": {"function": "pen_label"}}}]}""");
        ApiError error = f.refused(() -> f.runSql("drop function pen_label(pen)"));
        assertThat(error.code()).isEqualTo("dependency-error");
        assertThat(error.error()).isEqualTo("cannot drop due to the following dependent objects: "
                + "computed field pen.label in source \"default\"");
        var r = f.runSqlWith("{\"sql\": \"drop function pen_label(pen)\", \"cascade\": true}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(f.gql("{ pen { id color } }").at("/data/pen/0/color").asText()).isEqualTo("red");
        assertThat(f.export().toString()).doesNotContain("pen_label");
    }

    @Test
    void aFunctionMadeVolatileMakesTheComputedFieldInconsistentAndTheRestServes() {
        f.runSqlOk("""
            create table cup (id int primary key, size int);
            insert into cup values (1, 3);
            create function cup_double(c cup) returns int stable language sql as $$ select c.size * 2 $$;
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "cup"}},
              {"type": "pg_add_computed_field", "args": {"table": "cup", "name": "double", "definition": {"function": "cup_double"}}}]}""");
        String volatileSql = "create or replace function cup_double(c cup) returns int volatile language sql as $$ select c.size * 2 $$";
        ApiError error = f.refused(() -> f.runSql(volatileSql));
        assertThat(error.error()).isEqualTo("cannot continue due to newly found inconsistent metadata");
        var r = f.runSqlWith(Json.write(Json.object().put("sql", volatileSql).put("check_metadata_consistency", false)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode reload = f.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");
        assertThat(reload.path("is_consistent").asBoolean()).isFalse();
        JsonNode issue = null;
        for (JsonNode i : f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("inconsistent_objects")) {
            if (i.path("type").asText().equals("computed_field")) {
                issue = i;
            }
        }
        assertThat(issue).isNotNull();
        assertThat(issue.path("name").asText()).isEqualTo("computed_field double in table cup in source default");
        assertThat(issue.path("reason").asText()).isEqualTo("Inconsistent object: in table \"cup\": in computed field "
                + "\"double\": the computed field \"double\" cannot be added to table \"cup\" because the function "
                + "\"cup_double\" is of type VOLATILE; cannot be added as a computed field");
        assertThat(issue.at("/definition/definition/function/name").asText()).isEqualTo("cup_double");
        assertThat(f.gql("{ cup { id size } }").at("/data/cup/0/size").asInt()).isEqualTo(3);
        assertThat(f.gql("{ cup { double } }").at("/errors/0/message").asText())
                .isEqualTo("field 'double' not found in type: 'cup'");
        f.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}");
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
        assertThat(f.export().toString()).doesNotContain("cup_double");
    }
}
