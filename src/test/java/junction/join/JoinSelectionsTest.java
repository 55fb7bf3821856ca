package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 3: the relationship field sits on the table's type with the arguments the join
 * leaves open (input objects fixed in part as narrowed types); the client may pass those, as
 * literals or variables; the selection under it may use aliases, fragments, variables,
 * {@code __typename}, interfaces, unions and enums; a customized remote still joins.
 */
class JoinSelectionsTest {
    private static EngineFixture junction;
    private static GraphqlTestServer messages;
    private static GraphqlTestServer zoo;
    private static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        messages = MessageService.start();
        zoo = ZooService.start();
        users = UserService.start(3);
        junction = EngineFixture.start("join_selections");
        junction.runSqlOk("""
                create table people (id int primary key, name text not null, animal_id text);
                insert into people values (1, 'ann', 'd1'), (2, 'ben', 'c1'), (3, 'cy', null);
                """);
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"people\"}}");
        Joins.addRemoteSchema(junction, "messages", messages, null);
        Joins.addRemoteSchema(junction, "zoo", zoo, null);
        Joins.addRemoteSchema(junction, "users", users, """
                {"root_fields_namespace": "usersApi", "type_names": {"prefix": "U_"},
                 "field_names": [{"parent_type": "User", "mapping": {"name": "fullName"}},
                                 {"parent_type": "Query", "mapping": {"user": "person"}}]}
                """);
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "chats",
                    "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["id"],
                      "remote_field": {"messages": {"arguments": {"where": {"author_id": {"_eq": "$id"}, "kind": "chat"}}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "animal",
                    "definition": {"to_remote_schema": {"remote_schema": "zoo", "lhs_fields": ["animal_id"],
                      "remote_field": {"animal": {"arguments": {"id": "$animal_id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "pets",
                    "definition": {"to_remote_schema": {"remote_schema": "zoo", "lhs_fields": ["id"],
                      "remote_field": {"pets": {"arguments": {}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "animals_named",
                    "definition": {"to_remote_schema": {"remote_schema": "zoo", "lhs_fields": ["name"],
                      "remote_field": {"animals": {"arguments": {"filter": {"nameLike": "$name"}}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "clock",
                    "definition": {"to_remote_schema": {"remote_schema": "zoo", "lhs_fields": ["id"], "remote_field": {"now": {}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "owner",
                    "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["id"],
                      "remote_field": {"user": {"arguments": {"id": "$id"}}}}}}}
                ]}
                """);
    }

    @AfterAll
    static void stop() {
        junction.close();
        messages.close();
        zoo.close();
        users.close();
    }

    @BeforeEach
    void reset() {
        messages.reset();
        zoo.reset();
        users.reset();
    }

    @Test
    void theFieldIsOnTheTableTypeWithTheArgumentsTheJoinLeavesOpenAndNarrowedInputTypes() {
        assertThat(Joins.fieldType(junction, "people", "chats")).isEqualTo("[Message!]!");
        assertThat(Joins.arguments(junction, "people", "chats"))
                .containsExactly("limit: Int", "where: MessageFilter_remote_rel_peoplechats");
        assertThat(Joins.inputFields(junction, "MessageFilter_remote_rel_peoplechats"))
                .containsExactly("author_id: IntCompare_remote_rel_peoplechats", "ids: [Int!]");
        assertThat(Joins.inputFields(junction, "IntCompare_remote_rel_peoplechats")).containsExactly("_in: [Int!]");
        assertThat(Joins.arguments(junction, "people", "animal")).isEmpty();
        assertThat(Joins.fieldType(junction, "people", "animal")).isEqualTo("Animal");
        assertThat(Joins.fieldType(junction, "people", "pets")).isEqualTo("[Pet!]!");
        assertThat(Joins.arguments(junction, "people", "animals_named"))
                .containsExactly("filter: AnimalFilter_remote_rel_peopleanimals_named");
        assertThat(Joins.inputFields(junction, "AnimalFilter_remote_rel_peopleanimals_named"))
                .containsExactly("bornAfter: DateTime", "sound: Sound");
        assertThat(Joins.fieldType(junction, "people", "owner")).as("the remote's customized type").isEqualTo("U_User");
    }

    @Test
    void theFieldIsOnlyOnTheTableTypeNotInFiltersOrderingOrInserts() {
        for (String type : List.of("people_bool_exp", "people_order_by", "people_insert_input", "people_set_input")) {
            assertThat(Joins.inputFields(junction, type)).as(type).isNotEmpty()
                    .noneMatch(f -> f.startsWith("chats:") || f.startsWith("owner:"));
        }
    }

    @Test
    void anOpenArgumentTheTemplateDoesNotTouchIsSentAsWritten() {
        JsonNode answer = junction.gql("{ people_by_pk(id: 2) { chats(limit: 1) { id } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"chats\":[{\"id\":2}]}}}");
        assertThat(messages.lastRequest().query()).isEqualTo(
                "{r0_0:messages(where:{author_id:{_eq:2},kind:\"chat\"},limit:1){id}}");
    }

    @Test
    void aLiteralForAPartlyFixedArgumentIsMergedIntoTheTemplate() {
        JsonNode answer = junction.gql("{ people_by_pk(id: 2) { chats(where: {ids: [12], author_id: {_in: [2, 3]}}) { id } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"chats\":[{\"id\":12}]}}}");
        assertThat(messages.lastRequest().query()).isEqualTo(
                "{r0_0:messages(where:{author_id:{_eq:2,_in:[2,3]},kind:\"chat\",ids:[12]}){id}}");
    }

    @Test
    void variablesForOpenArgumentsAreMergedOrDeclaredForTheRemote() {
        JsonNode answer = junction.gql("query Q($w: MessageFilter_remote_rel_peoplechats, $n: Int) {"
                + " people_by_pk(id: 2) { chats(where: $w, limit: $n) { id } } }", "{\"w\": {\"ids\": [2, 12]}, \"n\": 1}", "Q");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"chats\":[{\"id\":2}]}}}");
        GraphqlTestServer.Received sent = messages.lastRequest();
        assertThat(sent.query()).isEqualTo(
                "query ($n:Int){r0_0:messages(where:{author_id:{_eq:2},kind:\"chat\",ids:[2,12]},limit:$n){id}}");
        assertThat(sent.body().get("variables").toString()).isEqualTo("{\"n\":1}");

        JsonNode other = junction.gql("query Q($w: MessageFilter_remote_rel_peoplechats, $n: Int) {"
                + " people_by_pk(id: 2) { chats(where: $w, limit: $n) { id } } }", "{\"w\": {\"ids\": [12]}, \"n\": 5}", "Q");
        assertThat(other.toString()).as("the same query with other values is planned for them")
                .isEqualTo("{\"data\":{\"people_by_pk\":{\"chats\":[{\"id\":12}]}}}");
    }

    @Test
    void aVariableInsideAMergedLiteralIsDeclaredForTheRemote() {
        JsonNode answer = junction.gql("query Q($ids: [Int!]) { people_by_pk(id: 2) { chats(where: {ids: $ids}) { id } } }",
                "{\"ids\": [12]}", null);

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"chats\":[{\"id\":12}]}}}");
        assertThat(messages.lastRequest().query()).isEqualTo(
                "query ($ids:[Int!]){r0_0:messages(where:{author_id:{_eq:2},kind:\"chat\",ids:$ids}){id}}");
    }

    @Test
    void aliasesNamedAndInlineFragmentsAndTypenameInsideTheSelection() {
        JsonNode answer = junction.gql("{ people_by_pk(id: 2) { c: chats { ident: id ...M ... on Message { kind } __typename } name } }"
                + " fragment M on Message { text }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"c\":["
                + "{\"ident\":2,\"text\":\"m2\",\"kind\":\"chat\",\"__typename\":\"Message\"},"
                + "{\"ident\":12,\"text\":\"m12\",\"kind\":\"chat\",\"__typename\":\"Message\"}],\"name\":\"ben\"}}}");
        assertThat(messages.lastRequest().query()).endsWith("fragment M on Message {text}");
    }

    @Test
    void interfacesAndUnionsAnswerWithTheirTypenames() {
        JsonNode answer = junction.gql("{ people(order_by: {id: asc}) { id"
                + " animal { __typename id name sound ... on Dog { breed } ... on Cat { lives } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people\":["
                + "{\"id\":1,\"animal\":{\"__typename\":\"Dog\",\"id\":\"d1\",\"name\":\"Rex\",\"sound\":\"WOOF\",\"breed\":\"collie\"}},"
                + "{\"id\":2,\"animal\":{\"__typename\":\"Cat\",\"id\":\"c1\",\"name\":\"Tom\",\"sound\":\"MEOW\",\"lives\":9}},"
                + "{\"id\":3,\"animal\":null}]}}");
        assertThat(zoo.requestCount()).isEqualTo(1);

        JsonNode pets = junction.gql("{ people_by_pk(id: 1) { pets { __typename ... on Dog { name } ... on Bird { wingspan } } } }");
        assertThat(pets.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"pets\":["
                + "{\"__typename\":\"Dog\",\"name\":\"Rex\"},{\"__typename\":\"Cat\"},{\"__typename\":\"Bird\",\"wingspan\":0.3}]}}}");
    }

    @Test
    void enumValuesAsLiteralsAndAsVariablesReachTheRemoteAsEnums() {
        JsonNode literal = junction.gql("{ people_by_pk(id: 1) { animals_named(filter: {sound: MEOW}) { name } } }");
        assertThat(literal.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"animals_named\":[{\"name\":\"Tom\"}]}}}");
        assertThat(zoo.lastRequest().query()).contains("animals(filter:{nameLike:\"ann\",sound:MEOW})");

        JsonNode merged = junction.gql("query ($f: AnimalFilter_remote_rel_peopleanimals_named) {"
                + " people_by_pk(id: 1) { animals_named(filter: $f) { name } } }", "{\"f\": {\"sound\": \"WOOF\"}}", null);
        assertThat(merged.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"animals_named\":[{\"name\":\"Rex\"}]}}}");
        assertThat(zoo.lastRequest().query()).contains("animals(filter:{nameLike:\"ann\",sound:WOOF})");

        JsonNode declared = junction.gql("query ($s: Sound) { people_by_pk(id: 1) { animals_named(filter: {sound: $s}) { name } } }",
                "{\"s\": \"MEOW\"}", null);
        assertThat(declared.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"animals_named\":[{\"name\":\"Tom\"}]}}}");
        assertThat(zoo.lastRequest().query()).startsWith("query ($s:Sound){");
        assertThat(zoo.lastRequest().body().get("variables").toString()).isEqualTo("{\"s\":\"MEOW\"}");
    }

    @Test
    void aCustomizedRemoteJoinsUnderItsClientNamesAndTypenames() {
        JsonNode answer = junction.gql("{ people(order_by: {id: asc}, limit: 2) { owner { __typename id fullName ...E"
                + " ... on U_User { who: fullName } } } } fragment E on U_User { email }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people\":["
                + "{\"owner\":{\"__typename\":\"U_User\",\"id\":1,\"fullName\":\"user1\",\"email\":\"user1@example.com\",\"who\":\"user1\"}},"
                + "{\"owner\":{\"__typename\":\"U_User\",\"id\":2,\"fullName\":\"user2\",\"email\":\"user2@example.com\",\"who\":\"user2\"}}]}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(users.lastRequest().query()).isEqualTo("{r0_0:user(id:1){__typename id fullName:name ...E"
                + " ...on User{who:name}}r0_1:user(id:2){__typename id fullName:name ...E ...on User{who:name}}}"
                + " fragment E on User {email}");
    }

    @Test
    void directivesMergedFieldsAndFragmentsOnTheTableType() {
        JsonNode answer = junction.gql("query ($yes: Boolean!, $no: Boolean!) { people_by_pk(id: 2) { ...P"
                + " chats { text @skip(if: $no) } owner @include(if: $no) { id } } } fragment P on people { chats @include(if: $yes) { id } }",
                "{\"yes\": true, \"no\": false}", null);

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"chats\":[{\"id\":2,\"text\":\"m2\"},"
                + "{\"id\":12,\"text\":\"m12\"}]}}}");
        assertThat(users.requestCount()).as("a skipped relationship is not asked for").isZero();
        assertThat(messages.lastRequest().query()).startsWith("query ($no:Boolean!){");
        assertThat(messages.lastRequest().body().get("variables").toString()).isEqualTo("{\"no\":false}");
    }

    @Test
    void aRelationshipToAScalarFieldAnswersTheScalar() {
        JsonNode answer = junction.gql("{ people(order_by: {id: asc}, limit: 2) { clock at: clock } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people\":[{\"clock\":\"2024-01-02T03:04:05Z\",\"at\":\"2024-01-02T03:04:05Z\"},"
                + "{\"clock\":\"2024-01-02T03:04:05Z\",\"at\":\"2024-01-02T03:04:05Z\"}]}}");
        assertThat(Joins.fieldType(junction, "people", "clock")).isEqualTo("DateTime");
        assertThat(zoo.requestCount()).isEqualTo(1);
    }

    @Test
    void responseKeysFollowTheSelectionAndHiddenJoinColumnsNeverShow() {
        JsonNode answer = junction.gql("{ people_by_pk(id: 2) { chats { id } name __typename owner { id } id } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"chats\":[{\"id\":2},{\"id\":12}],"
                + "\"name\":\"ben\",\"__typename\":\"people\",\"owner\":{\"id\":2},\"id\":2}}}");
    }
}
