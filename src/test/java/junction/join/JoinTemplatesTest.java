package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 2: join templates fill arguments from columns and static values at any depth of
 * nested input objects and lists; {@code remote_field} may be a path of several fields; the
 * relationship's type is the last field's type, list or object, nullable as the remote says.
 */
class JoinTemplatesTest {
    private static EngineFixture junction;
    private static GraphqlTestServer messages;

    @BeforeAll
    static void start() {
        messages = MessageService.start();
        junction = EngineFixture.start("join_templates");
        junction.runSqlOk("""
                create table people (id int primary key, name text not null, size int, kind text);
                insert into people values (1, 'ann', 64, 'chat'), (2, 'ben', 32, 'mail'), (3, 'cy', null, 'chat'),
                  (4, 'di', 64, null), (9, 'zed', 16, 'mail');
                """);
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"people\"}}");
        Joins.addRemoteSchema(junction, "messages", messages, null);
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "chats",
                    "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["id"],
                      "remote_field": {"messages": {"arguments": {"where": {"author_id": {"_eq": "$id"}, "kind": "chat"}}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "inbox",
                    "hasura_fields": ["id", "kind"], "remote_schema": "messages",
                    "remote_field": {"messages": {"arguments": {"where": {"author_id": {"_in": ["$id"]}, "kind": "$kind"}, "limit": 2}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "avatar",
                    "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["id", "size"],
                      "remote_field": {"user": {"arguments": {"id": "$id"}, "field": {"profile": {"arguments": {"size": "$size"},
                        "field": {"avatar": {"arguments": {"format": "webp"}}}}}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "accounts",
                    "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["id"],
                      "remote_field": {"usersByIds": {"arguments": {"ids": "$id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "strict",
                    "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["id"],
                      "remote_field": {"userStrict": {"arguments": {"id": "$id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "people", "name": "picked",
                    "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["id"],
                      "remote_field": {"messages": {"arguments": {"where": {"ids": ["$id"]}}}}}}}}
                ]}
                """);
    }

    @AfterAll
    static void stop() {
        junction.close();
        messages.close();
    }

    @BeforeEach
    void reset() {
        messages.reset();
    }

    @Test
    void aColumnAndAStaticValueFillANestedInputObjectInOneBatchedRequest() {
        JsonNode answer = junction.gql("{ people(order_by: {id: asc}) { id chats { id kind text } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people\":["
                + "{\"id\":1,\"chats\":[{\"id\":6,\"kind\":\"chat\",\"text\":\"m6\"}]},"
                + "{\"id\":2,\"chats\":[{\"id\":2,\"kind\":\"chat\",\"text\":\"m2\"},{\"id\":12,\"kind\":\"chat\",\"text\":\"m12\"}]},"
                + "{\"id\":3,\"chats\":[{\"id\":8,\"kind\":\"chat\",\"text\":\"m8\"}]},"
                + "{\"id\":4,\"chats\":[{\"id\":4,\"kind\":\"chat\",\"text\":\"m4\"}]},"
                + "{\"id\":9,\"chats\":[]}]}}");
        assertThat(messages.requestCount()).isEqualTo(1);
        assertThat(messages.lastRequest().query()).isEqualTo("{"
                + "r0_0:messages(where:{author_id:{_eq:1},kind:\"chat\"}){id kind text}"
                + "r0_1:messages(where:{author_id:{_eq:2},kind:\"chat\"}){id kind text}"
                + "r0_2:messages(where:{author_id:{_eq:3},kind:\"chat\"}){id kind text}"
                + "r0_3:messages(where:{author_id:{_eq:4},kind:\"chat\"}){id kind text}"
                + "r0_4:messages(where:{author_id:{_eq:9},kind:\"chat\"}){id kind text}}");
    }

    @Test
    void twoColumnsFillAListInsideANestedObjectAndARowWithANullJoinColumnIsNotSent() {
        JsonNode answer = junction.gql("{ people(order_by: {id: asc}) { id inbox { id } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people\":["
                + "{\"id\":1,\"inbox\":[{\"id\":6}]},{\"id\":2,\"inbox\":[{\"id\":7}]},{\"id\":3,\"inbox\":[{\"id\":8}]},"
                + "{\"id\":4,\"inbox\":null},{\"id\":9,\"inbox\":[]}]}}");
        assertThat(messages.requestCount()).isEqualTo(1);
        String sent = messages.lastRequest().query();
        assertThat(sent).contains("r0_0:messages(where:{author_id:{_in:[1]},kind:\"chat\"},limit:2){id}");
        assertThat(Joins.aliases(sent)).as("di's kind is null: nothing sent for her").isEqualTo(4);
    }

    @Test
    void aColumnInsideAOneElementListIsFilled() {
        JsonNode answer = junction.gql("{ people(where: {id: {_in: [2, 3]}}, order_by: {id: asc}) { picked { text } } }");

        assertThat(answer.toString()).isEqualTo(
                "{\"data\":{\"people\":[{\"picked\":[{\"text\":\"m2\"}]},{\"picked\":[{\"text\":\"m3\"}]}]}}");
        assertThat(messages.lastRequest().query()).isEqualTo(
                "{r0_0:messages(where:{ids:[2]}){text}r0_1:messages(where:{ids:[3]}){text}}");
    }

    @Test
    void aPathOfThreeFieldsIsFollowedAndItsLastFieldIsTheValue() {
        JsonNode answer = junction.gql("{ people(order_by: {id: asc}) { id avatar { url size } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people\":["
                + "{\"id\":1,\"avatar\":{\"url\":\"https://img/@user1/64.webp\",\"size\":64}},"
                + "{\"id\":2,\"avatar\":{\"url\":\"https://img/@user2/32.webp\",\"size\":32}},"
                + "{\"id\":3,\"avatar\":null},"
                + "{\"id\":4,\"avatar\":{\"url\":\"https://img/@user4/64.webp\",\"size\":64}},"
                + "{\"id\":9,\"avatar\":null}]}}");
        assertThat(messages.requestCount()).isEqualTo(1);
        assertThat(messages.lastRequest().query()).startsWith(
                "{r0_0:user(id:1){profile(size:64){avatar(format:\"webp\"){url size}}}");
        assertThat(Joins.aliases(messages.lastRequest().query())).as("cy has no size; ann and di share nothing (ids differ)")
                .isEqualTo(4);
        assertThat(Joins.fieldType(junction, "people", "avatar")).isEqualTo("Avatar");
    }

    @Test
    void aSingleColumnFeedsAListArgumentAndTheFieldIsAList() {
        JsonNode answer = junction.gql("{ people(order_by: {id: asc}, limit: 2, offset: 3) { id accounts { name } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people\":["
                + "{\"id\":4,\"accounts\":[{\"name\":\"user4\"}]},{\"id\":9,\"accounts\":[null]}]}}");
        assertThat(messages.lastRequest().query()).isEqualTo(
                "{r0_0:usersByIds(ids:4){name}r0_1:usersByIds(ids:9){name}}");
        assertThat(Joins.fieldType(junction, "people", "accounts")).isEqualTo("[User]!");
    }

    @Test
    void theFieldIsNullableOrNotAsTheRemoteSays() {
        assertThat(Joins.fieldType(junction, "people", "strict")).isEqualTo("User!");
        assertThat(Joins.fieldType(junction, "people", "chats")).isEqualTo("[Message!]!");
        assertThat(Joins.fieldType(junction, "people", "inbox")).isEqualTo("[Message!]!");

        JsonNode answer = junction.gql("{ people(where: {id: {_lt: 3}}, order_by: {id: asc}) { strict { name } } }");
        assertThat(answer.toString()).isEqualTo(
                "{\"data\":{\"people\":[{\"strict\":{\"name\":\"user1\"}},{\"strict\":{\"name\":\"user2\"}}]}}");
    }

    @Test
    void allRelationshipsOfARowGoToTheirRemoteInOneRequest() {
        JsonNode answer = junction.gql("{ people_by_pk(id: 2) { chats { id } inbox { id } avatar { size } accounts { id } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"people_by_pk\":{\"chats\":[{\"id\":2},{\"id\":12}],"
                + "\"inbox\":[{\"id\":7}],\"avatar\":{\"size\":32},\"accounts\":[{\"id\":2}]}}}");
        assertThat(messages.requestCount()).isEqualTo(1);
        assertThat(Joins.aliases(messages.lastRequest().query())).isEqualTo(4);
    }
}
