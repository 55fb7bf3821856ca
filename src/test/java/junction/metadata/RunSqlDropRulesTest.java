package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 7: run_sql's drop rules as Hasura's (spec 5.8). A dropped tracked table leaves
 * metadata with everything defined on it, without {@code cascade}; only indirect dependents — other
 * tables' objects that use the dropped table, objects that use a dropped column — need
 * {@code cascade}; a type change of a column that metadata depends on for its type is refused and
 * rolled back. Renames reach permissions too.
 */
class RunSqlDropRulesTest {
    static EngineFixture f;
    static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        f = EngineFixture.start("run_sql_drop_rules");
    }

    @AfterAll
    static void stop() {
        f.close();
        users.close();
    }

    static JsonNode table(String name) {
        for (JsonNode t : f.export().at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals(name)) {
                return t;
            }
        }
        return null;
    }

    static boolean exists(String table) {
        return f.runSqlOk("select to_regclass('" + table + "') is not null").at("/result/1/0").asText().equals("t");
    }

    static String columnType(String table, String column) {
        return f.runSqlOk("select data_type from information_schema.columns where table_name = '" + table
                + "' and column_name = '" + column + "'").at("/result/1/0").asText();
    }

    static Http.Response runSql(String sql, boolean cascade) {
        return f.runSqlWith(Json.write(Json.object().put("sql", sql).put("cascade", cascade)));
    }

    static void ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static void addRemoteSchema(String name) {
        f.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"" + name + "\", \"definition\": {\"url\": \""
                + users.url() + "\", \"timeout_seconds\": 5, \"customization\": {\"root_fields_namespace\": \"" + name
                + "\", \"type_names\": {\"prefix\": \"" + name + "_\"}}}}}");
    }

    static void remoteRelationship(String table, String name, String remoteSchema, String column) {
        f.metadataOk("{\"type\": \"pg_create_remote_relationship\", \"args\": {\"table\": \"" + table + "\", \"name\": \"" + name
                + "\", \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"" + remoteSchema + "\", \"lhs_fields\": [\""
                + column + "\"], \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$" + column + "\"}}}}}}}");
    }

    /** Adds a permission to a tracked table through replace_metadata (the only way metadata takes one today). */
    static void permission(String table, String kind, String role, String permission) {
        ObjectNode document = (ObjectNode) f.export();
        for (JsonNode t : document.at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals(table)) {
                ObjectNode entry = (ObjectNode) t;
                ArrayNode list = entry.has(kind + "_permissions") ? (ArrayNode) entry.get(kind + "_permissions")
                        : entry.putArray(kind + "_permissions");
                list.add(Json.object().put("role", role).set("permission", Json.parse(permission)));
            }
        }
        f.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", document)));
    }

    /** {@code <p>_authors(id, name)} and {@code <p>_articles(id, author_id)}, tracked, related by a manual relationship each way. */
    static void authorsAndArticles(String p) {
        f.runSqlOk("create table " + p + "_authors (id int primary key, name text, user_id int);"
                + "create table " + p + "_articles (id int primary key, title text, author_id int)");
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "%1$s_authors",
                "configuration": {"custom_name": "%1$sWriters", "column_config": {"name": {"custom_name": "fullName"}}}}},
              {"type": "pg_track_table", "args": {"table": "%1$s_articles"}},
              {"type": "pg_create_object_relationship", "args": {"table": "%1$s_articles", "name": "author",
                "using": {"manual_configuration": {"remote_table": "%1$s_authors", "column_mapping": {"author_id": "id"}}}}},
              {"type": "pg_create_array_relationship", "args": {"table": "%1$s_authors", "name": "articles",
                "using": {"manual_configuration": {"remote_table": "%1$s_articles", "column_mapping": {"id": "author_id"}}}}}]}
            """.formatted(p));
    }

    @Test
    void droppingATrackedTableRemovesItAndEverythingOnItWithoutCascade() {
        f.runSqlOk("create table people (id int primary key, boss_id int, user_id int, name text)");
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "people",
                "configuration": {"custom_name": "staff", "column_config": {"boss_id": {"custom_name": "bossId"}}}}},
              {"type": "pg_create_object_relationship", "args": {"table": "people", "name": "boss",
                "using": {"manual_configuration": {"remote_table": "people", "column_mapping": {"boss_id": "id"}}}}}]}""");
        addRemoteSchema("people_users");
        remoteRelationship("people", "account", "people_users", "user_id");
        permission("people", "select", "user", "{\"columns\": [\"id\", \"name\"], \"filter\": {\"id\": {\"_eq\": 1}}}");

        ok(f.runSql("drop table people"));

        assertThat(table("people")).isNull();
        assertThat(exists("people")).isFalse();
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
        assertThat(f.gql("{ staff { id } }").at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
    }

    @Test
    void aTeardownDropsItsTablesAndThenRemovesTheRemoteSchemaTheyUsed() {
        authorsAndArticles("td");
        addRemoteSchema("td_users");
        remoteRelationship("td_authors", "account", "td_users", "user_id");

        ok(f.runSql("drop table td_articles; drop table td_authors"));
        ok(f.metadata("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"td_users\"}}"));

        assertThat(table("td_authors")).isNull();
        assertThat(table("td_articles")).isNull();
        assertThat(f.export().path("remote_schemas").toString()).doesNotContain("td_users");
    }

    @Test
    void droppingATableAnotherTableRelatesToNeedsCascade() {
        authorsAndArticles("ref");
        permission("ref_articles", "select", "user", "{\"columns\": [\"id\"], \"filter\": {\"author\": {\"name\": {\"_eq\": \"ann\"}}}}");

        f.refused(() -> f.runSql("drop table ref_authors")).expect(400, "dependency-error", "$.args",
                "cannot drop due to the following dependent objects: permission ref_articles.user.select in source \"default\", "
                        + "relationship ref_articles.author in source \"default\"");
        assertThat(exists("ref_authors")).as("the SQL is rolled back").isTrue();
        assertThat(table("ref_authors")).isNotNull();

        ok(runSql("drop table ref_authors", true));

        assertThat(exists("ref_authors")).isFalse();
        assertThat(table("ref_authors")).isNull();
        assertThat(table("ref_articles").has("object_relationships")).isFalse();
        assertThat(table("ref_articles").has("select_permissions")).isFalse();
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
    }

    @Test
    void droppingAColumnARelationshipOrPermissionUsesNeedsCascade() {
        authorsAndArticles("col");
        permission("col_articles", "select", "user", "{\"columns\": [\"id\", \"title\"], \"filter\": {\"title\": {\"_like\": \"%a%\"}}}");
        permission("col_authors", "select", "user",
                "{\"columns\": [\"id\"], \"filter\": {\"articles\": {\"title\": {\"_eq\": \"X-Hasura-Title\"}}}}");

        f.refused(() -> f.runSql("alter table col_articles drop column title")).expect(400, "dependency-error", "$.args",
                "cannot drop due to the following dependent objects: permission col_articles.user.select in source \"default\", "
                        + "permission col_authors.user.select in source \"default\"");
        f.refused(() -> f.runSql("alter table col_articles drop column author_id")).expect(400, "dependency-error", "$.args",
                "cannot drop due to the following dependent objects: relationship col_articles.author in source \"default\", "
                        + "relationship col_authors.articles in source \"default\"");
        assertThat(columnType("col_articles", "title")).isEqualTo("text");

        ok(runSql("alter table col_articles drop column title", true));

        assertThat(table("col_articles").has("select_permissions")).isFalse();
        assertThat(table("col_authors").has("select_permissions")).isFalse();
        assertThat(table("col_articles").has("object_relationships")).as("unrelated to the column: kept").isTrue();
    }

    @Test
    void droppingAColumnAnAggregatePredicateOfAPermissionCountsNeedsCascade() {
        authorsAndArticles("agg");
        permission("agg_authors", "select", "user", "{\"columns\": [\"id\"], \"filter\": {\"articles_aggregate\": "
                + "{\"count\": {\"predicate\": {\"_gt\": 0}, \"filter\": {\"title\": {\"_like\": \"%a%\"}}}}}}");

        f.refused(() -> f.runSql("alter table agg_articles drop column title")).expect(400, "dependency-error", "$.args",
                "cannot drop due to the following dependent objects: permission agg_authors.user.select in source \"default\"");

        ok(runSql("alter table agg_articles drop column title", true));
        assertThat(table("agg_authors").has("select_permissions")).isFalse();
    }

    @Test
    void droppingAForeignKeyARelationshipUsesNeedsCascade() {
        f.runSqlOk("create table fk_authors (id int primary key);"
                + "create table fk_articles (id int primary key, author_id int constraint fk_articles_author references fk_authors(id))");
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "fk_authors"}},
              {"type": "pg_track_table", "args": {"table": "fk_articles"}},
              {"type": "pg_create_object_relationship", "args": {"table": "fk_articles", "name": "author",
                "using": {"foreign_key_constraint_on": "author_id"}}}]}""");

        f.refused(() -> f.runSql("alter table fk_articles drop constraint fk_articles_author")).expect(400, "dependency-error",
                "$.args", "cannot drop due to the following dependent objects: relationship fk_articles.author in source \"default\"");

        ok(runSql("alter table fk_articles drop constraint fk_articles_author", true));
        assertThat(table("fk_articles").has("object_relationships")).isFalse();
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                .isTrue();
    }

    @Test
    void changingTheTypeOfAColumnMetadataDependsOnIsRefusedAndRolledBack() {
        authorsAndArticles("ty");
        addRemoteSchema("ty_users");
        remoteRelationship("ty_authors", "account", "ty_users", "user_id");
        permission("ty_articles", "select", "user", "{\"columns\": [\"id\"], \"filter\": {\"title\": {\"_eq\": \"public\"}}}");

        f.refused(() -> f.runSql("alter table ty_authors alter column id type text")).expect(400, "dependency-error", "$.args",
                "cannot change type of column \"id\" in table \"ty_authors\" because of the following dependencies: "
                        + "relationship ty_articles.author in source \"default\", relationship ty_authors.articles in source \"default\"");
        f.refused(() -> runSql("alter table ty_authors alter column user_id type text", true)).expect(400, "dependency-error",
                "$.args", "cannot change type of column \"user_id\" in table \"ty_authors\" because of the following dependencies: "
                        + "remote relationship ty_authors.account in source \"default\"");
        f.refused(() -> f.runSql("alter table ty_articles alter column title type varchar(20)")).expect(400, "dependency-error",
                "$.args", "cannot change type of column \"title\" in table \"ty_articles\" because of the following dependencies: "
                        + "permission ty_articles.user.select in source \"default\"");

        assertThat(columnType("ty_authors", "id")).isEqualTo("integer");
        assertThat(columnType("ty_authors", "user_id")).isEqualTo("integer");
        assertThat(columnType("ty_articles", "title")).isEqualTo("text");
    }

    @Test
    void changingTheTypeOfAColumnNothingDependsOnForItsTypeIsAccepted() {
        authorsAndArticles("free");
        permission("free_authors", "select", "user",
                "{\"columns\": [\"id\", \"name\"], \"filter\": {\"name\": {\"_eq\": \"X-Hasura-User-Name\"}}}");

        f.runSqlOk("create table free_notes (id int primary key, author_user int)");
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "free_notes"}},
              {"type": "pg_create_object_relationship", "args": {"table": "free_notes", "name": "author",
                "using": {"manual_configuration": {"remote_table": "free_authors", "column_mapping": {"author_user": "user_id"}}}}}]}""");

        ok(f.runSql("alter table free_authors alter column name type varchar(50)"));
        ok(f.runSql("alter table free_articles alter column title type varchar(80)"));
        ok(f.runSql("drop table free_notes; alter table free_authors alter column user_id type bigint"));

        assertThat(columnType("free_authors", "name")).isEqualTo("character varying");
        assertThat(columnType("free_authors", "user_id")).as("its only user was dropped with it").isEqualTo("bigint");
        assertThat(table("free_authors").at("/configuration/column_config/name/custom_name").asText()).isEqualTo("fullName");
        assertThat(table("free_authors").at("/select_permissions/0/role").asText()).isEqualTo("user");
    }

    @Test
    void renamedTablesAndColumnsAreRenamedInPermissions() {
        authorsAndArticles("rn");
        permission("rn_articles", "select", "user", """
            {"columns": ["id", "title"], "filter": {"_and": [{"title": {"_ceq": "title"}},
              {"author": {"name": {"_eq": "X-Hasura-Name"}}},
              {"_exists": {"_table": "rn_authors", "_where": {"id": {"_eq": 1}}}}]}}""");
        permission("rn_articles", "insert", "user", """
            {"check": {"author_id": {"_eq": "X-Hasura-User-Id"}}, "set": {"author_id": "x-hasura-user-id"}, "columns": ["title"]}""");

        f.runSqlOk("alter table rn_articles rename column title to headline; alter table rn_authors rename column name to full_name;"
                + " alter table rn_authors rename to rn_writers; alter table rn_articles rename column author_id to writer_id");

        JsonNode articles = table("rn_articles");
        assertThat(articles.at("/select_permissions/0/permission")).isEqualTo(Json.parse("""
            {"columns": ["id", "headline"], "filter": {"_and": [{"headline": {"_ceq": "headline"}},
              {"author": {"full_name": {"_eq": "X-Hasura-Name"}}},
              {"_exists": {"_table": {"name": "rn_writers", "schema": "public"}, "_where": {"id": {"_eq": 1}}}}]}}"""));
        assertThat(articles.at("/insert_permissions/0/permission")).isEqualTo(Json.parse("""
            {"check": {"writer_id": {"_eq": "X-Hasura-User-Id"}}, "set": {"writer_id": "x-hasura-user-id"}, "columns": ["headline"]}"""));
    }
}
