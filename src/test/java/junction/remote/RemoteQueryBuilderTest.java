package junction.remote;

import static junction.remote.Forwarding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import junction.config.Env;
import junction.error.ApiException;
import junction.error.Code;
import junction.test.remote.ErrorService;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forwarding client selections to real remotes and mapping the answers back, with and without customization. */
class RemoteQueryBuilderTest {
    static GraphqlTestServer users;
    static GraphqlTestServer zoo;
    static GraphqlTestServer errors;
    static RemoteClient client;
    static Introspector introspector;
    static Forwarding plainUsers;
    static Forwarding customUsers;
    static Forwarding plainZoo;
    static Forwarding customZoo;
    static Forwarding failing;

    @BeforeAll
    static void start() {
        users = UserService.start();
        zoo = ZooService.start();
        errors = ErrorService.start();
        client = RemoteClient.create();
        introspector = new Introspector(client, Env.of(Map.of()));
        plainUsers = forwarding("users", "{\"url\": \"" + users.url() + "\"}");
        customUsers = forwarding("users", "{\"url\": \"" + users.url() + "\", \"customization\": {"
                + "\"root_fields_namespace\": \"usersApi\","
                + "\"type_names\": {\"prefix\": \"U_\", \"mapping\": {\"User\": \"Person\"}},"
                + "\"field_names\": [{\"parent_type\": \"User\", \"mapping\": {\"name\": \"fullName\"}},"
                + "                  {\"parent_type\": \"Query\", \"prefix\": \"get_\"}]}}");
        plainZoo = forwarding("zoo", "{\"url\": \"" + zoo.url() + "\"}");
        customZoo = forwarding("zoo", "{\"url\": \"" + zoo.url() + "\", \"customization\": {"
                + "\"type_names\": {\"prefix\": \"Z_\"},"
                + "\"field_names\": [{\"parent_type\": \"Animal\", \"mapping\": {\"name\": \"title\"}},"
                + "                  {\"parent_type\": \"Dog\", \"mapping\": {\"name\": \"title\", \"breed\": \"kind\"}},"
                + "                  {\"parent_type\": \"Cat\", \"mapping\": {\"name\": \"title\"}}]}}");
        failing = forwarding("errors", "{\"url\": \"" + errors.url() + "\"}");
    }

    static Forwarding forwarding(String name, String definition) {
        return new Forwarding(name, introspector.introspect(name, json(definition)), client);
    }

    @AfterAll
    static void stop() {
        users.close();
        zoo.close();
        errors.close();
        client.close();
    }

    @Test
    void aPlainSelectionIsSentAsWrittenWithAliasesAndVariables() {
        var result = plainUsers.run("query Q($id: Int!) { u: user(id: $id) { id name } users(ids: [1, 2]) { email } }",
                "{\"id\": 3, \"elsewhere\": \"x\"}");
        assertThat(result).isEqualTo(json("{\"data\": {\"u\": {\"id\": 3, \"name\": \"user3\"},"
                + "\"users\": [{\"email\": \"user1@example.com\"}, {\"email\": \"user2@example.com\"}]}}"));
        assertThat(plainUsers.sentQuery()).isEqualTo("query ($id:Int!){u:user(id:$id){id name}users(ids:[1,2]){email}}");
        assertThat(users.lastRequest().body().get("variables")).isEqualTo(json("{\"id\": 3}"));
    }

    @Test
    void customizedNamesAreTranslatedBothWaysUnderTheNamespace() {
        var result = customUsers.run("""
                query($id: Int!) {
                  usersApi {
                    __typename
                    one: get_user(id: $id) { __typename id fullName email }
                    get_users(ids: [1, 2]) { ...P }
                  }
                }
                fragment P on Person { fullName kind: __typename }
                """, "{\"id\": 2}");
        assertThat(result).isEqualTo(json("""
                {"data": {"usersApi": {"__typename": "usersApiQuery",
                  "one": {"__typename": "Person", "id": 2, "fullName": "user2", "email": "user2@example.com"},
                  "get_users": [{"fullName": "user1", "kind": "Person"}, {"fullName": "user2", "kind": "Person"}]}}}
                """));
        assertThat(customUsers.sentQuery()).isEqualTo("query ($id:Int!){__typename one:user(id:$id){__typename id fullName:name email}"
                + "get_users:users(ids:[1,2]){...P}} fragment P on User {fullName:name kind:__typename}");
    }

    @Test
    void eachNamespaceResponseKeyIsOneRequest() {
        var result = customUsers.run("{ a: usersApi { get_user(id: 1) { id } } b: usersApi { get_user(id: 2) { id } } }", null);
        assertThat(result).isEqualTo(json("{\"data\": {\"a\": {\"get_user\": {\"id\": 1}}, \"b\": {\"get_user\": {\"id\": 2}}}}"));
        assertThat(customUsers.lastQueries).hasSize(2);
    }

    @Test
    void mutationsAreForwardedUnderTheNamespace() {
        var result = customUsers.run("mutation { usersApi { createUser(name: \"zoe\") { fullName __typename } } }", null);
        assertThat(result.at("/data/usersApi/createUser")).isEqualTo(json("{\"fullName\": \"zoe\", \"__typename\": \"Person\"}"));
        assertThat(customUsers.sentQuery()).isEqualTo("mutation{createUser(name:\"zoe\"){fullName:name __typename}}");
    }

    @Test
    void inlineFragmentsOnInterfacesAndUnionsKeepWorking() {
        var result = plainZoo.run("""
                { animals { __typename name ... on Dog { breed } ... on Cat { lives } }
                  pets { __typename ...DogBits ... on Bird { wingspan } } }
                fragment DogBits on Dog { id }
                """, null);
        assertThat(result).isEqualTo(json("""
                {"data": {"animals": [{"__typename": "Dog", "name": "Rex", "breed": "collie"},
                                      {"__typename": "Cat", "name": "Tom", "lives": 9}],
                          "pets": [{"__typename": "Dog", "id": "d1"}, {"__typename": "Cat"},
                                   {"__typename": "Bird", "wingspan": 0.3}]}}
                """));
    }

    @Test
    void customizedInterfacesUnionsInputsAndScalarsAreTranslated() {
        var result = customZoo.run("""
                query($f: Z_AnimalFilter, $v: Z_JSON) {
                  animals(filter: $f) { __typename title ... on Z_Dog { kind } ... on Z_Cat { lives } }
                  pets { t: __typename ...DogBits ... on Z_Bird { wingspan } }
                  echo(value: $v)
                  now
                }
                fragment DogBits on Z_Dog { id title }
                """, "{\"f\": {\"sound\": \"WOOF\"}, \"v\": {\"any\": [1, \"two\"]}}");
        assertThat(result).isEqualTo(json("""
                {"data": {"animals": [{"__typename": "Z_Dog", "title": "Rex", "kind": "collie"}],
                          "pets": [{"t": "Z_Dog", "id": "d1", "title": "Rex"}, {"t": "Z_Cat"}, {"t": "Z_Bird", "wingspan": 0.3}],
                          "echo": {"any": [1, "two"]},
                          "now": "2024-01-02T03:04:05Z"}}
                """));
        assertThat(customZoo.sentQuery()).isEqualTo("query ($f:AnimalFilter,$v:JSON){animals(filter:$f){__typename title:name "
                + "...on Dog{kind:breed}...on Cat{lives}}pets{t:__typename ...DogBits ...on Bird{wingspan}}echo(value:$v) now} "
                + "fragment DogBits on Dog {id title:name}");
    }

    @Test
    void literalsOfCustomScalarsAndEnumsPassThrough() {
        var result = customZoo.run("{ animals(filter: {sound: MEOW, bornAfter: \"2020-01-01\"}) { title } }", null);
        assertThat(result).isEqualTo(json("{\"data\": {\"animals\": [{\"title\": \"Tom\"}]}}"));
    }

    @Test
    void remoteErrorsComeBackWithTheDataTheRemoteGave() {
        var result = failing.run("{ ok fail }", null);
        assertThat(result.get("data")).isEqualTo(json("{\"ok\": \"fine\", \"fail\": null}"));
        assertThat(result.at("/errors/0/message").asText()).endsWith("the remote failed on purpose");
        assertThat(result.at("/errors/0/path")).isEqualTo(json("[\"fail\"]"));
    }

    @Test
    void aRemoteWithoutDataAnswersNullData() {
        var result = failing.run("{ required }", null);
        assertThat(result.get("data").isNull()).isTrue();
        assertThat(result.get("errors")).hasSize(1);
    }

    @Test
    void dataAndErrorsForNestedFields() {
        var result = failing.run("{ item { id broken } }", null);
        assertThat(result.get("data")).isEqualTo(json("{\"item\": {\"id\": 1, \"broken\": null}}"));
        assertThat(result.at("/errors/0/path")).isEqualTo(json("[\"item\", \"broken\"]"));
    }

    @Test
    void malformedAnswersAreRemoteSchemaErrors() {
        RemoteQuery query = plainUsers.lastQueries.isEmpty()
                ? new RemoteQueryBuilder().build("users", plainUsers.remote.customized(), graphql.language.OperationDefinition.Operation.QUERY,
                        java.util.List.of(), Map.of(), java.util.List.of()).getFirst()
                : plainUsers.lastQueries.getFirst();
        RemoteResultMapper mapper = new RemoteResultMapper();
        assertThatThrownBy(() -> mapper.map(query, json("{\"nothing\": 1}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
                    assertThat(e.getMessage()).isEqualTo("Missing \"data\" field in response from remote");
                });
        assertThatThrownBy(() -> mapper.map(query, json("{\"errors\": {\"message\": \"x\"}}")))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("Invalid \"errors\" field in response from remote"));
    }

    @Test
    void aSelectionUnderARemoteJoinIsTranslatedAndItsTypenamesMappedBack() {
        graphql.language.Document document = graphql.parser.Parser.parse(
                "{ x { fullName kind: __typename ...F } } fragment F on Person { email }");
        var field = (graphql.language.Field) document.getDefinitionsOfType(graphql.language.OperationDefinition.class)
                .getFirst().getSelectionSet().getSelections().getFirst();
        var fragments = Map.of("F", document.getDefinitionsOfType(graphql.language.FragmentDefinition.class).getFirst());
        RemoteSelection selection = new RemoteQueryBuilder().translate(customUsers.remote.customized(), "Person",
                field.getSelectionSet().getSelections(), fragments);
        String body = graphql.language.AstPrinter.printAstCompact(graphql.language.SelectionSet.newSelectionSet(selection.selections()).build());
        assertThat(body).isEqualTo("{fullName:name kind:__typename ...F}");
        assertThat(graphql.language.AstPrinter.printAstCompact(selection.fragments().getFirst())).isEqualTo("fragment F on User {email}");
        String query = "{r0:user(id:1)" + body + " r1:user(id:2)" + body + "} fragment F on User {email}";
        var answer = client.send(customUsers.remote.endpoint(), RemoteCall.of(query), Map.of(), Map.of()).body().get("data");
        new RemoteResultMapper().customizeTypenames(answer.get("r0"), selection.shape(), customUsers.remote.customized().names());
        new RemoteResultMapper().customizeTypenames(answer.get("r1"), selection.shape(), customUsers.remote.customized().names());
        assertThat(answer).isEqualTo(json("{\"r0\": {\"fullName\": \"user1\", \"kind\": \"Person\", \"email\": \"user1@example.com\"},"
                + "\"r1\": {\"fullName\": \"user2\", \"kind\": \"Person\", \"email\": \"user2@example.com\"}}"));
    }
}
