package junction.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import junction.json.Json;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A role's SDL must be a subset of the remote schema's original schema: one test per reason, each
 * refused with Hasura's {@code invalid-role-based-remote-schema} and wording, metadata unchanged.
 */
class RoleSchemaValidationTest {
    static final String BASE = "scalar DateTime type Query { now: DateTime } ";
    static GraphqlTestServer users;
    static GraphqlTestServer zoo;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        users = UserService.start();
        zoo = ZooService.start();
        engine = EngineFixture.start("role_schema_validation", c -> c.toBuilder().remoteSchemaPermissions(true).build());
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.addRemote("users", users));
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.addRemote("zoo", zoo));
    }

    @AfterAll
    static void stop() {
        engine.close();
        users.close();
        zoo.close();
    }

    static ApiError refused(String remote, String sdl, String reason) {
        return engine.refused(RemoteSchemaPermissionCommandsTest.add(remote, "user", sdl)).expect(400,
                "invalid-role-based-remote-schema", "$.args", "validation for the given role-based schema failed because " + reason);
    }

    @Test
    void aTypeTheRemoteDoesNotHave() {
        refused("zoo", BASE + "type Fish { id: ID! }", "\"Object\": \"Fish\" does not exist in the upstream remote schema");
    }

    @Test
    void aTypeOfAnotherKindThanTheRemotes() {
        refused("zoo", BASE + "input Dog { id: ID! }", "\"Input object\": \"Dog\" does not exist in the upstream remote schema");
    }

    @Test
    void aFieldTheRemoteTypeDoesNotHave() {
        refused("zoo", BASE + "type Dog { id: ID! color: String }", "field \"color\" does not exist in the \"Object\": \"Dog\"");
    }

    @Test
    void aFieldOfAnotherType() {
        refused("zoo", BASE + "type Dog { id: ID }", "expected type of \"id\"(\"Object field\") to be ID! but received ID");
    }

    @Test
    void aFieldWithoutANonNullArgumentOfTheRemote() {
        refused("zoo", "type Query { animal: Animal } interface Animal { id: ID! }",
                "field: \"animal\" expects the following non nullable arguments to be present: \"id\"");
    }

    @Test
    void anArgumentOfAnotherType() {
        refused("zoo", "type Query { animal(id: String!): Animal } interface Animal { id: ID! }",
                "expected type of \"id\"(\"Input object argument\") to be ID! but received String!");
    }

    @Test
    void anArgumentTheRemoteFieldDoesNotHave() {
        refused("zoo", "scalar DateTime type Query { now(zone: String): DateTime }",
                "input argument \"zone\" does not exist in the input object:\"now\"");
    }

    @Test
    void anEnumValueTheRemoteEnumDoesNotHave() {
        refused("zoo", BASE + "enum Sound { WOOF MOO }",
                "enum \"Sound\" contains the following enum values that do not exist in the corresponding upstream remote "
                        + "enum: \"MOO\"");
    }

    @Test
    void aUnionMemberTheRemoteUnionDoesNotHave() {
        refused("zoo", BASE + "union Pet = Dog | Fish type Dog { id: ID! }",
                "union \"Pet\" contains members which do not exist in the members of the remote schema union :\"Fish\"");
    }

    @Test
    void anInterfaceTheRemoteTypeDoesNotImplement() {
        refused("zoo", BASE + "interface Animal { id: ID! } type Bird implements Animal { id: ID! }",
                "custom interfaces are not supported. Object\"Bird\" implements the following custom interfaces: \"Animal\"");
    }

    @Test
    void anInputFieldOfAnotherType() {
        refused("zoo", BASE + "input AnimalFilter { nameLike: Int }",
                "expected type of \"nameLike\"(\"Input object argument\") to be String but received Int");
    }

    @Test
    void anInputFieldTheRemoteInputDoesNotHave() {
        refused("zoo", BASE + "input AnimalFilter { legs: Int }",
                "input argument \"legs\" does not exist in the input object:\"AnimalFilter\"");
    }

    @Test
    void aScalarTheRemoteDoesNotHave() {
        refused("zoo", BASE + "scalar Money", "\"Scalar\": \"Money\" does not exist in the upstream remote schema");
    }

    @Test
    void aPresetValueThatDoesNotFitTheArgument() {
        refused("users", "type User { id: Int! } type Query { user(id: Int! @preset(value: {id: 1})): User }",
                "expected preset value \"{id:1}\" of type \"Int\" to be a scalar value");
    }

    @Test
    void aPresetEnumValueTheEnumDoesNotHave() {
        refused("zoo", BASE + "enum Sound { WOOF } input AnimalFilter { sound: Sound @preset(value: MOO) }",
                "\"MOO\" not found in the enum: \"Sound\"");
    }

    @Test
    void aPresetOnAnArgumentTheRemoteFieldDoesNotHave() {
        refused("users", "type User { id: Int! } type Query { user(id: Int!, limit: Int @preset(value: 3)): User }",
                "input argument \"limit\" does not exist in the input object:\"user\"");
    }

    @Test
    void aSessionPresetOnAList() {
        refused("users", "type User { id: Int! } type Query { users(ids: [Int!] @preset(value: \"x-hasura-user-id\")): [User] }",
                "illegal preset value at \"ids\". Session arguments can only be set for singleton values");
    }

    @Test
    void aPresetOnAFieldInsteadOfAnArgument() {
        refused("users", "type User { id: Int! @preset(value: 1) } type Query { user(id: Int!): User }",
                "Preset directives can be defined only on INPUT_FIELD_DEFINITION or ARGUMENT_DEFINITION");
    }

    @Test
    void aPresetWithoutValue() {
        refused("users", "type User { id: Int! } type Query { user(id: Int! @preset(static: true)): User }",
                "preset argument \"value\" not found at \"id\"");
    }

    @Test
    void aRootTypeThatIsNotTheRemotesRoot() {
        refused("zoo", "schema { query: Dog } type Dog { id: ID! }",
                "query root \"Dog\" is not the query root of the upstream remote schema: \"Query\"");
    }

    @Test
    void noQueryRoot() {
        refused("zoo", "type Dog { id: ID! }", "query root does not exist in the schema definition");
    }

    @Test
    void duplicateTypes() {
        refused("zoo", BASE + "type Dog { id: ID! } type Dog { name: String! }", "duplicate type names found: \"Dog\"");
    }

    @Test
    void severalReasonsAreListedTogether() {
        ApiError error = engine.refused(RemoteSchemaPermissionCommandsTest.add("zoo", "user",
                BASE + "type Dog { id: ID created: String } scalar Money"));
        assertThat(error.code()).isEqualTo("invalid-role-based-remote-schema");
        assertThat(error.error()).isEqualTo("validation for the given role-based schema failed for the following reasons:\n"
                + " • expected type of \"id\"(\"Object field\") to be ID! but received ID\n"
                + " • field \"created\" does not exist in the \"Object\": \"Dog\"\n"
                + " • \"Scalar\": \"Money\" does not exist in the upstream remote schema\n");
    }

    @Test
    void anSdlThatDoesNotParseIsParseFailed() {
        assertThat(engine.refused(RemoteSchemaPermissionCommandsTest.add("zoo", "user", "type Query {")).code())
                .isEqualTo("parse-failed");
    }

    @Test
    void aValidSubsetIsAccepted() {
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.add("zoo", "validator",
                "scalar DateTime enum Sound { WOOF } input AnimalFilter { sound: Sound @preset(value: WOOF) nameLike: String } "
                        + "interface Animal { id: ID! name: String! } type Dog implements Animal { id: ID! name: String! } "
                        + "union Pet = Dog type Query { animals(filter: AnimalFilter): [Animal!]! pets: [Pet!]! now: DateTime }"));
        assertThat(Json.write(engine.export())).contains("validator");
    }
}
