package junction.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLUnionType;
import java.util.Map;
import junction.config.Env;
import junction.error.Code;
import junction.json.Json;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntrospectorTest {
    static GraphqlTestServer users;
    static GraphqlTestServer zoo;
    static GraphqlTestServer garbage;
    static RemoteClient client;
    static Introspector introspector;

    @BeforeAll
    static void start() {
        users = UserService.start();
        zoo = ZooService.start();
        garbage = UserService.start().override(r -> new GraphqlTestServer.Answer(200, "{\"data\": {\"nothing\": 1}}"));
        client = RemoteClient.create();
        introspector = new Introspector(client, Env.of(Map.of("USERS_URL", users.url(), "USERS_PORT",
                String.valueOf(users.port()), "API_KEY", "secret-key")));
    }

    @AfterAll
    static void stop() {
        users.close();
        zoo.close();
        garbage.close();
        client.close();
    }

    static JsonNode definition(String json) {
        return Json.parse(json);
    }

    @Test
    void introspectingKeepsTheRawAnswerAndBuildsTheSchemaWithDescriptions() {
        RemoteSchemaState state = introspector.introspect("users", definition("{\"url\": \"" + users.url() + "\"}"));
        RemoteSchemaState.Ready ready = state.ready().orElseThrow(() -> state.failure().orElseThrow());
        assertThat(ready.rawIntrospection().at("/data/__schema/queryType/name").asText()).isEqualTo("Query");
        GraphQLObjectType user = ready.customized().schema().getObjectType("User");
        assertThat(user.getDescription()).isEqualTo("A person known to the user service");
        assertThat(user.getFieldDefinition("name").getDescription()).isEqualTo("Display name");
        assertThat(ready.customized().queryRootFields()).extracting(GraphQLFieldDefinition::getName).containsExactly("user", "users");
        assertThat(ready.customized().mutationRootFields()).extracting(GraphQLFieldDefinition::getName).containsExactly("createUser");
        assertThat(ready.customized().types()).extracting(GraphQLNamedType::getName).containsExactlyInAnyOrder("User");
    }

    @Test
    void introspectionSendsTheAdminRoleAndTheConfiguredHeadersResolvedFromTheEnvironment() {
        introspector.introspect("users", definition("{\"url\": \"http://127.0.0.1:{{USERS_PORT}}/graphql\","
                + "\"headers\": [{\"name\": \"X-Api-Key\", \"value_from_env\": \"API_KEY\"}, {\"name\": \"X-From\", \"value\": \"junction\"}]}"));
        assertThat(users.lastHeaders()).containsEntry("x-api-key", "secret-key").containsEntry("x-from", "junction")
                .containsEntry("x-hasura-role", "admin").containsEntry("content-type", "application/json");
    }

    @Test
    void urlFromEnvIsRead() {
        RemoteSchemaState state = introspector.introspect("users", definition("{\"url_from_env\": \"USERS_URL\"}"));
        assertThat(state.ready()).isPresent();
    }

    @Test
    void interfacesUnionsEnumsScalarsInputsAndDeprecationsSurvive() {
        RemoteSchemaState state = introspector.introspect("zoo", definition("{\"url\": \"" + zoo.url() + "\"}"));
        var schema = state.ready().orElseThrow(() -> state.failure().orElseThrow()).customized().schema();
        assertThat(schema.getType("Animal")).isInstanceOf(GraphQLInterfaceType.class);
        assertThat(((GraphQLInterfaceType) schema.getType("Animal")).getDescription()).isEqualTo("Something alive in the zoo");
        assertThat(schema.getType("Pet")).isInstanceOf(GraphQLUnionType.class);
        assertThat(((GraphQLUnionType) schema.getType("Pet")).getTypes()).extracting(GraphQLNamedType::getName)
                .containsExactlyInAnyOrder("Dog", "Cat", "Bird");
        GraphQLEnumType sound = (GraphQLEnumType) schema.getType("Sound");
        assertThat(sound.getValue("MEOW").isDeprecated()).isTrue();
        assertThat(sound.getValue("MEOW").getDeprecationReason()).isEqualTo("cats are quiet");
        assertThat(schema.getObjectType("Dog").getFieldDefinition("barks").getDeprecationReason()).isEqualTo("use sound");
        assertThat(schema.getQueryType().getFieldDefinition("oldest").isDeprecated()).isTrue();
        assertThat(schema.getType("DateTime")).isInstanceOf(GraphQLScalarType.class);
        assertThat(((GraphQLScalarType) schema.getType("DateTime")).getDescription()).isEqualTo("An ISO-8601 instant");
        assertThat(schema.getType("AnimalFilter")).isNotNull();
    }

    @Test
    void anUnreachableRemoteFailsWithHasurasHttpError() {
        RemoteSchemaState state = introspector.introspect("gone", definition("{\"url\": \"http://127.0.0.1:1/graphql\"}"));
        assertThat(state.failure()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
            assertThat(e.getMessage()).isEqualTo("HTTP exception occurred while sending the request to http://127.0.0.1:1/graphql");
        });
    }

    @Test
    void anAnswerWithoutASchemaFails() {
        RemoteSchemaState state = introspector.introspect("garbage", definition("{\"url\": \"" + garbage.url() + "\"}"));
        assertThat(state.failure()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
            assertThat(e.getMessage()).isEqualTo("Error in $.data: key \"__schema\" not found");
        });
    }

    @Test
    void aMissingEnvironmentVariableFails() {
        assertThat(introspector.introspect("x", definition("{\"url_from_env\": \"NOPE_NOT_SET\"}")).failure())
                .hasValueSatisfying(e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_PARAMS);
                    assertThat(e.getMessage()).isEqualTo("environment variable 'NOPE_NOT_SET' not set");
                });
        assertThat(introspector.introspect("x", definition("{\"url\": \"http://{{NOPE_HOST}}:1/\"}")).failure())
                .hasValueSatisfying(e -> assertThat(e.getMessage()).isEqualTo("Value for environment variables not found: NOPE_HOST"));
        assertThat(introspector.introspect("x", definition("{\"url\": \"" + users.url() + "\", \"headers\": "
                + "[{\"name\": \"k\", \"value_from_env\": \"NOPE_KEY\"}]}")).failure())
                .hasValueSatisfying(e -> {
                    assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("environment variable 'NOPE_KEY' not set");
                });
    }
}
