package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import junction.execute.join.RemoteErrorMode;
import junction.project.MetadataDirectory;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Shop;
import junction.test.remote.BatchUserService;
import junction.test.remote.GraphqlTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: a remote relationship with Junction's {@code batch} sends ONE call of a list field for
 * all its distinct join values ({@code users(ids: [...])}, or Federation's {@code _entities}), matched
 * back by key or by position; the relationship's field and its answers are what they are without it.
 */
class BatchedJoinsTest {
    private static EngineFixture junction;
    private static EngineFixture partial;
    private static BatchUserService.Running users;

    private static String relationship(String table, String name, String column, String batch) {
        return "{\"type\": \"pg_create_remote_relationship\", \"args\": {\"table\": \"" + table + "\", \"name\": \"" + name + "\","
                + " \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"users\", \"lhs_fields\": [\"" + column + "\"],"
                + " \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$" + column + "\"}}}"
                + (batch == null ? "" : ", \"batch\": " + batch) + "}}}}";
    }

    @BeforeAll
    static void start() {
        users = BatchUserService.start(200);
        junction = Shop.start("join_list_batch");
        junction.runSqlOk("""
                create table tickets (id int primary key, user_id int, batch text not null);
                insert into tickets select i, i, 'distinct' from generate_series(1, 150) i;
                insert into tickets select 1000 + i, i % 10 + 1, 'repeated' from generate_series(1, 120) i;
                insert into tickets select 2000 + i, case when i % 3 = 0 then null else i end, 'nulls' from generate_series(1, 9) i;
                insert into tickets values (3001, 5, 'missing'), (3002, 300, 'missing'), (3003, 7, 'missing'), (3004, 5, 'missing');
                insert into tickets values (4001, 12, 'broken'), (4002, 13, 'broken'), (4003, 14, 'broken');
                """);
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"tickets\"}}");
        junction.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": {\"url\": \""
                + users.server().url() + "\", \"timeout_seconds\": 5}}}");
        String list = "{\"field\": \"users\", \"argument\": \"ids\"}";
        junction.metadataOk("{\"type\": \"bulk\", \"args\": ["
                + relationship("tickets", "owner", "user_id", list) + ", "
                + relationship("tickets", "plain_owner", "user_id", null) + ", "
                + relationship("tickets", "keyed_owner", "user_id", "{\"field\": \"usersAnyOrder\", \"argument\": \"ids\", \"key\": \"id\"}") + ", "
                + relationship("tickets", "short_owner", "user_id", "{\"field\": \"usersDropLast\", \"argument\": \"ids\"}") + ", "
                + relationship("tickets", "entity", "user_id", "{\"field\": \"_entities\", \"argument\": \"representations\","
                        + " \"item\": {\"__typename\": \"User\", \"id\": \"$user_id\"}}") + ", "
                + relationship("customers", "account", "id", list) + ", "
                + relationship("order_items", "maker", "product_id", "{\"field\": \"usersAnyOrder\", \"argument\": \"ids\", \"key\": \"id\"}")
                + ", {\"type\": \"pg_create_remote_relationship\", \"args\": {\"table\": \"orders\", \"name\": \"buyer\","
                + " \"hasura_fields\": [\"customer_id\"], \"remote_schema\": \"users\","
                + " \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$customer_id\"}}}, \"batch\": " + list + "}}"
                + "]}");
        partial = EngineFixture.on(junction.databaseUrl, c -> c.withRemoteErrors(RemoteErrorMode.PARTIAL));
    }

    @AfterAll
    static void stop() {
        partial.close();
        junction.close();
        users.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
    }

    @Test
    void oneHundredAndFiftyRowsMakeOneRequestAndOneFieldCall() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"distinct\"}}, order_by: {id: asc}) { id owner { id email } } }");

        JsonNode rows = answer.at("/data/tickets");
        assertThat(rows).hasSize(150);
        for (int i = 0; i < 150; i++) {
            assertThat(rows.get(i).toString()).isEqualTo("{\"id\":" + (i + 1) + ",\"owner\":{\"id\":" + (i + 1)
                    + ",\"email\":\"user" + (i + 1) + "@example.com\"}}");
        }
        assertThat(users.server().requestCount()).isEqualTo(1);
        assertThat(users.calls("users")).as("one list field call").isEqualTo(1);
        assertThat(users.calls("user")).isZero();
        assertThat(users.server().lastRequest().query()).startsWith("{r0:users(ids:[1,2,3,4,5,").endsWith("150]){id email}}");
    }

    @Test
    void theAnswerIsExactlyWhatItIsWithoutBatch() {
        String query = "{ tickets(where: {batch: {_in: [\"repeated\", \"nulls\", \"missing\"]}}, order_by: {id: asc}) { id %s { id email } } }";
        JsonNode batched = junction.gql(query.formatted("owner"));
        JsonNode aliased = junction.gql(query.formatted("plain_owner"));

        assertThat(batched.toString()).isEqualTo(aliased.toString().replace("plain_owner", "owner"));
    }

    @Test
    void duplicateJoinValuesAreOneItemAndNullJoinValuesNone() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"repeated\"}}, order_by: {id: asc}) { user_id owner { id } } }");
        answer.at("/data/tickets").forEach(row -> assertThat(row.at("/owner/id").asInt()).isEqualTo(row.get("user_id").asInt()));
        assertThat(users.server().lastRequest().query()).isEqualTo("{r0:users(ids:[2,3,4,5,6,7,8,9,10,1]){id}}");

        JsonNode nulls = junction.gql("{ tickets(where: {batch: {_eq: \"nulls\"}}, order_by: {id: asc}) { owner { id } } }");
        assertThat(nulls.at("/data/tickets").toString()).isEqualTo("[{\"owner\":{\"id\":1}},{\"owner\":{\"id\":2}},{\"owner\":null},"
                + "{\"owner\":{\"id\":4}},{\"owner\":{\"id\":5}},{\"owner\":null},{\"owner\":{\"id\":7}},{\"owner\":{\"id\":8}},{\"owner\":null}]");
        assertThat(users.server().lastRequest().query()).isEqualTo("{r0:users(ids:[1,2,4,5,7,8]){id}}");
        assertThat(users.calls("users")).isEqualTo(2);
    }

    @Test
    void byPositionAMissingUserIsNull() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"missing\"}}, order_by: {id: asc}) { id owner { name } } }");

        assertThat(answer.at("/data/tickets").toString()).isEqualTo("[{\"id\":3001,\"owner\":{\"name\":\"user5\"}},"
                + "{\"id\":3002,\"owner\":null},{\"id\":3003,\"owner\":{\"name\":\"user7\"}},{\"id\":3004,\"owner\":{\"name\":\"user5\"}}]");
    }

    @Test
    void byKeyResultsInAnyOrderAreMatchedAndTheKeyIsSelectedOnlyInternally() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"missing\"}}, order_by: {id: asc}) { id keyed_owner { name } } }");

        assertThat(answer.at("/data/tickets").toString()).isEqualTo("[{\"id\":3001,\"keyed_owner\":{\"name\":\"user5\"}},"
                + "{\"id\":3002,\"keyed_owner\":null},{\"id\":3003,\"keyed_owner\":{\"name\":\"user7\"}},"
                + "{\"id\":3004,\"keyed_owner\":{\"name\":\"user5\"}}]");
        assertThat(users.server().lastRequest().query()).isEqualTo("{r0:usersAnyOrder(ids:[5,300,7]){name _junction_key:id}}");

        JsonNode selected = junction.gql("{ tickets(where: {id: {_eq: 3001}}) { keyed_owner { k: id name } } }");
        assertThat(selected.at("/data/tickets/0").toString()).isEqualTo("{\"keyed_owner\":{\"k\":5,\"name\":\"user5\"}}");
    }

    @Test
    void byPositionAListOfTheWrongLengthIsARemoteSchemaError() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"missing\"}}) { id short_owner { name } } }");
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
        assertThat(answer.at("/errors/0/message").asText())
                .isEqualTo("the remote's \"usersDropLast\" answered 2 items for 3 items asked (batch matches by position)");
        assertThat(answer.has("data")).isFalse();

        JsonNode kept = partial.gql("{ tickets(where: {batch: {_eq: \"missing\"}}, order_by: {id: asc}) { id short_owner { name } } }");
        assertThat(kept.at("/data/tickets").toString()).isEqualTo("[{\"id\":3001,\"short_owner\":null},{\"id\":3002,\"short_owner\":null},"
                + "{\"id\":3003,\"short_owner\":null},{\"id\":3004,\"short_owner\":null}]");
        assertThat(kept.at("/errors")).hasSize(4);
        assertThat(kept.at("/errors/1/path").toString()).isEqualTo("[\"tickets\",1,\"short_owner\"]");
    }

    @Test
    void byKeyNullKeysAndUnknownKeysAreDroppedAndTheFirstOfADuplicateKeyWins() {
        users.server().override(request -> new GraphqlTestServer.Answer(200, "{\"data\": {\"r0\": [null,"
                + " {\"name\": \"nobody\", \"_junction_key\": null}, {\"name\": \"stranger\", \"_junction_key\": 99},"
                + " {\"name\": \"first\", \"_junction_key\": 5}, {\"name\": \"second\", \"_junction_key\": 5}]}}"));
        try {
            JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"missing\"}}, order_by: {id: asc}) { id keyed_owner { name } } }");
            assertThat(answer.at("/data/tickets").toString()).isEqualTo("[{\"id\":3001,\"keyed_owner\":{\"name\":\"first\"}},"
                    + "{\"id\":3002,\"keyed_owner\":null},{\"id\":3003,\"keyed_owner\":null},{\"id\":3004,\"keyed_owner\":{\"name\":\"first\"}}]");
        } finally {
            users.server().override(null);
        }
    }

    @Test
    void byPositionMoreItemsThanAskedIsARemoteSchemaError() {
        users.server().override(request -> new GraphqlTestServer.Answer(200,
                "{\"data\": {\"r0\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}, {\"name\": \"d\"}]}}"));
        try {
            JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"missing\"}}) { id owner { name } } }");
            assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
            assertThat(answer.at("/errors/0/message").asText())
                    .isEqualTo("the remote's \"users\" answered 4 items for 3 items asked (batch matches by position)");
        } finally {
            users.server().override(null);
        }
    }

    @Test
    void partialModeKeepsTheOtherRowsWhenOneItemFails() {
        JsonNode answer = partial.gql("{ tickets(where: {batch: {_eq: \"broken\"}}, order_by: {id: asc}) { id owner { id name } } }");

        assertThat(answer.at("/data/tickets").toString()).isEqualTo("[{\"id\":4001,\"owner\":{\"id\":12,\"name\":\"user12\"}},"
                + "{\"id\":4002,\"owner\":{\"id\":13,\"name\":null}},{\"id\":4003,\"owner\":{\"id\":14,\"name\":\"user14\"}}]");
        assertThat(answer.at("/errors")).hasSize(1);
        assertThat(answer.at("/errors/0/message").asText()).isEqualTo("Errors from remote server");
        assertThat(answer.at("/errors/0/path").toString()).isEqualTo("[\"tickets\",1,\"owner\",\"name\"]");
    }

    @Test
    void threeLevelsOfJoinsAreOneRequestWithOneCallPerRelationship() {
        JsonNode answer = junction.gql("{ customers(order_by: {id: asc}) { account { name }"
                + " orders(order_by: {id: asc}) { buyer { email } items(order_by: {id: asc}) { maker { id } } } } }");

        assertThat(answer.at("/data/customers/0").toString()).isEqualTo("{\"account\":{\"name\":\"user1\"},\"orders\":["
                + "{\"buyer\":{\"email\":\"user1@example.com\"},\"items\":[{\"maker\":{\"id\":1}},{\"maker\":{\"id\":3}}]},"
                + "{\"buyer\":{\"email\":\"user1@example.com\"},\"items\":[{\"maker\":{\"id\":1}}]}]}");
        assertThat(answer.at("/data/customers/2").toString()).isEqualTo("{\"account\":{\"name\":\"user3\"},\"orders\":[]}");
        assertThat(users.server().requestCount()).isEqualTo(1);
        assertThat(users.calls("users")).as("account and buyer").isEqualTo(2);
        assertThat(users.calls("usersAnyOrder")).as("maker").isEqualTo(1);
        assertThat(users.calls("user")).isZero();
    }

    @Test
    void mutationOutputsAreBatchedToo() {
        JsonNode answer = junction.gql("mutation { insert_tickets(objects: [{id: 5001, user_id: 21, batch: \"new\"},"
                + " {id: 5002, user_id: 22, batch: \"new\"}]) { returning { id owner { name } } } }");

        assertThat(answer.at("/data/insert_tickets/returning").toString())
                .isEqualTo("[{\"id\":5001,\"owner\":{\"name\":\"user21\"}},{\"id\":5002,\"owner\":{\"name\":\"user22\"}}]");
        assertThat(users.calls("users")).isEqualTo(1);
        junction.runSqlOk("delete from tickets where batch = 'new'");
    }

    @Test
    void federationEntitiesAreOneCallMatchedByPosition() {
        JsonNode answer = junction.gql("{ tickets(where: {batch: {_eq: \"missing\"}}, order_by: {id: asc}) { id entity { name } } }");

        assertThat(answer.at("/data/tickets").toString()).isEqualTo("[{\"id\":3001,\"entity\":{\"name\":\"user5\"}},"
                + "{\"id\":3002,\"entity\":null},{\"id\":3003,\"entity\":{\"name\":\"user7\"}},{\"id\":3004,\"entity\":{\"name\":\"user5\"}}]");
        assertThat(users.server().lastRequest().query()).isEqualTo("{r0:_entities(representations:[{__typename:\"User\",id:5},"
                + "{__typename:\"User\",id:300},{__typename:\"User\",id:7}]){...on User{name}}}");
        assertThat(users.calls("_entities")).isEqualTo(1);
    }

    @Test
    void explainShowsTheBatchedCall() {
        Http.Response r = junction.http.post("/v1/graphql/explain",
                "{\"query\": {\"query\": \"{ tickets { keyed_owner { name } entity { email } } }\"}}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode joins = r.json().at("/0/remote_joins");
        assertThat(joins.at("/0/field").asText()).isEqualTo("usersAnyOrder(ids:[$user_id]){name _junction_key:id}");
        assertThat(joins.at("/0/batching").asText()).contains("one aliased call of \"usersAnyOrder\" for all distinct (user_id)")
                .contains("matched by their \"id\"");
        assertThat(joins.at("/1/field").asText())
                .isEqualTo("_entities(representations:[{__typename:\"User\",id:$user_id}]){...on User{email}}");
        assertThat(joins.at("/1/batching").asText()).contains("matched by position");
        assertThat(users.server().requestCount()).isZero();
    }

    @Test
    void exportMetadataKeepsBatchAsWrittenInBothFormats() {
        JsonNode tables = junction.export().at("/sources/0/tables");
        String all = tables.toString();
        assertThat(all).contains("\"to_remote_schema\":{\"batch\":{\"field\":\"_entities\",\"argument\":\"representations\","
                + "\"item\":{\"__typename\":\"User\",\"id\":\"$user_id\"}},\"lhs_fields\":[\"user_id\"]");
        assertThat(all).contains("{\"batch\":{\"field\":\"users\",\"argument\":\"ids\"},\"hasura_fields\":[\"customer_id\"],"
                + "\"remote_field\":{\"user\":{\"arguments\":{\"id\":\"$customer_id\"}}},\"remote_schema\":\"users\"}");
    }

    @Test
    void theCliMetadataDirectoryKeepsBatch(@TempDir Path dir) {
        JsonNode document = junction.export();
        MetadataDirectory.write(document, dir);
        JsonNode read = MetadataDirectory.read(dir);

        assertThat(read.at("/sources/0/tables")).isEqualTo(document.at("/sources/0/tables"));
        // the files are written in the order of Hasura's CLI: a remote relationship's definition with its keys sorted
        assertThat(read.at("/sources/0/tables").toString()).contains("\"batch\":{\"argument\":\"ids\",\"field\":\"usersAnyOrder\",\"key\":\"id\"}");
    }

    @Test
    void aBatchThatDoesNotFitIsRefusedAndChangesNothing() {
        refused("{\"field\": \"people\", \"argument\": \"ids\"}", "batch field with name \"people\" not found in remote schema");
        refused("{\"field\": \"users\", \"argument\": \"keys\"}", "argument with name \"keys\" not found in batch field \"users\"");
        refused("{\"field\": \"user\", \"argument\": \"id\"}", "batch argument \"id\" of \"user\" is not a list type");
        refused("{\"field\": \"users\", \"argument\": \"ids\", \"key\": \"ident\"}",
                "key field with name \"ident\" not found in type \"User\"");
        refused("{\"field\": \"_entities\", \"argument\": \"representations\", \"item\": {\"id\": \"$nope\"}}",
                "variable \"nope\" is not found");
        junction.refused(relationship("tickets", "bad", "batch", "{\"field\": \"users\", \"argument\": \"ids\"}")
                        .replace("{\"user\": {\"arguments\": {\"id\": \"$batch\"}}}", "{\"user\": {\"arguments\": {\"id\": 1}}}"))
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: in table \"tickets\": in remote relationship "
                        + "\"bad\": with batch, the fixed argument \"id\" of \"user\" must be an argument of batch field \"users\" other than \"ids\"");
        junction.refused(relationship("tickets", "bad", "user_id", "{\"field\": \"users\", \"argument\": \"ids\"}")
                        .replace("{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}",
                                "{\"member\": {\"arguments\": {\"id\": \"$user_id\", \"tenant\": \"acme\"}}}"))
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: in table \"tickets\": in remote relationship "
                        + "\"bad\": with batch, the fixed argument \"tenant\" of \"member\" must be an argument of batch field \"users\" other than \"ids\"");
        junction.refused(relationship("tickets", "bad", "batch", "{\"field\": \"users\", \"argument\": \"ids\", \"extra\": 1}"))
                .expect(400, "parse-failed", "$.args.definition.to_remote_schema.batch.extra",
                        "unexpected key 'extra'; expected one of field, argument, key, item");
    }

    @Test
    void fixedArgumentsOfTheTemplateAreSentWithTheListCall() {
        String list = "{\"field\": \"members\", \"argument\": \"ids\"}";
        junction.metadataOk(relationship("tickets", "acme_owner", "user_id", list)
                .replace("{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}",
                        "{\"member\": {\"arguments\": {\"id\": \"$user_id\", \"tenant\": \"acme\"}}}"));
        junction.metadataOk(relationship("tickets", "other_owner", "user_id", list)
                .replace("{\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}",
                        "{\"member\": {\"arguments\": {\"tenant\": \"other\", \"id\": \"$user_id\"}}}"));

        JsonNode answer = junction.gql("{ tickets(where: {id: {_in: [1, 2]}}, order_by: {id: asc}) { acme_owner { name } other_owner { name } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"tickets\":[{\"acme_owner\":{\"name\":\"user1\"},\"other_owner\":null},"
                + "{\"acme_owner\":{\"name\":\"user2\"},\"other_owner\":null}]}}");
        assertThat(users.server().requestCount()).isEqualTo(1);
        assertThat(users.calls("members")).isEqualTo(2);
        assertThat(users.server().lastRequest().query())
                .isEqualTo("{r0:members(ids:[1,2],tenant:\"acme\"){name}r1:members(ids:[1,2],tenant:\"other\"){name}}");
        junction.metadataOk("{\"type\": \"bulk\", \"args\": ["
                + "{\"type\": \"pg_delete_remote_relationship\", \"args\": {\"table\": \"tickets\", \"name\": \"acme_owner\"}},"
                + "{\"type\": \"pg_delete_remote_relationship\", \"args\": {\"table\": \"tickets\", \"name\": \"other_owner\"}}]}");
    }

    @Test
    void renamingTheJoinColumnIsCarriedIntoTheItemTemplate() {
        junction.runSqlOk("create table badges (id int primary key, uid int); insert into badges values (1, 8);");
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"badges\"}}");
        junction.metadataOk(relationship("badges", "holder", "uid", "{\"field\": \"_entities\", \"argument\": \"representations\","
                + " \"item\": {\"__typename\": \"User\", \"id\": \"$uid\"}}"));

        junction.runSqlOk("alter table badges rename column uid to holder_id");

        JsonNode badge = junction.export().at("/sources/0/tables").findValues("remote_relationships").stream()
                .flatMap(r -> java.util.stream.StreamSupport.stream(r.spliterator(), false))
                .filter(r -> r.get("name").asText().equals("holder")).findFirst().orElseThrow();
        assertThat(badge.at("/definition/to_remote_schema/batch/item").toString())
                .isEqualTo("{\"__typename\":\"User\",\"id\":\"$holder_id\"}");
        assertThat(junction.gql("{ badges { holder { name } } }").toString())
                .isEqualTo("{\"data\":{\"badges\":[{\"holder\":{\"name\":\"user8\"}}]}}");
    }

    private static void refused(String batch, String reason) {
        junction.refused(relationship("tickets", "bad", "user_id", batch))
                .expect(400, "invalid-configuration", "$.args", "Inconsistent object: in table \"tickets\": in remote relationship \"bad\": "
                        + reason);
    }
}
