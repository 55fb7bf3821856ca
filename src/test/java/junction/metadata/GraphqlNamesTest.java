package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 5: no accepted metadata can take the API down. A name the user gives that is not
 * a GraphQL name is refused at the call as Hasura parses it ({@code parse-failed} "x is not valid
 * GraphQL name"); a name the schema would take from the database (table, column, constraint) or a
 * relationship name that is not one makes that object inconsistent with Hasura's reason ("cannot
 * include … because  it is not a valid GraphQL identifier"), so the command that would add it is
 * refused. After each refusal {@code { __typename }} and the other tables still answer.
 */
class GraphqlNamesTest {
    static final String NOT_AN_IDENTIFIER = "\" in the GraphQL schema because  it is not a valid GraphQL identifier";
    static EngineFixture f;
    static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        f = EngineFixture.start("graphql_names");
        f.runSqlOk("""
            create table authors (id int primary key, name text, user_id int);
            create table books (id int primary key, author_id int references authors(id));
            create table o2 (id int constraint "o2-pkey" primary key);
            create table "col-test" (id int primary key);
            create table "ユーザー" (id int primary key);
            create table people (id int primary key, "first-name" text);
            insert into authors values (1, 'Ann', 1);
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "authors"}},
              {"type": "pg_track_table", "args": {"table": "books"}},
              {"type": "pg_create_object_relationship", "args": {"table": "books", "name": "author",
                "using": {"foreign_key_constraint_on": "author_id"}}},
              {"type": "add_remote_schema", "args": {"name": "users", "definition": {"url": "%s", "timeout_seconds": 5}}}
            ]}""".formatted(users.url()));
    }

    @AfterAll
    static void stop() {
        f.close();
        users.close();
    }

    /** The API still serves: {@code __typename} for every query, and the tracked tables. */
    static void stillServes(EngineFixture engine) {
        assertThat(engine.gql("{ __typename }")).isEqualTo(Json.parse("{\"data\": {\"__typename\": \"query_root\"}}"));
        assertThat(engine.gql("{ authors { id } }").at("/data/authors/0/id").asInt()).isEqualTo(1);
    }

    static String customization(String configuration) {
        return "{\"type\": \"pg_set_table_customization\", \"args\": {\"table\": \"authors\", \"configuration\": "
                + configuration + "}}";
    }

    static String track(String table, String configuration) {
        return "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"" + table + "\""
                + (configuration == null ? "" : ", \"configuration\": " + configuration) + "}}";
    }

    @Test
    void aCustomRootFieldThatIsNotAGraphqlNameIsRefused() {
        f.refused(customization("{\"custom_root_fields\": {\"select\": \"all-authors\"}}"))
                .expect(400, "parse-failed", "$.args.configuration.custom_root_fields.select", "all-authors is not valid GraphQL name");
        f.refused(customization("{\"custom_root_fields\": {\"select_by_pk\": {\"name\": \"one author\", \"comment\": \"c\"}}}"))
                .expect(400, "parse-failed", "$.args.configuration.custom_root_fields.select_by_pk.name",
                        "one author is not valid GraphQL name");
        f.refused(customization("{\"custom_root_fields\": {\"select_aggregate\": \"__authors\"}}"))
                .expect(400, "parse-failed", "$.args.configuration.custom_root_fields.select_aggregate",
                        "__authors is not valid GraphQL name");
        f.refused(track("o2", "{\"custom_root_fields\": {\"insert\": \"1st\"}}"))
                .expect(400, "parse-failed", "$.args.configuration.custom_root_fields.insert", "1st is not valid GraphQL name");
        stillServes(f);
    }

    @Test
    void aTableCustomNameThatIsNotAGraphqlNameIsRefused() {
        f.refused(customization("{\"custom_name\": \"the authors\"}"))
                .expect(400, "parse-failed", "$.args.configuration.custom_name", "the authors is not valid GraphQL name");
        f.refused(track("col-test", "{\"custom_name\": \"col-test\"}"))
                .expect(400, "parse-failed", "$.args.configuration.custom_name", "col-test is not valid GraphQL name");
        stillServes(f);
    }

    @Test
    void aColumnCustomNameThatIsNotAGraphqlNameIsRefused() {
        f.refused(customization("{\"column_config\": {\"name\": {\"custom_name\": \"full-name\"}}}"))
                .expect(400, "parse-failed", "$.args.configuration.column_config.name.custom_name",
                        "full-name is not valid GraphQL name");
        f.refused(customization("{\"custom_column_names\": {\"name\": \"full name\"}}"))
                .expect(400, "parse-failed", "$.args.configuration.custom_column_names.name", "full name is not valid GraphQL name");
        stillServes(f);
    }

    @Test
    void aRelationshipNameThatIsNotAGraphqlNameIsRefused() {
        var error = f.refused("""
            {"type": "pg_create_object_relationship", "args": {"table": "books", "name": "the-author",
              "using": {"foreign_key_constraint_on": "author_id"}}}""")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: cannot include \"the-author" + NOT_AN_IDENTIFIER);
        assertThat(error.internal().get(0).path("name").asText()).isEqualTo("object_relation the-author in table books in source default");
        f.refused("""
            {"type": "pg_create_array_relationship", "args": {"table": "authors", "name": "books!",
              "using": {"foreign_key_constraint_on": {"table": "books", "column": "author_id"}}}}""")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: cannot include \"books!" + NOT_AN_IDENTIFIER);
        f.refused("""
            {"type": "pg_rename_relationship", "args": {"table": "books", "name": "author", "new_name": "written by"}}""")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: cannot include \"written by" + NOT_AN_IDENTIFIER);
        stillServes(f);
        assertThat(f.gql("{ books { author { id } } }").path("errors").isMissingNode()).isTrue();
    }

    /**
     * Hasura 2 refuses such a table (and then fails to start with it: its open bug #7850); a name
     * the constraint enum cannot hold only leaves that constraint out of {@code o2_constraint}.
     */
    @Test
    void aPrimaryKeyConstraintThatIsNotAGraphqlNameIsLeftOutOfTheConstraintEnum() {
        f.metadataOk(track("o2", null));
        f.runSqlOk("insert into o2 values (7)");
        stillServes(f);
        assertThat(f.gql("{ o2_by_pk(id: 7) { id } }").at("/data/o2_by_pk/id").asInt()).isEqualTo(7);
        assertThat(f.gql("{ __type(name: \"o2_constraint\") { name } }").at("/data/__type").isNull()).isTrue();
        assertThat(f.gql("mutation { insert_o2_one(object: {id: 8}) { id } }").at("/data/insert_o2_one/id").asInt())
                .isEqualTo(8);
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent")
                .asBoolean()).isTrue();
    }

    @Test
    void aTableNamedColTestNeedsACustomName() {
        f.refused(track("col-test", null))
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: cannot include \"col-test" + NOT_AN_IDENTIFIER);
        stillServes(f);
        f.metadataOk(track("col-test", "{\"custom_name\": \"col_test\"}"));
        assertThat(f.gql("{ col_test { id } }").at("/data/col_test").isArray()).isTrue();
    }

    @Test
    void aTableNamedInJapaneseNeedsACustomName() {
        f.refused(track("ユーザー", null))
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: cannot include \"ユーザー" + NOT_AN_IDENTIFIER);
        stillServes(f);
        f.metadataOk(track("ユーザー", "{\"custom_name\": \"yuza\"}"));
        assertThat(f.gql("{ yuza_aggregate { aggregate { count } } }").at("/data/yuza_aggregate/aggregate/count").asInt())
                .isZero();
    }

    @Test
    void aColumnWithADashNeedsACustomName() {
        f.refused(track("people", null))
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: cannot include \"first-name" + NOT_AN_IDENTIFIER);
        stillServes(f);
        f.metadataOk(track("people", "{\"column_config\": {\"first-name\": {\"custom_name\": \"firstName\"}}}"));
        f.runSqlOk("insert into people values (1, 'Bo')");
        assertThat(f.gql("{ people { firstName } }").at("/data/people/0/firstName").asText()).isEqualTo("Bo");
    }

    /** Hasura's run_sql answer (err500 unexpected), with the inconsistent table in {@code internal}; the DDL rolls back. */
    @Test
    void renamingATrackedColumnToANameThatIsNotAGraphqlNameIsRefused() {
        f.runSqlOk("create table notes (id int primary key, body text); insert into notes values (1, 'hi')");
        f.metadataOk(track("notes", null));
        var error = f.refused(() -> f.runSql("alter table notes rename column body to \"the-body\""));
        assertThat(error.status()).as(error.body()).isEqualTo(500);
        assertThat(error.code()).isEqualTo("unexpected");
        assertThat(error.error()).isEqualTo("cannot continue due to newly found inconsistent metadata");
        assertThat(error.internal().get(0).path("reason").asText())
                .isEqualTo("Inconsistent object: cannot include \"the-body" + NOT_AN_IDENTIFIER);
        stillServes(f);
        assertThat(f.gql("{ notes { body } }").at("/data/notes/0/body").asText()).isEqualTo("hi");
    }

    /** Never two tables behind one GraphQL name, the second silently left out (Hasura: checkConflictingNode). */
    @Test
    void aTableWhoseGraphqlNameAnotherTableHasIsRefused() {
        f.runSqlOk("create schema shop; create table shop.items (id int primary key); create table shop_items (id int primary key);"
                + "create table spare (id int primary key)");
        f.metadataOk(track("shop_items", null));
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": {\"schema\": \"shop\", \"name\": \"items\"}}}")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: node shop_items already exists in current graphql schema");
        f.refused(track("spare", "{\"custom_name\": \"authors\"}"))
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: node authors already exists in current graphql schema");
        stillServes(f);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": {\"schema\": \"shop\", \"name\": \"items\"}, "
                + "\"configuration\": {\"custom_name\": \"shopItems\"}}}");
        assertThat(f.gql("{ shopItems { id } shop_items { id } }").path("errors").isMissingNode()).isTrue();
    }

    @Test
    void aRemoteRelationshipNameThatIsNotAGraphqlNameIsRefused() {
        var error = f.refused("""
            {"type": "pg_create_remote_relationship", "args": {"table": "authors", "name": "the user",
              "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["user_id"],
                "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}}""")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: cannot include \"the user" + NOT_AN_IDENTIFIER);
        assertThat(error.internal().get(0).path("type").asText()).isEqualTo("remote_relationship");
        stillServes(f);
    }

    @Test
    void aRemoteSchemaCustomizationNameThatIsNotAGraphqlNameIsRefused() {
        f.refused("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"more\", \"definition\": {\"url\": \"" + users.url()
                + "\", \"customization\": {\"root_fields_namespace\": \"more-users\"}}}}")
                .expect(400, "parse-failed", "$.args.definition.customization.root_fields_namespace",
                        "more-users is not valid GraphQL name");
        stillServes(f);
    }

    @Test
    void aSourceCustomizationNameThatIsNotAGraphqlNameIsRefused() {
        f.refused("{\"type\": \"pg_update_source\", \"args\": {\"name\": \"default\", \"customization\": "
                + "{\"root_fields\": {\"prefix\": \"db-\"}}}}")
                .expect(400, "parse-failed", "$.args.customization.root_fields.prefix", "db- is not valid GraphQL name");
        stillServes(f);
    }

    @Test
    void replaceMetadataRefusesAGivenNameThatIsNotAGraphqlName() {
        ObjectNode document = (ObjectNode) f.export();
        ObjectNode authors = table(document, "authors");
        authors.set("configuration", Json.parse("{\"custom_root_fields\": {\"select\": \"all-authors\"}}"));
        String at = "sources[0].tables[" + tableIndex(document, "authors") + "].configuration.custom_root_fields.select";

        f.refused(Json.write(Json.object().put("type", "replace_metadata").set("args", document)))
                .expect(400, "parse-failed", "$.args." + at, "all-authors is not valid GraphQL name");
        ObjectNode allowing = Json.object().put("allow_inconsistent_metadata", true);
        allowing.set("metadata", document);
        f.refused(Json.write(Json.object().put("type", "replace_metadata").set("args", allowing)))
                .expect(400, "parse-failed", "$.args.metadata." + at, "all-authors is not valid GraphQL name");
        stillServes(f);
    }

    /**
     * Metadata that names what the schema cannot hold, stored by {@code replace_metadata} with
     * {@code allow_inconsistent_metadata} or written into {@code hdb_catalog} by hand: after a
     * restart each such object is reported inconsistent and everything else serves.
     */
    @Test
    void storedMetadataWithBadNamesServesEverythingElseAfterARestart() {
        String url;
        ObjectNode document;
        try (EngineFixture g = EngineFixture.start("graphql_names_stored")) {
            url = g.databaseUrl;
            g.runSqlOk("""
                create table authors (id int primary key, name text, user_id int);
                create table books (id int primary key, author_id int references authors(id));
                create table "col-test" (id int primary key);
                create table people (id int primary key, "first-name" text);
                create table "ユーザー" (id int primary key);
                insert into authors values (1, 'Ann', 1);
                """);
            document = (ObjectNode) g.export();
            ArrayNode tables = ((ObjectNode) document.withArray("sources").get(0)).withArray("tables");
            tables.add(Json.parse("{\"table\": {\"schema\": \"public\", \"name\": \"authors\"}}"));
            tables.add(Json.parse("{\"table\": {\"schema\": \"public\", \"name\": \"col-test\"}}"));
            ObjectNode allowing = Json.object().put("allow_inconsistent_metadata", true);
            allowing.set("metadata", document);
            JsonNode replaced = g.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", allowing)));
            assertThat(replaced.path("is_consistent").asBoolean()).isFalse();
            assertThat(replaced.at("/inconsistent_objects/0/name").asText()).isEqualTo("table col-test in source default");
            stillServes(g);

            tables.add(Json.parse("""
                {"table": {"schema": "public", "name": "books"},
                 "configuration": {"custom_root_fields": {"select": "all-books"}}}"""));
            tables.add(Json.parse("{\"table\": {\"schema\": \"public\", \"name\": \"people\"}}"));
            tables.add(Json.parse("{\"table\": {\"schema\": \"public\", \"name\": \"ユーザー\"}, "
                    + "\"configuration\": {\"custom_name\": \"bad name\"}}"));
            ObjectNode authors = table(document, "authors");
            authors.set("object_relationships", Json.parse("""
                [{"name": "the-self", "using": {"manual_configuration": {"remote_table": "authors",
                  "column_mapping": {"id": "id"}}}}]"""));
            authors.set("remote_relationships", Json.parse("""
                [{"name": "the user", "definition": {"to_remote_schema": {"remote_schema": "users",
                  "lhs_fields": ["user_id"], "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}]"""));
            document.set("remote_schemas", Json.parse("""
                [{"name": "users", "definition": {"url": "%s", "timeout_seconds": 5}},
                 {"name": "more", "definition": {"url": "%s", "timeout_seconds": 5,
                   "customization": {"root_fields_namespace": "more-users"}}}]""".formatted(users.url(), users.url())));
        }
        junction.test.TestPostgres.sql(url, "update hdb_catalog.hdb_metadata set metadata = $m$"
                + Json.write(document) + "$m$::json, resource_version = resource_version + 1 where id = 1");

        try (EngineFixture restarted = EngineFixture.on(url, c -> c)) {
            stillServes(restarted);
            assertThat(restarted.gql("{ users(ids: [1]) { id } }").at("/data/users/0/id").asInt()).isEqualTo(1);
            JsonNode report = restarted.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
            assertThat(report.path("is_consistent").asBoolean()).isFalse();
            assertThat(topLevel(report.path("inconsistent_objects"), "name")).containsExactlyInAnyOrder(
                    "table col-test in source default", "table books in source default", "table people in source default",
                    "table ユーザー in source default", "object_relation the-self in table authors in source default",
                    "remote_relationship the user in table authors in source default", "remote_schema more");
            assertThat(topLevel(report.path("inconsistent_objects"), "reason")).contains(
                    "Inconsistent object: cannot include \"all-books" + NOT_AN_IDENTIFIER,
                    "Inconsistent object: cannot include \"first-name" + NOT_AN_IDENTIFIER,
                    "Inconsistent object: cannot include \"bad name" + NOT_AN_IDENTIFIER,
                    "Inconsistent object: more-users is not valid GraphQL name");
        }
    }

    static java.util.List<String> topLevel(JsonNode objects, String key) {
        java.util.List<String> out = new java.util.ArrayList<>();
        objects.forEach(o -> out.add(o.path(key).asText()));
        return out;
    }

    static ObjectNode table(JsonNode document, String name) {
        for (JsonNode t : document.at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals(name)) {
                return (ObjectNode) t;
            }
        }
        throw new AssertionError("no table " + name);
    }

    static int tableIndex(JsonNode document, String name) {
        ArrayNode tables = (ArrayNode) document.at("/sources/0/tables");
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).at("/table/name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no table " + name);
    }
}
