package junction.remoterel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 1: {@code create_/update_/delete_remote_schema_remote_relationship}, kept as written
 * under {@code remote_schemas[].remote_relationships} through export and replace; refusals change
 * nothing; a relationship whose table goes away is an inconsistent object that can be dropped.
 */
class RemoteSchemaRelationshipMetadataTest {
    static EngineFixture junction;
    static GraphqlTestServer users;

    private static final String ORDERS = """
            {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
              "name": "orders", "definition": {"to_source": {"source": "default", "table": "orders",
                "relationship_type": "array", "field_mapping": {"id": "user_id"}}}}}
            """;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        junction = EngineFixture.start("remote_schema_relationship_metadata");
        junction.runSqlOk("create table orders (id int primary key, user_id int not null);"
                + " create table notes (id int primary key, user_id int); insert into orders values (1, 1);");
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_track_table", "args": {"table": "orders"}},
                  {"type": "pg_track_table", "args": {"table": "notes"}},
                  {"type": "add_remote_schema", "args": {"name": "users", "definition": {"url": "%s", "timeout_seconds": 5}}}
                ]}
                """.formatted(users.url()));
        junction.metadataOk(ORDERS);
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
    }

    private static JsonNode usersEntry() {
        for (JsonNode remote : junction.export().get("remote_schemas")) {
            if (remote.get("name").asText().equals("users")) {
                return remote;
            }
        }
        throw new AssertionError("no remote schema users");
    }

    @Test
    void theRelationshipIsExportedAsWrittenAndSurvivesAReplace() {
        assertThat(usersEntry().get("remote_relationships").toString()).isEqualTo("[{\"type_name\":\"User\",\"relationships\":"
                + "[{\"name\":\"orders\",\"definition\":{\"to_source\":{\"source\":\"default\",\"table\":\"orders\","
                + "\"relationship_type\":\"array\",\"field_mapping\":{\"id\":\"user_id\"}}}}]}]");
        JsonNode before = junction.export();
        ObjectNode replace = Json.object().put("type", "replace_metadata");
        replace.set("args", before);
        junction.metadataOk(Json.write(replace));

        assertThat(junction.export()).isEqualTo(before);
        assertThat(junction.gql("{ user(id: 1) { orders { id } } }").toString())
                .isEqualTo("{\"data\":{\"user\":{\"orders\":[{\"id\":1}]}}}");
    }

    @Test
    void badRequestsAreRefusedWithHasurasErrorsAndChangeNothing() {
        junction.refused(ORDERS).expect(400, "already-exists", "$.args.name",
                "remote relationship with name \"orders\" on type \"User\" already exists in remote schema \"users\"");
        junction.refused(ORDERS.replace("\"remote_schema\": \"users\"", "\"remote_schema\": \"nope\""))
                .expect(400, "not-exists", "$.args.remote_schema", "remote schema with name \"nope\" does not exist");
        junction.refused(ORDERS.replace("\"name\": \"orders\"", "\"name\": \"o2\"").replace("\"table\": \"orders\"",
                "\"table\": \"missing\"")).expect(400, "invalid-configuration", "$.args", "Inconsistent object: in remote schema "
                + "\"users\": in remote relationship \"o2\" on type \"User\": table \"missing\" does not exist in source: default");
        junction.refused(ORDERS.replace("\"name\": \"orders\"", "\"name\": \"o3\"").replace("{\"id\": \"user_id\"}",
                "{\"nope\": \"user_id\"}")).expect(400, "invalid-configuration", "$.args", "Inconsistent object: in remote schema "
                + "\"users\": in remote relationship \"o3\" on type \"User\": field with name \"nope\" not found in type \"User\"");
        junction.refused(ORDERS.replace("\"name\": \"orders\"", "\"name\": \"o4\"").replace("\"type_name\": \"User\"",
                "\"type_name\": \"Nobody\"")).expect(400, "invalid-configuration", "$.args", "Inconsistent object: in remote schema "
                + "\"users\": in remote relationship \"o4\" on type \"Nobody\": object type with name \"Nobody\" not found in "
                + "remote schema \"users\"");
        junction.refused(ORDERS.replace("\"name\": \"orders\"", "\"name\": \"email\"")).expect(400, "invalid-configuration",
                "$.args", "Inconsistent object: in remote schema \"users\": in remote relationship \"email\" on type \"User\": "
                        + "field with name \"email\" already exists in type \"User\"");
        junction.refused(ORDERS.replace("\"name\": \"orders\"", "\"name\": \"o5\"")
                .replace("\"relationship_type\": \"array\"", "\"relationship_type\": \"many\""))
                .expect(400, "parse-failed", "$.args.definition.to_source.relationship_type",
                        "relationship_type must be one of: object, array");
        junction.refused("""
                {"type": "update_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                  "name": "nothing", "definition": {"to_source": {"table": "orders", "relationship_type": "object",
                  "field_mapping": {"id": "user_id"}}}}}
                """).expect(400, "not-exists", "$.args.name",
                "remote relationship with name \"nothing\" on type \"User\" does not exist in remote schema \"users\"");
    }

    @Test
    void updateReplacesTheDefinitionAndDeleteRemovesIt() {
        junction.metadataOk(ORDERS.replace("\"name\": \"orders\"", "\"name\": \"notes\"").replace("\"table\": \"orders\"",
                "\"table\": \"notes\""));
        junction.metadataOk(ORDERS.replace("create_", "update_").replace("\"name\": \"orders\"", "\"name\": \"notes\"")
                .replace("\"table\": \"orders\"", "\"table\": \"notes\"").replace("\"array\"", "\"object\""));
        assertThat(junction.gql("{ user(id: 1) { notes { id } } }").toString()).isEqualTo("{\"data\":{\"user\":{\"notes\":null}}}");

        junction.metadataOk("""
                {"type": "delete_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                  "name": "notes"}}
                """);
        assertThat(usersEntry().at("/remote_relationships/0/relationships")).hasSize(1);
        assertThat(junction.gql("{ user(id: 1) { notes { id } } }").at("/errors/0/message").asText())
                .isEqualTo("field 'notes' not found in type: 'User'");
    }

    @Test
    void aTableARelationshipUsesIsDroppedOrUntrackedOnlyWithCascade() {
        junction.runSqlOk("create table drafts (id int primary key, user_id int)");
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"drafts\"}}");
        String create = ORDERS.replace("\"name\": \"orders\"", "\"name\": \"drafts\"").replace("\"table\": \"orders\"",
                "\"table\": \"drafts\"");
        junction.metadataOk(create);
        String dependents = "cannot drop due to the following dependent objects: remote_relationship drafts on type User "
                + "in remote schema users";

        junction.refused(() -> junction.runSql("drop table drafts")).expect(400, "dependency-error", "$.args", dependents);
        junction.refused("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"drafts\"}}")
                .expect(400, "dependency-error", "$.args", dependents);
        junction.metadataOk("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"drafts\", \"cascade\": true}}");
        assertThat(usersEntry().toString()).doesNotContain("drafts");

        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"drafts\"}}");
        junction.metadataOk(create);
        junction.runSqlWith("{\"sql\": \"drop table drafts\", \"cascade\": true}");
        assertThat(usersEntry().toString()).doesNotContain("drafts");
        assertThat(junction.gql("{ user(id: 1) { orders { id } } }").toString())
                .isEqualTo("{\"data\":{\"user\":{\"orders\":[{\"id\":1}]}}}");
    }

    @Test
    void aRelationshipWhoseTableIsGoneIsAnInconsistentObjectThatCanBeDropped() {
        JsonNode document = junction.export();
        ObjectNode gone = document.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) gone.at("/remote_schemas/0/remote_relationships/0/relationships"))
                .add(Json.parse("{\"name\": \"lost\", \"definition\": {\"to_source\": {\"source\": \"default\", \"table\": \"gone\","
                        + " \"relationship_type\": \"object\", \"field_mapping\": {\"id\": \"id\"}}}}"));
        ObjectNode replace = Json.object().put("type", "replace_metadata");
        replace.putObject("args").put("allow_inconsistent_metadata", true).set("metadata", gone);
        junction.metadataOk(Json.write(replace));

        JsonNode inconsistent = junction.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
        assertThat(inconsistent.at("/inconsistent_objects").toString()).isEqualTo("[{\"definition\":{\"remote_schema\":\"users\","
                + "\"type_name\":\"User\",\"name\":\"lost\",\"definition\":{\"to_source\":{\"source\":\"default\",\"table\":\"gone\","
                + "\"relationship_type\":\"object\",\"field_mapping\":{\"id\":\"id\"}}}},\"name\":\"remote_relationship lost on type "
                + "User in remote schema users\",\"reason\":\"Inconsistent object: in remote schema \\\"users\\\": in remote "
                + "relationship \\\"lost\\\" on type \\\"User\\\": table \\\"gone\\\" does not exist in source: default\","
                + "\"type\":\"remote_schema_remote_relationship\"}]");
        assertThat(junction.gql("{ user(id: 1) { orders { id } } }").toString())
                .isEqualTo("{\"data\":{\"user\":{\"orders\":[{\"id\":1}]}}}");

        junction.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}");
        assertThat(junction.export()).isEqualTo(document);
    }
}
