package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 8: remote relationships depend on their table, their join columns and their remote
 * schema, as in Hasura: dropping a join column needs {@code cascade}, dropping the table takes
 * them with it (issue 14); renames are carried into the definition and the relationship keeps
 * working; a used remote schema cannot be removed; a remote that changes under a relationship
 * makes it an inconsistent object while the engine keeps serving.
 */
class RemoteRelationshipDependenciesTest {
    private static EngineFixture junction;
    private static GraphqlTestServer users;
    private static GraphqlTestServer extra;
    private static GraphqlTestServer shifty;

    @BeforeAll
    static void start() {
        users = UserService.start(5);
        extra = UserService.start(5);
        shifty = UserService.start(5);
        junction = EngineFixture.start("remote_rel_dependencies");
        Joins.addRemoteSchema(junction, "users", users, null);
        Joins.addRemoteSchema(junction, "extra", extra, "{\"root_fields_namespace\": \"extra\", \"type_names\": {\"prefix\": \"X_\"}}");
        Joins.addRemoteSchema(junction, "shifty", shifty, "{\"root_fields_namespace\": \"shifty\", \"type_names\": {\"prefix\": \"S_\"}}");
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
        extra.close();
        shifty.close();
    }

    /**
     * A tracked table {@code (id, user_id, note)} with rows (1, 1), (2, 2) and three relationships to
     * {@code remote}: {@code buyer} (new format, {@code user_id}), {@code seller} (old format,
     * {@code user_id} inside a list) and {@code self} (joins on {@code id} only).
     */
    private static void table(String name, String remote) {
        junction.runSqlOk("create table " + name + " (id int primary key, user_id int, note text);"
                + " insert into " + name + " values (1, 1, 'a'), (2, 2, 'b');");
        junction.metadataOk("{\"type\": \"bulk\", \"args\": ["
                + "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"" + name + "\"}},"
                + "{\"type\": \"pg_create_remote_relationship\", \"args\": {\"table\": \"" + name + "\", \"name\": \"buyer\","
                + " \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"" + remote + "\", \"lhs_fields\": [\"user_id\"],"
                + " \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}}}}},"
                + "{\"type\": \"pg_create_remote_relationship\", \"args\": {\"table\": \"" + name + "\", \"name\": \"seller\","
                + " \"hasura_fields\": [\"user_id\"], \"remote_schema\": \"" + remote + "\","
                + " \"remote_field\": {\"users\": {\"arguments\": {\"ids\": [\"$user_id\"]}}}}},"
                + "{\"type\": \"pg_create_remote_relationship\", \"args\": {\"table\": \"" + name + "\", \"name\": \"self\","
                + " \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"" + remote + "\", \"lhs_fields\": [\"id\"],"
                + " \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$id\"}}}}}}}]}");
    }

    private static Http.Response runSql(String sql, boolean cascade) {
        return junction.runSqlWith("{\"sql\": \"" + sql + "\", \"cascade\": " + cascade + "}");
    }

    private static JsonNode tableEntry(String name) {
        for (JsonNode table : junction.export().at("/sources/0/tables")) {
            if (table.at("/table/name").asText().equals(name)) {
                return table;
            }
        }
        return null;
    }

    @Test
    void droppingAJoinColumnIsADependencyErrorAndChangesNothing() {
        table("d_column", "users");

        ApiError error = junction.refused(() -> runSql("alter table d_column drop column user_id", false));

        error.expect(400, "dependency-error", "$.args", "cannot drop due to the following dependent objects: "
                + "remote relationship d_column.buyer in source \"default\", remote relationship d_column.seller in source \"default\"");
        assertThat(junction.gql("{ d_column(order_by: {id: asc}) { user_id buyer { name } } }").toString()).isEqualTo(
                "{\"data\":{\"d_column\":[{\"user_id\":1,\"buyer\":{\"name\":\"user1\"}},{\"user_id\":2,\"buyer\":{\"name\":\"user2\"}}]}}");
    }

    @Test
    void droppingAJoinColumnWithCascadeDropsTheRelationshipsThatUseIt() {
        table("d_cascade", "users");

        Http.Response r = runSql("alter table d_cascade drop column user_id", true);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode remotes = tableEntry("d_cascade").get("remote_relationships");
        assertThat(remotes).hasSize(1);
        assertThat(remotes.at("/0/name").asText()).isEqualTo("self");
        assertThat(junction.gql("{ d_cascade(order_by: {id: asc}) { id self { name } } }").toString()).isEqualTo(
                "{\"data\":{\"d_cascade\":[{\"id\":1,\"self\":{\"name\":\"user1\"}},{\"id\":2,\"self\":{\"name\":\"user2\"}}]}}");
        assertThat(junction.gql("{ d_cascade { buyer { id } } }").at("/errors/0/extensions/code").asText())
                .isEqualTo("validation-failed");
    }

    @Test
    void droppingTheTableRemovesItsRemoteRelationshipsWithoutCascade() {
        table("d_table", "users");

        Http.Response r = runSql("drop table d_table", false);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(tableEntry("d_table")).isNull();
        assertThat(junction.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").get("is_consistent").asBoolean())
                .isTrue();
    }

    @Test
    void renamingAJoinColumnIsCarriedIntoTheDefinitionsAndTheyKeepWorking() {
        table("r_column", "users");

        junction.runSqlOk("alter table r_column rename column user_id to customer_id");

        JsonNode remotes = tableEntry("r_column").get("remote_relationships");
        assertThat(remotes.get(0).toString()).isEqualTo("{\"definition\":{\"to_remote_schema\":{\"lhs_fields\":[\"customer_id\"],"
                + "\"remote_field\":{\"user\":{\"arguments\":{\"id\":\"$customer_id\"}}},\"remote_schema\":\"users\"}},\"name\":\"buyer\"}");
        assertThat(remotes.get(1).toString()).isEqualTo("{\"definition\":{\"hasura_fields\":[\"customer_id\"],"
                + "\"remote_field\":{\"users\":{\"arguments\":{\"ids\":[\"$customer_id\"]}}},\"remote_schema\":\"users\"},\"name\":\"seller\"}");
        assertThat(junction.gql("{ r_column(order_by: {id: asc}) { customer_id buyer { name } seller { id } } }").toString())
                .isEqualTo("{\"data\":{\"r_column\":[{\"customer_id\":1,\"buyer\":{\"name\":\"user1\"},\"seller\":[{\"id\":1}]},"
                        + "{\"customer_id\":2,\"buyer\":{\"name\":\"user2\"},\"seller\":[{\"id\":2}]}]}}");
    }

    @Test
    void renamingTheTableKeepsItsRelationshipsWorking() {
        table("r_table", "users");

        junction.runSqlOk("alter table r_table rename to r_table_renamed");

        assertThat(tableEntry("r_table")).isNull();
        assertThat(tableEntry("r_table_renamed").get("remote_relationships")).hasSize(3);
        assertThat(junction.gql("{ r_table_renamed(order_by: {id: asc}) { id buyer { name } } }").toString()).isEqualTo(
                "{\"data\":{\"r_table_renamed\":[{\"id\":1,\"buyer\":{\"name\":\"user1\"}},{\"id\":2,\"buyer\":{\"name\":\"user2\"}}]}}");
        assertThat(Joins.arguments(junction, "r_table_renamed", "buyer")).isEmpty();
    }

    @Test
    void aRemoteSchemaInUseCannotBeRemoved() {
        table("uses_extra", "extra");

        junction.refused("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"extra\"}}").expect(400, "dependency-error",
                "$.args", "cannot drop due to the following dependent objects : remote relationship uses_extra.buyer in source "
                        + "\"default\", remote relationship uses_extra.self in source \"default\", remote relationship "
                        + "uses_extra.seller in source \"default\"");

        for (String name : new String[] {"buyer", "seller", "self"}) {
            junction.metadataOk("{\"type\": \"pg_delete_remote_relationship\", \"args\": {\"table\": \"uses_extra\", \"name\": \""
                    + name + "\"}}");
        }
        junction.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"extra\"}}");
    }

    @Test
    void aRemoteThatNoLongerFitsMakesTheRelationshipInconsistentWhileTheEngineKeepsServing() {
        table("shifting", "shifty");
        table("steady", "users");
        GraphQLSchema without = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(
                "type User { id: Int! name: String }\ntype Query { users(ids: [Int!]): [User] }"), RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("users", env -> ((java.util.List<?>) env.getArgument("ids")).stream()
                        .map(id -> java.util.Map.of("id", id)).toList())).build());
        shifty.serve(without);
        try {
            ApiError updated = junction.refused("{\"type\": \"update_remote_schema\", \"args\": {\"name\": \"shifty\", \"definition\": "
                    + "{\"url\": \"" + shifty.url() + "\", \"timeout_seconds\": 7, \"customization\": {\"root_fields_namespace\": "
                    + "\"shifty\", \"type_names\": {\"prefix\": \"S_\"}}}}}");
            assertThat(updated.status()).isEqualTo(400);
            assertThat(updated.internal().toString()).contains("remote_relationship buyer in table shifting in source default");

            ApiError refused = junction.refused("{\"type\": \"reload_remote_schema\", \"args\": {\"name\": \"shifty\"}}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.internal().toString()).contains("remote_relationship buyer in table shifting in source default");

            JsonNode reloaded = junction.metadataOk("{\"type\": \"reload_metadata\", \"args\": {\"reload_remote_schemas\": true}}");
            assertThat(reloaded.get("is_consistent").asBoolean()).isFalse();

            JsonNode inconsistent = junction.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
            assertThat(inconsistent.get("is_consistent").asBoolean()).isFalse();
            assertThat(inconsistent.get("inconsistent_objects")).hasSize(2);
            JsonNode buyer = inconsistent.at("/inconsistent_objects/0");
            assertThat(buyer.get("type").asText()).isEqualTo("remote_relationship");
            assertThat(buyer.get("name").asText()).isEqualTo("remote_relationship buyer in table shifting in source default");
            assertThat(buyer.get("reason").asText()).isEqualTo("Inconsistent object: in table \"shifting\": in remote relationship "
                    + "\"buyer\": remote field with name \"user\" and type \"Query\" not found");
            assertThat(inconsistent.at("/inconsistent_objects/1/name").asText())
                    .isEqualTo("remote_relationship self in table shifting in source default");

            assertThat(junction.gql("{ shifting { buyer { id } } }").at("/errors/0/message").asText())
                    .isEqualTo("field 'buyer' not found in type: 'shifting'");
            assertThat(junction.gql("{ shifting(order_by: {id: asc}) { id seller { id } } }").toString()).isEqualTo(
                    "{\"data\":{\"shifting\":[{\"id\":1,\"seller\":[{\"id\":1}]},{\"id\":2,\"seller\":[{\"id\":2}]}]}}");
            assertThat(junction.gql("{ steady_by_pk(id: 2) { buyer { name } } }").toString())
                    .isEqualTo("{\"data\":{\"steady_by_pk\":{\"buyer\":{\"name\":\"user2\"}}}}");
        } finally {
            shifty.serve(UserService.schemaOf(5));
            junction.metadataOk("{\"type\": \"reload_metadata\", \"args\": {\"reload_remote_schemas\": true}}");
        }
        assertThat(junction.gql("{ shifting_by_pk(id: 1) { buyer { name } } }").toString())
                .isEqualTo("{\"data\":{\"shifting_by_pk\":{\"buyer\":{\"name\":\"user1\"}}}}");
    }
}
