package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enum tables ({@code is_enum}, {@code pg_set_table_is_enum}): a valid enum table becomes a GraphQL
 * enum {@code <table>_enum} whose values are its rows; columns with a foreign key to it are typed
 * with it in outputs, filters ({@code <table>_enum_comparison_exp}) and inputs; a table that cannot
 * be one is refused with Hasura's reasons; the rows are read again on {@code reload_metadata}.
 */
class EnumTablesTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("enum_tables");
        f.runSqlOk("""
            create table user_role (value text primary key, comment text);
            insert into user_role values ('user', 'Ordinary users'), ('moderator', 'Users who may ban users'),
              ('administrator', 'Users who may set roles');
            create table users (id serial primary key, name text not null, role text not null references user_role);
            insert into users (name, role) values ('alice', 'administrator'), ('bob', 'user'), ('carol', 'user');
            create table colour (name text primary key);
            insert into colour values ('red'), ('green');
            create table cars (id int primary key, paint text references colour);
            insert into cars values (1, 'red'), (2, null);
            create table empty_kind (value text primary key);
            create table wide_kind (code int primary key, label varchar, extra int);
            insert into wide_kind values (1, 'a', 1);
            create table composite_kind (a text, b text, primary key (a, b));
            create table bad_values (value text primary key, comment text);
            insert into bad_values values ('ok', null), ('not ok', null), ('true', null), ('1st', null);
            create table two_bad (value text primary key);
            insert into two_bad values ('a-b'), ('c d');
            create table int_comment (value text primary key, weight int);
            insert into int_comment values ('x', 1);
            create table shape (value text primary key);
            insert into shape values ('square');
            create table toys (id int primary key, shape text references shape);
            """);
        f.metadataOk("""
            {"type": "pg_track_table", "args": {"source": "default", "table": "user_role", "is_enum": true}}""");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"users\"}}");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"colour\"}}");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"cars\"}}");
        for (String table : List.of("empty_kind", "wide_kind", "composite_kind", "bad_values", "two_bad", "int_comment",
                "shape", "toys")) {
            f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"" + table + "\"}}");
        }
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "users", "role": "reader",
              "permission": {"columns": ["id", "name", "role"], "filter": {}}}}""");
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "users", "role": "namer",
              "permission": {"columns": ["id", "name"], "filter": {}}}}""");
        f.metadataOk("""
            {"type": "pg_create_insert_permission", "args": {"table": "users", "role": "namer",
              "permission": {"columns": ["name"], "check": {}, "set": {"role": "user"}}}}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonNode as(String role, String query) {
        return f.graphql(query, Map.of("x-hasura-role", role)).json();
    }

    static List<String> values(JsonNode type) {
        List<String> out = new ArrayList<>();
        type.path("enumValues").forEach(v -> out.add(v.path("name").asText() + ":" + v.path("description").asText(null)));
        return out;
    }

    @Test
    void anEnumTableIsAGraphqlEnumOfItsRowsWithTheirComments() {
        JsonNode type = f.gql("{ __type(name: \"user_role_enum\") { kind description enumValues { name description } } }")
                .at("/data/__type");

        assertThat(type.path("kind").asText()).isEqualTo("ENUM");
        assertThat(values(type)).containsExactly("administrator:Users who may set roles", "moderator:Users who may ban users",
                "user:Ordinary users");
    }

    @Test
    void aColumnReferencingAnEnumTableIsTypedWithTheEnumEverywhere() {
        JsonNode users = f.gql("""
            { __type(name: "users") { fields { name type { kind name ofType { name } } } } }""").at("/data/__type/fields");
        JsonNode role = find(users, "role");
        assertThat(role.at("/type/kind").asText()).isEqualTo("NON_NULL");
        assertThat(role.at("/type/ofType/name").asText()).isEqualTo("user_role_enum");

        JsonNode boolExp = f.gql("{ __type(name: \"users_bool_exp\") { inputFields { name type { name } } } }")
                .at("/data/__type/inputFields");
        assertThat(find(boolExp, "role").at("/type/name").asText()).isEqualTo("user_role_enum_comparison_exp");
        JsonNode comparison = f.gql("""
            { __type(name: "user_role_enum_comparison_exp") { inputFields { name type { kind name ofType { kind ofType { name } } } } } }""")
                .at("/data/__type/inputFields");
        List<String> ops = new ArrayList<>();
        comparison.forEach(op -> ops.add(op.path("name").asText()));
        assertThat(ops).containsExactly("_eq", "_in", "_is_null", "_neq", "_nin");
        assertThat(find(comparison, "_eq").at("/type/name").asText()).isEqualTo("user_role_enum");
        assertThat(find(comparison, "_in").at("/type/ofType/ofType/name").asText()).isEqualTo("user_role_enum");

        JsonNode insert = f.gql("{ __type(name: \"users_insert_input\") { inputFields { name type { name } } } }")
                .at("/data/__type/inputFields");
        assertThat(find(insert, "role").at("/type/name").asText()).isEqualTo("user_role_enum");
        JsonNode set = f.gql("{ __type(name: \"users_set_input\") { inputFields { name type { name } } } }")
                .at("/data/__type/inputFields");
        assertThat(find(set, "role").at("/type/name").asText()).isEqualTo("user_role_enum");
        // The enum table's own key stays a String; max/min do not apply to an enum column (Hasura's).
        JsonNode own = f.gql("{ __type(name: \"user_role\") { fields { name type { ofType { name } } } } }")
                .at("/data/__type/fields");
        assertThat(find(own, "value").at("/type/ofType/name").asText()).isEqualTo("String");
        JsonNode max = f.gql("{ __type(name: \"users_max_fields\") { fields { name } } }").at("/data/__type/fields");
        assertThat(max.toString()).contains("\"name\"").doesNotContain("\"role\"");
    }

    @Test
    void rowsAreFilteredAndOrderedByEnumValuesBoundAsText() {
        JsonNode data = f.gql("""
            { users(where: {role: {_eq: user}}, order_by: {id: asc}) { name role }
              some: users(where: {role: {_in: [administrator, moderator]}}) { name }
              none: users(where: {role: {_nin: [administrator, user]}}) { name }
              sorted: users(order_by: [{role: asc}, {id: desc}]) { name } }""").path("data");

        assertThat(data.path("users")).isEqualTo(Json.parse(
                "[{\"name\": \"bob\", \"role\": \"user\"}, {\"name\": \"carol\", \"role\": \"user\"}]"));
        assertThat(data.path("some")).isEqualTo(Json.parse("[{\"name\": \"alice\"}]"));
        assertThat(data.path("none")).isEqualTo(Json.parse("[]"));
        assertThat(data.path("sorted")).isEqualTo(Json.parse(
                "[{\"name\": \"alice\"}, {\"name\": \"carol\"}, {\"name\": \"bob\"}]"));
    }

    @Test
    void enumValuesComeFromVariablesAndGoIntoMutations() {
        JsonNode byVariable = f.gql("query ($r: user_role_enum!) { users(where: {role: {_eq: $r}}) { name } }",
                "{\"r\": \"administrator\"}", null);
        assertThat(byVariable.at("/data/users")).isEqualTo(Json.parse("[{\"name\": \"alice\"}]"));

        JsonNode inserted = f.gql("mutation { insert_users_one(object: {name: \"dave\", role: moderator}) { id role } }");
        assertThat(inserted.at("/data/insert_users_one/role").asText()).isEqualTo("moderator");
        int id = inserted.at("/data/insert_users_one/id").asInt();
        JsonNode updated = f.gql("mutation ($id: Int!) { update_users_by_pk(pk_columns: {id: $id}, _set: {role: user}) { role } }",
                "{\"id\": " + id + "}", null);
        assertThat(updated.at("/data/update_users_by_pk/role").asText()).isEqualTo("user");
        f.gql("mutation ($id: Int!) { delete_users_by_pk(id: $id) { id } }", "{\"id\": " + id + "}", null);
    }

    @Test
    void aValueThatIsNotOneOfTheEnumIsAValidationError() {
        JsonNode answer = f.gql("{ users(where: {role: {_eq: \"user\"}}) { name } }");
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
        JsonNode unknown = f.gql("{ users(where: {role: {_eq: superuser}}) { name } }");
        assertThat(unknown.at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
    }

    @Test
    void anEnumNoColumnUsesIsNotInTheSchema() {
        f.runSqlOk("create table unused_kind (value text primary key); insert into unused_kind values ('a')");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"unused_kind\", \"is_enum\": true}}");

        assertThat(f.gql("{ __type(name: \"unused_kind_enum\") { name } }").at("/data/__type").isNull()).isTrue();
        assertThat(f.gql("{ unused_kind { value } }").at("/data/unused_kind")).isEqualTo(Json.parse("[{\"value\": \"a\"}]"));
    }

    @Test
    void aRoleSeesTheEnumOnlyWithAColumnThatUsesIt() {
        assertThat(as("reader", "{ __type(name: \"user_role_enum\") { name } }").at("/data/__type/name").asText())
                .isEqualTo("user_role_enum");
        assertThat(as("reader", "{ users(where: {role: {_eq: administrator}}) { name role } }").at("/data/users"))
                .isEqualTo(Json.parse("[{\"name\": \"alice\", \"role\": \"administrator\"}]"));
        assertThat(as("namer", "{ __type(name: \"user_role_enum\") { name } }").at("/data/__type").isNull()).isTrue();
        assertThat(as("namer", "{ __type(name: \"user_role_enum_comparison_exp\") { name } }").at("/data/__type").isNull())
                .isTrue();
    }

    @Test
    void setTableIsEnumTurnsATableIntoAnEnumAndBack() {
        f.metadataOk("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"source\": \"default\", \"table\": \"colour\", \"is_enum\": true}}");
        assertThat(trackedEntry("colour").path("is_enum").asBoolean()).isTrue();
        assertThat(values(f.gql("{ __type(name: \"colour_enum\") { enumValues { name description } } }").at("/data/__type")))
                .containsExactly("green:null", "red:null");
        assertThat(f.gql("{ cars(where: {paint: {_eq: red}}) { id paint } }").at("/data/cars"))
                .isEqualTo(Json.parse("[{\"id\": 1, \"paint\": \"red\"}]"));
        assertThat(f.gql("{ cars(where: {paint: {_is_null: true}}) { id paint } }").at("/data/cars"))
                .isEqualTo(Json.parse("[{\"id\": 2, \"paint\": null}]"));

        f.metadataOk("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"table\": \"colour\", \"is_enum\": false}}");
        assertThat(trackedEntry("colour").has("is_enum")).isFalse();
        assertThat(f.gql("{ __type(name: \"colour_enum\") { name } }").at("/data/__type").isNull()).isTrue();
        assertThat(f.gql("{ cars(where: {paint: {_eq: \"red\"}}) { id } }").at("/data/cars"))
                .isEqualTo(Json.parse("[{\"id\": 1}]"));
    }

    @Test
    void theLegacyCommandSetsIsEnumToo() {
        var r = f.http.post("/v1/query", "{\"type\": \"set_table_is_enum\", \"args\": {\"table\": \"shape\", \"is_enum\": true}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(f.gql("{ __type(name: \"toys_insert_input\") { inputFields { name type { name } } } }")
                .at("/data/__type/inputFields").toString()).contains("shape_enum");
        f.metadataOk("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"table\": \"shape\", \"is_enum\": false}}");
    }

    @Test
    void aTableWithoutRowsCannotBeAnEnum() {
        f.refused("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"table\": \"empty_kind\", \"is_enum\": true}}")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: the table \"empty_kind\" cannot be "
                        + "used as an enum because the table must have at least one row");
    }

    @Test
    void everyReasonATableCannotBeAnEnumIsGiven() {
        f.refused("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"table\": \"wide_kind\", \"is_enum\": true}}")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: the table \"wide_kind\" cannot be "
                        + "used as an enum for the following reasons:\n"
                        + "  • the table’s primary key (\"code\") must have type \"text\", not type \"integer\"\n"
                        + "  • the table must have exactly one primary key and optionally one comment column, not 3 "
                        + "columns (code, extra, label)\n");
        f.refused("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"table\": \"composite_kind\", \"is_enum\": true}}")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: the table \"composite_kind\" cannot"
                        + " be used as an enum for the following reasons:\n"
                        + "  • the table’s primary key must not span multiple columns (a, b)\n"
                        + "  • the table must have exactly one primary key and optionally one comment column, not 2 "
                        + "columns (a, b)\n");
        f.refused("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"table\": \"int_comment\", \"is_enum\": true}}")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: the table \"int_comment\" cannot be"
                        + " used as an enum because the table’s comment column (\"weight\") must have type \"text\", not type"
                        + " \"integer\"");
    }

    @Test
    void valuesThatAreNotGraphqlNamesAreListedAsHasuraDoes() {
        f.refused("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"table\": \"bad_values\", \"is_enum\": true}}")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: the table \"bad_values\" cannot be "
                        + "used as an enum because the values 1st, not ok, and \"true\" are not valid GraphQL enum value names");
        f.refused("{\"type\": \"pg_set_table_is_enum\", \"args\": {\"table\": \"two_bad\", \"is_enum\": true}}")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: the table \"two_bad\" cannot be "
                        + "used as an enum because the values \"a-b\" and \"c d\" are not valid GraphQL enum value names");
    }

    @Test
    void trackingAnInvalidEnumTableIsRefused() {
        f.runSqlOk("create table never_enum (value text primary key)");
        f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"never_enum\", \"is_enum\": true}}")
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: the table \"never_enum\" cannot be "
                        + "used as an enum because the table must have at least one row");
    }

    @Test
    void replaceMetadataReportsAnInvalidEnumTableAsInconsistent() {
        JsonNode original = f.export();
        JsonNode changed = original.deepCopy();
        for (JsonNode t : changed.at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals("empty_kind")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) t).put("is_enum", true);
            }
        }
        f.refused("{\"type\": \"replace_metadata\", \"args\": " + changed + "}")
                .expect(400, "unexpected", "$.args", "cannot continue due to inconsistent metadata");

        JsonNode replaced = f.metadataOk("{\"type\": \"replace_metadata\", \"version\": 2, \"args\": "
                + "{\"allow_inconsistent_metadata\": true, \"metadata\": " + changed + "}}");
        try {
            assertThat(replaced.path("is_consistent").asBoolean()).isFalse();
            assertThat(replaced.at("/inconsistent_objects/0/type").asText()).isEqualTo("table");
            assertThat(replaced.at("/inconsistent_objects/0/reason").asText()).isEqualTo("Inconsistent object: the table"
                    + " \"empty_kind\" cannot be used as an enum because the table must have at least one row");
            assertThat(f.gql("{ users(where: {role: {_eq: user}}) { id } }").at("/data/users").size()).isEqualTo(2);
        } finally {
            f.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + original + "}");
        }
    }

    @Test
    void reloadReadsTheRowsAgain() {
        f.runSqlOk("create table mood (value text primary key); insert into mood values ('happy');"
                + "create table diary (day int primary key, mood text references mood)");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"mood\", \"is_enum\": true}}");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"diary\"}}");
        f.runSqlOk("insert into mood values ('sad')");
        // Hasura reads an enum table's rows when the metadata is (re)loaded, not when its data changes.
        assertThat(values(f.gql("{ __type(name: \"mood_enum\") { enumValues { name } } }").at("/data/__type")))
                .containsExactly("happy:null");

        JsonNode reloaded = f.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");

        assertThat(reloaded.path("is_consistent").asBoolean()).isTrue();
        assertThat(values(f.gql("{ __type(name: \"mood_enum\") { enumValues { name } } }").at("/data/__type")))
                .containsExactly("happy:null", "sad:null");
    }

    @Test
    void anEnumTableRenamedThroughRunSqlKeepsItsEnumUnderTheNewName() {
        f.runSqlOk("create table weather (value text primary key); insert into weather values ('rain'), ('sun');"
                + "create table days (day int primary key, weather text references weather)");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"weather\", \"is_enum\": true}}");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"days\"}}");

        f.runSqlOk("alter table weather rename to sky; insert into sky values ('snow')");

        assertThat(trackedEntry("sky").path("is_enum").asBoolean()).isTrue();
        assertThat(values(f.gql("{ __type(name: \"sky_enum\") { enumValues { name } } }").at("/data/__type")))
                .containsExactly("rain:null", "snow:null", "sun:null");
        assertThat(f.gql("{ __type(name: \"weather_enum\") { name } }").at("/data/__type").isNull()).isTrue();
    }

    @Test
    void anEnumTableThatLostItsRowsIsInconsistentAfterReload() {
        f.runSqlOk("create table phase (value text primary key); insert into phase values ('one')");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"phase\", \"is_enum\": true}}");
        f.runSqlOk("delete from phase");

        JsonNode reloaded = f.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");

        assertThat(reloaded.path("is_consistent").asBoolean()).isFalse();
        JsonNode issue = null;
        for (JsonNode i : reloaded.path("inconsistent_objects")) {
            if (i.path("definition").path("name").asText().equals("phase")) {
                issue = i;
            }
        }
        assertThat(issue).isNotNull();
        assertThat(issue.path("type").asText()).isEqualTo("table");
        assertThat(issue.path("reason").asText()).isEqualTo("Inconsistent object: the table \"phase\" cannot be used as"
                + " an enum because the table must have at least one row");
        assertThat(f.gql("{ __type(name: \"phase_enum\") { name } }").at("/data/__type").isNull()).isTrue();
        f.runSqlOk("insert into phase values ('two')");
        assertThat(f.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}").path("is_consistent").asBoolean()).isTrue();
        f.metadataOk("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"phase\"}}");
    }

    private static JsonNode trackedEntry(String name) {
        for (JsonNode t : f.export().at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("not tracked: " + name);
    }

    private static JsonNode find(JsonNode fields, String name) {
        for (JsonNode field : fields) {
            if (field.path("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name + " in " + fields);
    }
}
