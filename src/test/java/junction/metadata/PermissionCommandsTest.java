package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Table permission commands over HTTP: each kind created, shown by export, commented, dropped; Hasura's refusals. */
class PermissionCommandsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("permission-commands");
        f.runSqlOk("""
            create table perm_authors (id int primary key, name text, active boolean, data jsonb, raw json);
            create table perm_articles (id int primary key, title text, author_id int references perm_authors(id),
              owner_id int, tags text[]);
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_tables", "args": {"tables": [{"table": "perm_authors"}, {"table": "perm_articles"}]}},
              {"type": "pg_create_object_relationship", "args": {"table": "perm_articles", "name": "author",
                "using": {"foreign_key_constraint_on": "author_id"}}}]}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static String create(String kind, String table, String role, String permission) {
        return """
            {"type": "pg_create_%s_permission", "args": {"source": "default", "table": "%s", "role": "%s",
              "permission": %s}}""".formatted(kind, table, role, permission);
    }

    static String drop(String kind, String table, String role) {
        return """
            {"type": "pg_drop_%s_permission", "args": {"table": "%s", "role": "%s"}}""".formatted(kind, table, role);
    }

    static JsonNode table(String name) {
        for (JsonNode t : f.export().at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name);
    }

    static JsonNode inconsistencies() {
        return f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
    }

    @Test
    void everyKindIsCreatedAsWrittenCommentedAndDropped() {
        String select = """
            {"columns": ["id", "title"], "filter": {"_or": [{"owner_id": {"_eq": "X-Hasura-User-Id"}},
              {"author": {"active": {"_eq": true}}}]}, "limit": 10, "allow_aggregations": true,
             "query_root_fields": ["select", "select_by_pk"], "subscription_root_fields": ["select_stream"]}""";
        String insert = """
            {"check": {"owner_id": "X-Hasura-User-Id"}, "set": {"owner_id": "x-hasura-user-id"}, "columns": ["id", "title"],
             "backend_only": false}""";
        String update = """
            {"columns": ["title"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}, "check": {"title": {"_ilike": "%a%"}},
             "set": {"author_id": 1}}""";
        String delete = """
            {"filter": {"_exists": {"_table": "perm_authors", "_where": {"id": {"_ceq": ["$", "author_id"]}}}}}""";
        f.metadataOk(create("select", "perm_articles", "writer", select));
        f.metadataOk(create("insert", "perm_articles", "writer", insert));
        f.metadataOk(create("update", "perm_articles", "writer", update));
        f.metadataOk(create("delete", "perm_articles", "writer", delete));

        JsonNode articles = table("perm_articles");
        assertThat(articles.at("/select_permissions/0/role").asText()).isEqualTo("writer");
        assertThat(articles.at("/select_permissions/0/permission")).isEqualTo(Json.parse(select));
        assertThat(articles.at("/insert_permissions/0/permission")).isEqualTo(Json.parse(insert));
        assertThat(articles.at("/update_permissions/0/permission")).isEqualTo(Json.parse(update));
        assertThat(articles.at("/delete_permissions/0/permission")).isEqualTo(Json.parse(delete));
        assertThat(inconsistencies().path("is_consistent").asBoolean()).isTrue();

        f.metadataOk("""
            {"type": "pg_set_permission_comment", "args": {"table": "perm_articles", "role": "writer", "type": "update",
              "comment": "own rows only"}}""");
        assertThat(table("perm_articles").at("/update_permissions/0/comment").asText()).isEqualTo("own rows only");

        for (String kind : new String[] {"select", "insert", "update", "delete"}) {
            f.metadataOk(drop(kind, "perm_articles", "writer"));
        }
        JsonNode after = table("perm_articles");
        assertThat(after.has("select_permissions") || after.has("insert_permissions") || after.has("update_permissions")
                || after.has("delete_permissions")).isFalse();
    }

    @Test
    void aCommentGivenAtCreationIsExported() {
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "perm_authors", "role": "commented",
              "permission": {"columns": "*", "filter": {}}, "comment": "everyone"}}""");
        JsonNode permission = table("perm_authors").path("select_permissions").get(0);
        assertThat(permission.path("comment").asText()).isEqualTo("everyone");
        assertThat(permission.at("/permission/columns").asText()).isEqualTo("*");
        f.metadataOk(drop("select", "perm_authors", "commented"));
    }

    @Test
    void aSecondPermissionOfAKindForTheRoleIsRefused() {
        f.metadataOk(create("select", "perm_authors", "twice", "{\"columns\": [\"id\"], \"filter\": {}}"));
        f.refused(create("select", "perm_authors", "twice", "{\"columns\": [\"id\"], \"filter\": {}}"))
                .expect(400, "already-exists", "$.args",
                        "select permission already defined on table \"perm_authors\" with role \"twice\"");
        f.metadataOk(drop("select", "perm_authors", "twice"));
    }

    @Test
    void adminCannotBeGivenPermissions() {
        f.refused(create("select", "perm_authors", "admin", "{\"columns\": \"*\", \"filter\": {}}"))
                .expect(400, "already-exists", "$.args",
                        "select permission already defined on table \"perm_authors\" with role \"admin\"");
        f.refused(create("delete", "perm_authors", "admin", "{\"filter\": {}}"))
                .expect(400, "already-exists", "$.args",
                        "delete permission already defined on table \"perm_authors\" with role \"admin\"");
    }

    @Test
    void missingTablesAndPermissionsAreRefused() {
        f.refused(create("select", "nope", "user", "{\"columns\": \"*\", \"filter\": {}}"))
                .expect(400, "not-exists", "$.args.table", "table \"nope\" does not exist in source: default");
        f.refused(drop("update", "perm_authors", "user"))
                .expect(400, "bad-request", "$.args", "update permission on \"perm_authors\" for role \"user\" does not exist");
        f.refused("""
            {"type": "pg_set_permission_comment", "args": {"table": "perm_authors", "role": "user", "type": "select",
              "comment": "x"}}""")
                .expect(400, "permission-denied", "$.args",
                        "'select' permission on \"perm_authors\" for role \"user\" does not exist");
        f.refused("""
            {"type": "pg_set_permission_comment", "args": {"table": "perm_authors", "role": "user", "type": "read"}}""")
                .expect(400, "parse-failed", "$.args.type", "perm_type should be one of 'insert', 'select', 'update', 'delete'");
        f.refused("{\"type\": \"pg_create_select_permission\", \"args\": {\"table\": \"perm_authors\", \"role\": \"user\"}}")
                .expect(400, "parse-failed", "$.args", "the key 'permission' was not present");
        f.refused(create("select", "perm_authors", "user", "{\"columns\": \"*\"}"))
                .expect(400, "parse-failed", "$.args.permission", "the key 'filter' was not present");
        f.refused(create("insert", "perm_authors", "user", "{\"columns\": \"*\"}"))
                .expect(400, "parse-failed", "$.args.permission", "the key 'check' was not present");
        f.refused(create("select", "perm_authors", "", "{\"columns\": \"*\", \"filter\": {}}"))
                .expect(400, "parse-failed", "$.args.role", "empty string not allowed");
    }

    /** Each: the permission's reason as Hasura words it, refused with invalid-configuration. */
    private static void refusedAsInconsistent(String kind, String table, String permission, String problem) {
        var error = f.refused(create(kind, table, "user", permission)).expect(400, "invalid-configuration", "$.args",
                "Inconsistent object: in table \"" + table + "\": in permission for role \"user\": " + problem);
        assertThat(error.internal().get(0).path("type").asText()).isEqualTo(kind + "_permission");
        assertThat(error.internal().get(0).path("name").asText())
                .isEqualTo(kind + "_permission user in table " + table + " in source default");
        assertThat(error.internal().get(0).at("/definition/permission")).isEqualTo(Json.parse(permission));
    }

    @Test
    void aPermissionThatDoesNotFitTheTableIsRefusedWithHasurasReason() {
        refusedAsInconsistent("select", "perm_articles", "{\"columns\": [\"id\", \"nope\"], \"filter\": {}}",
                "column \"nope\" does not exist");
        refusedAsInconsistent("select", "perm_articles", "{\"columns\": [\"author\"], \"filter\": {}}",
                "expecting a postgres column; but, \"author\" is a relationship; permissions for relationships are automatically inferred");
        refusedAsInconsistent("select", "perm_articles", "{\"columns\": \"*\", \"filter\": {\"nope\": {\"_eq\": 1}}}",
                "\"nope\" does not exist");
        refusedAsInconsistent("select", "perm_articles", "{\"columns\": \"*\", \"filter\": {\"author\": {\"nope\": {\"_eq\": 1}}}}",
                "\"nope\" does not exist");
        refusedAsInconsistent("select", "perm_articles", "{\"columns\": \"*\", \"filter\": {\"owner_id\": {\"_like\": \"a%\"}}}",
                " is of type \"integer\"; this operator works only on columns of type \"varchar\"/\"text\"/\"citext\"");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"name\": {\"_has_key\": \"a\"}}}",
                " is of type \"text\"; this operator works only on columns of type \"jsonb\"");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"id\": {\"_contains\": 1}}}",
                " is of type \"integer\"; this operator works only on columns of type an array or JSONB");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"id\": {\"_foo\": 1}}}",
                "Unknown operator: _foo");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"raw\": {\"_eq\": 1}}}",
                "JSON column can not be part of boolean expression");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"id\": {\"_eq\": true}}}",
                "parsing Integer expected for input type: PGInteger failed, expected Number, but encountered Boolean");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"id\": 1.5}}",
                "The value 1.5 lies outside the bounds or is not an integer. Maybe it is a float, or is there integer overflow?");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"id\": {\"_in\": [1, false]}}}",
                "parsing Integer expected for input type: PGInteger failed, expected Number, but encountered Boolean");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"name\": {\"_eq\": 3}}}",
                "parsing Text failed, expected String, but encountered Number");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"active\": {\"_eq\": 1}}}",
                "expected Bool, but encountered Number");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"active\": {\"_is_null\": \"yes\"}}}",
                "expected Bool, but encountered String");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {\"id\": {\"_ceq\": \"name\"}}}",
                "incompatible column types: \"id\" has type \"integer\", but \"name\" has type \"text\"");
        refusedAsInconsistent("select", "perm_authors",
                "{\"columns\": \"*\", \"filter\": {\"_exists\": {\"_table\": \"nope\", \"_where\": {}}}}",
                "table \"nope\" does not exist");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {}, \"limit\": -1}",
                "unexpected negative value");
        refusedAsInconsistent("select", "perm_authors", "{\"columns\": \"*\", \"filter\": {}, \"computed_fields\": [\"full\"]}",
                "computed field \"full\" does not exist");
        refusedAsInconsistent("insert", "perm_articles", "{\"check\": {}, \"set\": {\"nope\": 1}, \"columns\": \"*\"}",
                "column \"nope\" does not exist");
        refusedAsInconsistent("insert", "perm_articles", "{\"check\": {}, \"set\": {\"owner_id\": [1]}, \"columns\": \"*\"}",
                "parsing Integer expected for input type: PGInteger failed, expected Number, but encountered Array");
        refusedAsInconsistent("update", "perm_articles", "{\"columns\": [\"author\"], \"filter\": {}}",
                "expecting a postgres column; but, \"author\" is a relationship; relationships can't be used in update");
        refusedAsInconsistent("delete", "perm_articles", "{\"filter\": {\"title\": {\"_gt\": false}}}",
                "parsing Text failed, expected String, but encountered Boolean");
    }

    @Test
    void malformedArgumentsAreParseErrorsAtTheirPath() {
        f.refused(create("select", "perm_authors", "user",
                "{\"columns\": \"*\", \"filter\": {}, \"query_root_fields\": [\"select\", \"select_stream\"]}"))
                .expect(400, "parse-failed", "$.args.permission.query_root_fields[1]",
                        "parsing Hasura.RQL.Types.Permission.QueryRootFieldType failed, expected one of the tags "
                                + "[\"select\",\"select_by_pk\",\"select_aggregate\"], but found tag \"select_stream\"");
        f.refused(create("select", "perm_authors", "user", "{\"columns\": \"*\", \"filter\": {}, \"limit\": \"ten\"}"))
                .expect(400, "parse-failed", "$.args.permission.limit", "parsing Int failed, expected Number, but encountered String");
    }

    /** Hasura's parsePGValue takes a string for any type (Postgres reads it), so this is not refused here. */
    @Test
    void aStringIsAcceptedForAnyColumnType() {
        f.metadataOk(create("select", "perm_authors", "strings", """
            {"columns": "*", "filter": {"_and": [{"id": {"_eq": "abc"}}, {"active": "true"}, {"id": {"_in": ["1", 2]}}]}}"""));
        f.metadataOk(drop("select", "perm_authors", "strings"));
    }

    @Test
    void sessionVariablesAreAcceptedForAnyTypeInAnyCase() {
        f.metadataOk(create("select", "perm_authors", "session", """
            {"columns": "*", "filter": {"_and": [{"id": {"_eq": "x-hasura-USER-id"}}, {"id": {"_in": "X-Hasura-Allowed-Ids"}},
              {"active": "X-Hasura-Active"}]}}"""));
        f.metadataOk(drop("select", "perm_authors", "session"));
    }

    @Test
    void theLegacyQueryFormsDoTheSame() {
        Http.Response created = f.http.post("/v1/query", """
            {"type": "create_select_permission", "args": {"table": "perm_authors", "role": "legacy",
              "permission": {"columns": ["id"], "filter": {}}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Http.Response commented = f.http.post("/v1/query", """
            {"type": "set_permission_comment", "args": {"table": "perm_authors", "role": "legacy", "type": "select",
              "comment": "old"}}""");
        assertThat(commented.status()).as(commented.body()).isEqualTo(200);
        assertThat(table("perm_authors").at("/select_permissions/0/comment").asText()).isEqualTo("old");
        Http.Response dropped = f.http.post("/v1/query", """
            {"type": "drop_select_permission", "args": {"table": "perm_authors", "role": "legacy"}}""");
        assertThat(dropped.status()).as(dropped.body()).isEqualTo(200);
        assertThat(table("perm_authors").has("select_permissions")).isFalse();
        Http.Response again = f.http.post("/v1/query", """
            {"type": "drop_select_permission", "args": {"table": "perm_authors", "role": "legacy"}}""");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("code").asText()).isEqualTo("bad-request");
    }

    @Test
    void aBadPermissionInAReplacedDocumentIsRefusedOrListedAndDroppedAlone() {
        f.metadataOk(create("select", "perm_authors", "good", "{\"columns\": [\"id\"], \"filter\": {}}"));
        JsonNode document = f.export();
        JsonNode authors = null;
        for (JsonNode t : document.at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals("perm_authors")) {
                authors = t;
            }
        }
        ((com.fasterxml.jackson.databind.node.ArrayNode) authors.path("select_permissions")).add(Json.parse("""
            {"role": "bad", "permission": {"columns": ["nope"], "filter": {}}, "comment": "broken"}"""));
        f.refused(Json.write(Json.object().put("type", "replace_metadata").set("args", document)))
                .expect(400, "unexpected", "$.args", "cannot continue due to inconsistent metadata");

        f.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", Json.object()
                .put("allow_inconsistent_metadata", true).set("metadata", document))));
        JsonNode issue = inconsistencies().at("/inconsistent_objects/0");
        assertThat(issue).isEqualTo(Json.parse("""
            {"definition": {"source": "default", "table": {"name": "perm_authors", "schema": "public"}, "role": "bad",
               "permission": {"columns": ["nope"], "filter": {}}, "comment": "broken"},
             "name": "select_permission bad in table perm_authors in source default",
             "reason": "Inconsistent object: in table \\"perm_authors\\": in permission for role \\"bad\\": column \\"nope\\" does not exist",
             "type": "select_permission"}"""));
        assertThat(f.export()).isEqualTo(document);

        f.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}");
        JsonNode kept = table("perm_authors").path("select_permissions");
        assertThat(kept.size()).isEqualTo(1);
        assertThat(kept.at("/0/role").asText()).isEqualTo("good");
        f.metadataOk(drop("select", "perm_authors", "good"));
    }

    @Test
    void anInsertPermissionWithoutColumnsAllowsEveryColumn() {
        f.metadataOk(create("insert", "perm_authors", "inserter", "{\"check\": {}}"));
        var permissions = f.engine.metadata().snapshot().source("default").orElseThrow().tables()
                .get(junction.catalog.TableName.of("perm_authors")).permissions("inserter");
        assertThat(permissions.insert().orElseThrow().columns()).containsExactly("id", "name", "active", "data", "raw");
        f.metadataOk(drop("insert", "perm_authors", "inserter"));
    }
}
