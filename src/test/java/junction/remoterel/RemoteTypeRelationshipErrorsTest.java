package junction.remoterel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.execute.join.RemoteErrorMode;
import junction.test.EngineFixture;
import junction.test.remote.ErrorService;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failing relationships of remote types: in Hasura's mode the request fails; with
 * {@code JUNCTION_REMOTE_ERRORS=partial} each failing relationship field is {@code null} with its
 * error at that field's path — at the top of a remote's answer, inside a table → remote join, for a
 * remote and for a statement — and the rest of the answer is kept.
 */
class RemoteTypeRelationshipErrorsTest {
    static GraphqlTestServer users;
    static GraphqlTestServer errors;
    static EngineFixture hasura;
    static EngineFixture partial;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        errors = ErrorService.start();
        hasura = EngineFixture.start("remote_type_errors");
        hasura.runSqlOk("""
            create table badge (user_id int primary key, n int not null);
            insert into badge values (1, 5), (2, 0);
            create view badge_ratio as select user_id, 10 / n as ratio from badge;
            create table person (id int primary key, user_id int);
            insert into person values (1, 1), (2, 3);
            """);
        hasura.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "badge_ratio"}},
              {"type": "pg_track_table", "args": {"table": "person"}},
              {"type": "add_remote_schema", "args": {"name": "users", "definition": {"url": "%s", "timeout_seconds": 5}}},
              {"type": "add_remote_schema", "args": {"name": "errors", "definition": {"url": "%s", "timeout_seconds": 5}}},
              {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                "name": "bad", "definition": {"to_remote_schema": {"remote_schema": "errors", "lhs_fields": ["id"],
                  "remote_field": {"fail": {}}}}}},
              {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                "name": "badge", "definition": {"to_source": {"source": "default", "table": "badge_ratio",
                  "relationship_type": "object", "field_mapping": {"id": "user_id"}}}}},
              {"type": "pg_create_remote_relationship", "args": {"table": "person", "name": "user",
                "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["user_id"],
                  "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}}
            ]}""".formatted(users.url(), errors.url()));
        partial = EngineFixture.on(hasura.databaseUrl, c -> c.withRemoteErrors(RemoteErrorMode.PARTIAL));
    }

    @AfterAll
    static void stop() {
        partial.close();
        hasura.close();
        users.close();
        errors.close();
    }

    @Test
    void inHasurasModeAFailingRelationshipFailsTheRequest() {
        JsonNode answer = hasura.gql("{ users(ids: [1, 2]) { id bad } }");

        assertThat(answer.has("data")).as("%s", answer).isFalse();
        assertThat(answer.at("/errors/0/message").asText()).isEqualTo("Errors from remote server");
        assertThat(hasura.gql("{ users(ids: [1, 2]) { id badge { ratio } } }").at("/errors/0/extensions/code").asText())
                .isNotEmpty();
    }

    @Test
    void aFailingRemoteIsNullAtEachFieldWithItsError() {
        JsonNode answer = partial.gql("{ users(ids: [1, 2]) { id name bad } }");

        assertThat(answer.get("data").toString()).isEqualTo(
                "{\"users\":[{\"id\":1,\"name\":\"user1\",\"bad\":null},{\"id\":2,\"name\":\"user2\",\"bad\":null}]}");
        assertThat(answer.get("errors")).hasSize(2);
        assertThat(answer.at("/errors/0/message").asText()).isEqualTo("Errors from remote server");
        assertThat(answer.at("/errors/0/path").toString()).isEqualTo("[\"users\",0,\"bad\"]");
        assertThat(answer.at("/errors/1/path").toString()).isEqualTo("[\"users\",1,\"bad\"]");
    }

    @Test
    void aFailingStatementIsNullAtEachFieldWithItsError() {
        JsonNode answer = partial.gql("{ users(ids: [1, 2, 3]) { id badge { ratio } } }");

        assertThat(answer.get("data").toString()).isEqualTo(
                "{\"users\":[{\"id\":1,\"badge\":null},{\"id\":2,\"badge\":null},{\"id\":3,\"badge\":null}]}");
        assertThat(answer.get("errors")).extracting(e -> e.get("path").toString())
                .containsExactly("[\"users\",0,\"badge\"]", "[\"users\",1,\"badge\"]", "[\"users\",2,\"badge\"]");
        assertThat(answer.at("/errors/0/message").asText()).contains("division by zero");
        JsonNode fine = partial.gql("{ users(ids: [1, 3]) { id badge { ratio } } }");
        assertThat(fine.toString()).isEqualTo(
                "{\"data\":{\"users\":[{\"id\":1,\"badge\":{\"ratio\":2}},{\"id\":3,\"badge\":null}]}}");
    }

    @Test
    void insideATableToRemoteJoinTheErrorIsAtTheNestedField() {
        JsonNode answer = partial.gql("{ person(order_by: {id: asc}) { id user { id bad } } }");

        assertThat(answer.get("data").toString()).isEqualTo(
                "{\"person\":[{\"id\":1,\"user\":{\"id\":1,\"bad\":null}},{\"id\":2,\"user\":{\"id\":3,\"bad\":null}}]}");
        assertThat(answer.get("errors")).extracting(e -> e.get("path").toString())
                .containsExactly("[\"person\",0,\"user\",\"bad\"]", "[\"person\",1,\"user\",\"bad\"]");
    }
}
