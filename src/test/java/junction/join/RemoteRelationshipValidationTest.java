package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 7: every bad remote relationship is refused with a clear error (Hasura's code and
 * message) and leaves the metadata and its resource version exactly as they were.
 */
class RemoteRelationshipValidationTest {
    private static EngineFixture junction;
    private static GraphqlTestServer users;
    private static GraphqlTestServer messages;
    private static GraphqlTestServer zoo;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        messages = MessageService.start();
        zoo = ZooService.start();
        junction = EngineFixture.start("remote_rel_validation");
        junction.runSqlOk("""
                create table customers (id int primary key, name text);
                create table orders (id int primary key, user_id int, customer_id int references customers(id), code text,
                  total numeric, big bigint, paid boolean, ref uuid, tags int[], names text[], meta jsonb);
                create table drafts (id int primary key, user_id int);
                """);
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_track_table", "args": {"table": "customers"}},
                  {"type": "pg_track_table", "args": {"table": "orders"}},
                  {"type": "pg_create_object_relationship", "args": {"table": "orders", "name": "customer",
                    "using": {"foreign_key_constraint_on": "customer_id"}}}
                ]}
                """);
        Joins.addRemoteSchema(junction, "users", users, null);
        Joins.addRemoteSchema(junction, "messages", messages, "{\"root_fields_namespace\": \"msg\", \"type_names\": {\"prefix\": \"M_\"}}");
        Joins.addRemoteSchema(junction, "zoo", zoo, null);
        junction.metadataOk(create("user", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}"));
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
        messages.close();
        zoo.close();
    }

    @Test
    void anUnknownRemoteSchema() {
        refused("r", "nope", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}",
                "remote schema with name \"nope\" not found");
    }

    @Test
    void anUnknownFieldOnThePath() {
        refused("r", "users", "[\"user_id\"]", "{\"person\": {\"arguments\": {\"id\": \"$user_id\"}}}",
                "remote field with name \"person\" and type \"Query\" not found");
        refused("r", "messages", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"$user_id\"}, \"field\": {\"friends\": {}}}}",
                "remote field with name \"friends\" and type \"User\" not found");
    }

    @Test
    void anUnknownArgumentOrInputField() {
        refused("r", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"ident\": \"$user_id\"}}}",
                "argument with name \"ident\" not found in remote schema");
        refused("r", "messages", "[\"user_id\"]",
                "{\"messages\": {\"arguments\": {\"where\": {\"author_id\": {\"_eq\": \"$user_id\"}, \"nope\": 1}}}}",
                "argument with name \"nope\" not found in remote schema");
    }

    @Test
    void aColumnReferenceThatIsNotAJoinFieldOrNotAColumn() {
        refused("r", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"$id\"}}}",
                "variable \"id\" is not found");
        refused("r", "users", "[\"nope\"]", "{\"user\": {\"arguments\": {\"id\": \"$nope\"}}}",
                "field with name \"nope\" not found in table \"orders\"");
    }

    @Test
    void aColumnWhoseTypeCannotFeedTheArgument() {
        refused("r", "users", "[\"code\"]", "{\"user\": {\"arguments\": {\"id\": \"$code\"}}}",
                "expected type \"Int\" but got \"String\"");
        refused("r", "users", "[\"paid\"]", "{\"user\": {\"arguments\": {\"id\": \"$paid\"}}}",
                "expected type \"Int\" but got \"Boolean\"");
        refused("r", "messages", "[\"user_id\"]", "{\"messages\": {\"arguments\": {\"where\": {\"kind\": \"$user_id\"}}}}",
                "expected type \"String\" but got \"Int\"");
        refused("r", "users", "[\"tags\"]", "{\"user\": {\"arguments\": {\"id\": \"$tags\"}}}",
                "expected type \"Int\" but got \"[Int]\"");
        refused("r", "users", "[\"names\"]", "{\"users\": {\"arguments\": {\"ids\": \"$names\"}}}",
                "expected type \"Int\" but got \"[String]\"");
        refused("r", "zoo", "[\"code\"]", "{\"animals\": {\"arguments\": {\"filter\": {\"sound\": \"$code\"}}}}",
                "enum value is not supported");
        refused("r", "messages", "[\"user_id\"]", "{\"messages\": {\"arguments\": {\"where\": \"$user_id\"}}}",
                "expected type \"MessageFilter\" but got \"Int\"");
    }

    @Test
    void columnsThatCanFeedTheirArgumentsAreAccepted() {
        junction.metadataOk(create("by_big", "users", "[\"big\"]", "{\"user\": {\"arguments\": {\"id\": \"$big\"}}}"));
        junction.metadataOk(create("by_tags", "users", "[\"tags\"]", "{\"users\": {\"arguments\": {\"ids\": \"$tags\"}}}"));
        junction.metadataOk(create("by_ref", "zoo", "[\"ref\"]", "{\"animal\": {\"arguments\": {\"id\": \"$ref\"}}}"));
        junction.metadataOk(create("by_meta", "zoo", "[\"meta\"]", "{\"echo\": {\"arguments\": {\"value\": \"$meta\"}}}"));
        for (String name : new String[] {"by_big", "by_tags", "by_ref", "by_meta"}) {
            junction.metadataOk("{\"type\": \"pg_delete_remote_relationship\", \"args\": {\"table\": \"orders\", \"name\": \"" + name + "\"}}");
        }
    }

    @Test
    void aStaticValueOfTheWrongType() {
        refused("r", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"abc\"}}}",
                "expected type \"Int\" but got \"String\"");
        refused("r", "messages", "[\"user_id\"]",
                "{\"messages\": {\"arguments\": {\"where\": {\"author_id\": {\"_eq\": \"$user_id\"}, \"kind\": 5}}}}",
                "expected type \"String\" but got \"Int\"");
        refused("r", "messages", "[\"user_id\"]",
                "{\"messages\": {\"arguments\": {\"where\": {\"author_id\": {\"_eq\": \"$user_id\"}}, \"limit\": 1.5}}}",
                "expected type \"Int\" but got \"Float\"");
        refused("r", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": null}}}", "null is not allowed here");
        refused("r", "users", "[\"user_id\"]", "{\"users\": {\"arguments\": {\"ids\": [\"$user_id\", 2]}}}",
                "multiple elements in list value is not supported");
        refused("r", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": {\"eq\": \"$user_id\"}}}}",
                "type \"Int\" is invalid for stripping");
        refused("r", "zoo", "[\"user_id\"]", "{\"animals\": {\"arguments\": {\"filter\": {\"sound\": \"WOOF\"}}}}",
                "enum value is not supported");
    }

    @Test
    void aNameTakenByAColumnOrARelationship() {
        refused("user_id", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}",
                "field definition conflicts with postgres column");
        refused("customer", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}",
                "conflicting definitions for field \"customer\"");
        junction.refused(create("user", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}"))
                .expect(400, "already-exists", "$.args.name", "remote relationship with name \"user\" already exists in table \"orders\"");
        ApiError objectOverRemote = junction.refused("""
                {"type": "pg_create_object_relationship", "args": {"table": "orders", "name": "user",
                  "using": {"foreign_key_constraint_on": "customer_id"}}}
                """);
        assertThat(objectOverRemote.code()).isEqualTo("already-exists");
    }

    @Test
    void aTableThatIsNotTracked() {
        ApiError error = junction.refused(create("r", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}")
                .replace("\"table\": \"orders\"", "\"table\": \"drafts\""));
        error.expect(400, "not-exists", "$.args.table", "table \"drafts\" does not exist in source: default");
    }

    @Test
    void theProblemIsReportedAsTheInconsistentObjectItWouldBe() {
        ApiError error = junction.refused(create("r", "users", "[\"user_id\"]", "{\"user\": {\"arguments\": {\"ident\": \"$user_id\"}}}"));

        assertThat(error.internal().toString()).isEqualTo("[{\"definition\":{\"name\":\"r\",\"source\":\"default\","
                + "\"table\":{\"name\":\"orders\",\"schema\":\"public\"},\"to_remote_schema\":{\"lhs_fields\":[\"user_id\"],"
                + "\"remote_field\":{\"user\":{\"arguments\":{\"ident\":\"$user_id\"}}},\"remote_schema\":\"users\"}},"
                + "\"name\":\"remote_relationship r in table orders in source default\",\"reason\":\"Inconsistent object: in table "
                + "\\\"orders\\\": in remote relationship \\\"r\\\": argument with name \\\"ident\\\" not found in remote schema\","
                + "\"type\":\"remote_relationship\"}]");
    }

    private static void refused(String name, String remote, String lhs, String remoteField, String reason) {
        String prefix = reason.startsWith("field definition") || reason.startsWith("conflicting") ? ""
                : "in table \"orders\": in remote relationship \"" + name + "\": ";
        junction.refused(create(name, remote, lhs, remoteField))
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: " + prefix + reason);
    }

    private static String create(String name, String remote, String lhs, String remoteField) {
        return "{\"type\": \"pg_create_remote_relationship\", \"args\": {\"table\": \"orders\", \"name\": \"" + name + "\","
                + " \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"" + remote + "\", \"lhs_fields\": " + lhs + ","
                + " \"remote_field\": " + remoteField + "}}}}";
    }
}
