package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Insert, update and delete permissions over HTTP: each role's mutation schema (root fields, input
 * fields, {@code on_conflict}, {@code returning}, in validation and introspection), checks verified in
 * the statement with nothing written on failure, presets from literals and session variables, filters
 * ANDed, returned rows limited to those the role may select, and backend_only permissions.
 */
class MutationPermissionsTest {
    static EngineFixture engine;

    static final String SQL = """
        create table articles (id serial primary key, title text not null unique, author_id int not null,
          published boolean not null default false, version int not null default 0, secret text);
        create table audit (id serial primary key, note text not null);
        create table comments (id serial primary key, article_id int not null references articles(id),
          body text not null, author_id int);
        """;

    /** Per table: the permission entries replace_metadata reads. */
    static final String PERMISSIONS = """
        {"articles": {
           "select_permissions": [
             {"role": "user", "permission": {"columns": ["id", "title", "author_id", "published", "version"],
                "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}}},
             {"role": "editor", "permission": {"columns": ["id", "title", "author_id"],
                "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}}}],
           "insert_permissions": [
             {"role": "user", "permission": {"columns": ["title", "published"], "check": {"published": {"_eq": false}},
                "set": {"author_id": "X-Hasura-User-Id"}}},
             {"role": "writer", "permission": {"columns": ["title", "author_id"], "check": {}}},
             {"role": "service", "permission": {"columns": ["title", "author_id"], "check": {}, "backend_only": true}}],
           "update_permissions": [
             {"role": "user", "permission": {"columns": ["title", "published"],
                "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}, "check": {"title": {"_nlike": "%!"}},
                "set": {"version": 7}}},
             {"role": "editor", "permission": {"columns": ["title", "published"], "filter": {}}}],
           "delete_permissions": [
             {"role": "user", "permission": {"filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}}},
             {"role": "service", "permission": {"filter": {}, "backend_only": true}}]},
         "comments": {
           "select_permissions": [
             {"role": "user", "permission": {"columns": ["id", "article_id", "body", "author_id"], "filter": {}}}],
           "insert_permissions": [
             {"role": "user", "permission": {"columns": ["article_id", "body"], "check": {"body": {"_neq": "spam"},
                "article": {"author_id": {"_eq": "X-Hasura-User-Id"}}}, "set": {"author_id": "X-Hasura-User-Id"}}}]},
         "audit": {
           "insert_permissions": [
             {"role": "user", "permission": {"columns": ["note"], "check": {"note": {"_neq": "forbidden"}}}}]}}
        """;

    @BeforeAll
    static void start() {
        engine = EngineFixture.start("graphql_mutation_permissions");
        engine.runSqlOk(SQL);
        engine.metadataOk("""
            {"type": "bulk", "args": [{"type": "pg_track_table", "args": {"table": "articles"}},
              {"type": "pg_track_table", "args": {"table": "audit"}},
              {"type": "pg_track_table", "args": {"table": "comments"}},
              {"type": "pg_create_array_relationship", "args": {"table": "articles", "name": "comments",
                 "using": {"foreign_key_constraint_on": {"table": "comments", "columns": ["article_id"]}}}},
              {"type": "pg_create_object_relationship", "args": {"table": "comments", "name": "article",
                 "using": {"foreign_key_constraint_on": "article_id"}}}]}
            """);
        ObjectNode doc = (ObjectNode) engine.metadataOk("{\"type\": \"export_metadata\", \"args\": {}}");
        JsonNode permissions = Json.parse(PERMISSIONS);
        for (JsonNode table : doc.get("sources").get(0).get("tables")) {
            JsonNode mine = permissions.get(table.get("table").get("name").asText());
            if (mine != null) {
                mine.fields().forEachRemaining(e -> ((ObjectNode) table).set(e.getKey(), e.getValue()));
            }
        }
        engine.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", doc)));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @BeforeEach
    void rows() {
        engine.runSqlOk("""
            truncate articles, audit, comments restart identity;
            insert into articles (title, author_id, published) values ('mine', 1, false), ('theirs', 2, true);
            """);
    }

    static JsonNode as(String role, String userId, String query) {
        return as(role, userId, query, Map.of());
    }

    static JsonNode as(String role, String userId, String query, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("x-hasura-role", role);
        if (userId != null) {
            headers.put("x-hasura-user-id", userId);
        }
        Http.Response r = engine.graphql(query, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode error(JsonNode answer) {
        assertThat(answer.has("data")).as(answer.toString()).isFalse();
        return answer.get("errors").get(0);
    }

    static void assertError(JsonNode answer, String code, String path, String message) {
        JsonNode e = error(answer);
        assertThat(e.get("extensions").get("code").asText()).as(answer.toString()).isEqualTo(code);
        assertThat(e.get("extensions").get("path").asText()).as(answer.toString()).isEqualTo(path);
        assertThat(e.get("message").asText()).isEqualTo(message);
    }

    /** The table as admin reads it, ordered by id. */
    static String table() {
        return engine.gql("{ articles(order_by: {id: asc}) { id title author_id published version } }")
                .get("data").get("articles").toString();
    }

    static List<String> names(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("name").asText()));
        return out;
    }

    static List<String> mutationRootFields(String role) {
        JsonNode type = as(role, "1", "{ __schema { mutationType { fields { name } } } }").get("data").get("__schema")
                .get("mutationType");
        return type.isNull() ? List.of() : names(type.get("fields"));
    }

    static JsonNode type(String role, String name) {
        return as(role, "1", "{ __type(name: \"" + name + "\") { name fields { name } inputFields { name }"
                + " enumValues { name } } }").get("data").get("__type");
    }

    @Test
    void eachRoleHasTheMutationRootFieldsItsPermissionsAllow() {
        assertThat(mutationRootFields("user")).containsExactlyInAnyOrder("insert_articles", "insert_articles_one",
                "update_articles", "update_articles_by_pk", "update_articles_many", "delete_articles",
                "delete_articles_by_pk", "insert_audit", "insert_comments", "insert_comments_one");
        // no select permission: no _one/_by_pk fields, no returning
        assertThat(mutationRootFields("writer")).containsExactly("insert_articles");
        assertThat(names(type("writer", "articles_mutation_response").get("fields"))).containsExactly("affected_rows");
        assertThat(mutationRootFields("editor")).containsExactlyInAnyOrder("update_articles", "update_articles_by_pk",
                "update_articles_many");
        assertThat(mutationRootFields("nobody")).isEmpty();
        assertThat(names(type("admin", "mutation_root").get("fields"))).contains("insert_audit_one", "delete_audit");
    }

    @Test
    void whatARoleMayNotUseIsNotFoundInValidationAndIntrospection() {
        assertError(as("writer", "1", "mutation { insert_articles_one(object: {title: \"x\"}) { id } }"),
                "validation-failed", "$.selectionSet.insert_articles_one",
                "field 'insert_articles_one' not found in type: 'mutation_root'");
        assertError(as("writer", "1", "mutation { insert_articles(objects: [{title: \"x\", author_id: 1}]) { returning { id } } }"),
                "validation-failed", "$.selectionSet.insert_articles.selectionSet.returning",
                "field 'returning' not found in type: 'articles_mutation_response'");
        assertError(as("editor", "1", "mutation { delete_articles(where: {}) { affected_rows } }"),
                "validation-failed", "$.selectionSet.delete_articles",
                "field 'delete_articles' not found in type: 'mutation_root'");
        assertThat(type("editor", "articles_insert_input").isNull()).isTrue();
        assertThat(table()).contains("\"title\":\"mine\"").doesNotContain("\"x\"");
    }

    @Test
    void insertInputsHoldOnlyThePermittedColumnsLessPresets() {
        assertThat(names(type("user", "articles_insert_input").get("inputFields")))
                .containsExactly("comments", "published", "title");
        assertThat(names(type("writer", "articles_insert_input").get("inputFields"))).containsExactly("author_id", "title");
        assertThat(names(type("admin", "articles_insert_input").get("inputFields")))
                .containsExactly("author_id", "comments", "id", "published", "secret", "title", "version");
        assertError(as("user", "1", "mutation { insert_articles(objects: [{title: \"x\", author_id: 2}]) { affected_rows } }"),
                "validation-failed", "$.selectionSet.insert_articles.args.objects[0].author_id",
                "field 'author_id' not found in type: 'articles_insert_input'");
        assertThat(names(type("user", "articles_set_input").get("inputFields"))).containsExactly("published", "title");
        assertThat(names(type("editor", "articles_set_input").get("inputFields"))).containsExactly("published", "title");
        assertError(as("user", "1", "mutation { update_articles(where: {}, _set: {version: 3}) { affected_rows } }"),
                "validation-failed", "$.selectionSet.update_articles.args._set.version",
                "field 'version' not found in type: 'articles_set_input'");
    }

    @Test
    void presetsFromSessionVariablesLandInTheRow() {
        JsonNode answer = as("user", "42", "mutation { insert_articles_one(object: {title: \"new\"}) { title author_id } }");
        assertThat(answer.get("data").toString()).isEqualTo("{\"insert_articles_one\":{\"title\":\"new\",\"author_id\":42}}");
        assertThat(table()).contains("{\"id\":3,\"title\":\"new\",\"author_id\":42,\"published\":false,\"version\":0}");
    }

    @Test
    void rowsInsertedThroughARelationshipGetTheirTablesPresetsAndChecks() {
        JsonNode answer = as("user", "5", """
                mutation { insert_articles_one(object: {title: "nested", comments: {data: [{body: "hi"}, {body: "ho"}]}}) {
                  title author_id comments(order_by: {body: asc}) { body author_id } } }
                """);
        assertThat(answer.get("data").toString()).isEqualTo("{\"insert_articles_one\":{\"title\":\"nested\",\"author_id\":5,"
                + "\"comments\":[{\"body\":\"hi\",\"author_id\":5},{\"body\":\"ho\",\"author_id\":5}]}}");
        String before = table();
        assertError(as("user", "5", """
                mutation { insert_articles(objects: [{title: "again", comments: {data: [{body: "ok"}, {body: "spam"}]}}]) {
                  affected_rows } }
                """), "permission-error", "$.selectionSet.insert_articles.args.objects",
                "check constraint of an insert/update permission has failed");
        assertThat(table()).isEqualTo(before);
        assertThat(engine.gql("{ comments_aggregate { aggregate { count } } }").get("data").toString()).contains("\"count\":2");
        // the check through the relationship sees the parent inserted by the same statement; another's article fails it
        assertError(as("user", "5", "mutation { insert_comments_one(object: {article_id: 2, body: \"hi\"}) { id } }"),
                "permission-error", "$.selectionSet.insert_comments_one.args.object",
                "check constraint of an insert/update permission has failed");
        assertThat(as("user", "2", "mutation { insert_comments_one(object: {article_id: 2, body: \"hi\"}) { body } }")
                .get("data").toString()).isEqualTo("{\"insert_comments_one\":{\"body\":\"hi\"}}");
    }

    @Test
    void anInsertOfNoObjectsWritesNothing() {
        String before = table();
        assertThat(as("user", "1", "mutation { insert_articles(objects: []) { affected_rows returning { id } } }")
                .get("data").toString()).isEqualTo("{\"insert_articles\":{\"affected_rows\":0,\"returning\":[]}}");
        assertThat(engine.gql("mutation { insert_audit(objects: []) { affected_rows } }").get("data").toString())
                .isEqualTo("{\"insert_audit\":{\"affected_rows\":0}}");
        assertThat(table()).isEqualTo(before);
        assertThat(engine.gql("{ audit_aggregate { aggregate { count } } }").get("data").toString()).contains("\"count\":0");
    }

    @Test
    void aMissingSessionVariableIsHasurasErrorAndWritesNothing() {
        JsonNode answer = as("user", null, "mutation { insert_articles(objects: [{title: \"new\"}]) { affected_rows } }");
        assertThat(error(answer).get("extensions").get("code").asText()).isEqualTo("not-found");
        assertThat(error(answer).get("message").asText()).contains("x-hasura-user-id");
        assertThat(table()).doesNotContain("new");
    }

    @Test
    void aRowFailingTheInsertCheckFailsTheWholeInsertAndWritesNothing() {
        String before = table();
        assertError(as("user", "1", """
                mutation { insert_articles(objects: [{title: "ok"}, {title: "bad", published: true}]) { affected_rows } }
                """), "permission-error", "$.selectionSet.insert_articles.args.objects",
                "check constraint of an insert/update permission has failed");
        assertError(as("user", "1", "mutation { insert_articles_one(object: {title: \"bad\", published: true}) { id } }"),
                "permission-error", "$.selectionSet.insert_articles_one.args.object",
                "check constraint of an insert/update permission has failed");
        assertThat(table()).isEqualTo(before);
        // the mutations before the failing one in the same request are rolled back too
        assertError(as("user", "1", """
                mutation { a: insert_audit(objects: [{note: "first"}]) { affected_rows }
                  b: insert_audit(objects: [{note: "forbidden"}]) { affected_rows } }
                """), "permission-error", "$.selectionSet.b.args.objects",
                "check constraint of an insert/update permission has failed");
        assertThat(engine.gql("{ audit_aggregate { aggregate { count } } }").get("data").toString()).contains("\"count\":0");
        assertThat(as("user", "1", "mutation { insert_articles(objects: [{title: \"ok\"}]) { affected_rows } }")
                .get("data").toString()).isEqualTo("{\"insert_articles\":{\"affected_rows\":1}}");
    }

    @Test
    void updatesChangeOnlyTheRowsTheFilterAllowsAndApplyPresets() {
        JsonNode answer = as("user", "1", """
                mutation { update_articles(where: {}, _set: {title: "changed"}) { affected_rows returning { id title version } } }
                """);
        assertThat(answer.get("data").toString()).isEqualTo(
                "{\"update_articles\":{\"affected_rows\":1,\"returning\":[{\"id\":1,\"title\":\"changed\",\"version\":7}]}}");
        assertThat(table()).isEqualTo("[{\"id\":1,\"title\":\"changed\",\"author_id\":1,\"published\":false,\"version\":7},"
                + "{\"id\":2,\"title\":\"theirs\",\"author_id\":2,\"published\":true,\"version\":0}]");
        assertThat(as("user", "1", "mutation { update_articles_by_pk(pk_columns: {id: 2}, _set: {title: \"x\"}) { id } }")
                .get("data").toString()).isEqualTo("{\"update_articles_by_pk\":null}");
    }

    @Test
    void anUpdateFailingItsCheckWritesNothing() {
        String before = table();
        assertError(as("user", "1", "mutation { update_articles(where: {id: {_eq: 1}}, _set: {title: \"loud!\"}) { affected_rows } }"),
                "permission-error", "$", "check constraint of an insert/update permission has failed");
        assertError(as("user", "1", """
                mutation { update_articles_many(updates: [{where: {id: {_eq: 1}}, _set: {title: "calm"}},
                  {where: {id: {_eq: 1}}, _set: {title: "loud!"}}]) { affected_rows } }
                """), "permission-error", "$", "check constraint of an insert/update permission has failed");
        assertThat(table()).isEqualTo(before);
    }

    @Test
    void deletesRemoveOnlyTheRowsTheFilterAllows() {
        assertThat(as("user", "1", "mutation { delete_articles(where: {}) { affected_rows } }").get("data").toString())
                .isEqualTo("{\"delete_articles\":{\"affected_rows\":1}}");
        assertThat(as("user", "1", "mutation { delete_articles_by_pk(id: 2) { id } }").get("data").toString())
                .isEqualTo("{\"delete_articles_by_pk\":null}");
        assertThat(table()).isEqualTo("[{\"id\":2,\"title\":\"theirs\",\"author_id\":2,\"published\":true,\"version\":0}]");
    }

    @Test
    void returningShowsOnlyTheRowsTheRoleMaySelect() {
        // editor may update every row but select only its own (author 2)
        JsonNode answer = as("editor", "2", """
                mutation { update_articles(where: {}, _set: {published: true}) { affected_rows returning { id author_id } } }
                """);
        assertThat(answer.get("data").toString()).isEqualTo(
                "{\"update_articles\":{\"affected_rows\":2,\"returning\":[{\"id\":2,\"author_id\":2}]}}");
        answer = as("editor", "2", "mutation { update_articles_by_pk(pk_columns: {id: 1}, _set: {title: \"uno\"}) { id } }");
        assertThat(answer.get("data").toString()).isEqualTo("{\"update_articles_by_pk\":null}");
        assertThat(table()).contains("{\"id\":1,\"title\":\"uno\",\"author_id\":1,\"published\":true,\"version\":0}");
    }

    @Test
    void onConflictIsOfferedWithTheUpdatePermissionsColumns() {
        assertThat(names(type("user", "articles_on_conflict").get("inputFields")))
                .containsExactly("constraint", "update_columns", "where");
        assertThat(names(type("user", "articles_update_column").get("enumValues"))).containsExactly("published", "title");
        // a role without update permission may still say "do nothing" (Hasura's placeholder)
        assertThat(names(type("writer", "articles_update_column").get("enumValues"))).containsExactly("_PLACEHOLDER");
        assertThat(as("writer", "1", """
                mutation { insert_articles(objects: [{title: "mine", author_id: 3}],
                  on_conflict: {constraint: articles_title_key, update_columns: []}) { affected_rows } }
                """).get("data").toString()).isEqualTo("{\"insert_articles\":{\"affected_rows\":0}}");
        assertThat(error(as("writer", "1", """
                mutation { insert_articles(objects: [{title: "mine", author_id: 3}],
                  on_conflict: {constraint: articles_title_key, update_columns: [title]}) { affected_rows } }
                """)).get("extensions").get("code").asText()).isEqualTo("validation-failed");
    }

    @Test
    void anUpsertUpdatesOnlyWhatTheUpdatePermissionAllowsAndChecksIt() {
        // the conflicting row of another author is not updated (the update filter)
        assertThat(as("user", "1", """
                mutation { insert_articles(objects: [{title: "theirs"}],
                  on_conflict: {constraint: articles_title_key, update_columns: [published]}) { affected_rows } }
                """).get("data").toString()).isEqualTo("{\"insert_articles\":{\"affected_rows\":0}}");
        // its own row is, with the update presets
        assertThat(as("user", "1", """
                mutation { insert_articles(objects: [{title: "mine", published: false}],
                  on_conflict: {constraint: articles_title_key, update_columns: [published]}) { affected_rows } }
                """).get("data").toString()).isEqualTo("{\"insert_articles\":{\"affected_rows\":1}}");
        assertThat(table()).contains("{\"id\":1,\"title\":\"mine\",\"author_id\":1,\"published\":false,\"version\":7}");
        // an upserted row is checked against the update check, not the insert check
        engine.runSqlOk("update articles set title = 'shout!' where id = 1");
        String before = table();
        assertError(as("user", "1", """
                mutation { insert_articles(objects: [{title: "shout!"}],
                  on_conflict: {constraint: articles_title_key, update_columns: [title]}) { affected_rows } }
                """), "permission-error", "$.selectionSet.insert_articles.args.objects",
                "check constraint of an insert/update permission has failed");
        assertThat(table()).isEqualTo(before);
    }

    @Test
    void backendOnlyPermissionsNeedTheBackendHeader() {
        assertThat(mutationRootFields("service")).isEmpty();
        assertError(as("service", "1", "mutation { delete_articles(where: {}) { affected_rows } }"),
                "validation-failed", "$", "no mutations exist");
        Map<String, String> backend = Map.of("x-hasura-use-backend-only-permissions", "true");
        assertThat(as("service", "1", "mutation { insert_articles(objects: [{title: \"svc\", author_id: 9}]) { affected_rows } }",
                backend).get("data").toString()).isEqualTo("{\"insert_articles\":{\"affected_rows\":1}}");
        // without a select permission its filters name no column (Hasura's bool_exp of such a role)
        assertThat(error(as("service", "1", "mutation { delete_articles(where: {title: {_eq: \"svc\"}}) { affected_rows } }",
                backend)).get("message").asText()).isEqualTo("field 'title' not found in type: 'articles_bool_exp'");
        assertThat(as("service", "1", "mutation { delete_articles(where: {}) { affected_rows } }",
                backend).get("data").toString()).isEqualTo("{\"delete_articles\":{\"affected_rows\":3}}");
        // the frontend permissions of a role stay in its backend schema
        assertThat(as("user", "1", "mutation { insert_audit(objects: [{note: \"n\"}]) { affected_rows } }", backend)
                .get("data").toString()).isEqualTo("{\"insert_audit\":{\"affected_rows\":1}}");
        assertThat(as("service", "1", "{ __schema { mutationType { name } } }", Map.of("x-hasura-use-backend-only-permissions",
                "false")).get("data").toString()).isEqualTo("{\"__schema\":{\"mutationType\":null}}");
    }
}
