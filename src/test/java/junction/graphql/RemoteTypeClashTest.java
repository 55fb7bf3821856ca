package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Type names shared by remote schemas: equal shapes are merged (as Hasura compares types' shapes),
 * different ones refused; a clash with the database's types never breaks the API.
 */
class RemoteTypeClashTest {
    private static EngineFixture junction;
    private static GraphqlTestServer first;
    private static GraphqlTestServer second;

    @BeforeAll
    static void start() {
        first = UserService.start(2);
        second = UserService.start(2);
        junction = EngineFixture.start("remote_type_clash");
        junction.runSqlOk("create table notes (id int primary key, body text); insert into notes values (1, 'hi');");
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"notes\"}}");
        junction.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"first\", \"definition\": {\"url\": \""
                + first.url() + "\", \"customization\": {\"root_fields_namespace\": \"one\"}}}}");
    }

    @AfterAll
    static void stop() {
        junction.close();
        first.close();
        second.close();
    }

    @Test
    void aSecondRemoteWithTypesOfTheSameShapeSharesThemAndEachRemoteAnswersItsOwnFields() {
        junction.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"second\", \"definition\": {\"url\": \""
                + second.url() + "\", \"customization\": {\"root_fields_namespace\": \"two\"}}}}");
        first.reset();
        second.reset();

        assertThat(junction.graphql("{ notes { id } one { user(id: 1) { name } } two { user(id: 2) { name } } }", Map.of()).json().toString())
                .isEqualTo("{\"data\":{\"notes\":[{\"id\":1}],\"one\":{\"user\":{\"name\":\"user1\"}},\"two\":{\"user\":{\"name\":\"user2\"}}}}");
        assertThat(first.requestCount()).isEqualTo(1);
        assertThat(second.requestCount()).isEqualTo(1);
        assertThat(junction.graphql("{ __type(name: \"User\") { fields { name } } }", Map.of()).json().at("/data/__type/fields").size())
                .isEqualTo(3);
        assertThat(junction.metadata("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").json().get("is_consistent").asBoolean())
                .isTrue();
        junction.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"second\"}}");
    }

    @Test
    void aRemoteWithAnotherTypeOfTheSameNameIsRefusedAndChangesNothing() {
        GraphqlTestServer messages = MessageService.start();
        try {
            JsonNode before = junction.exportWithVersion();
            Http.Response r = junction.metadata("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"messages\", \"definition\": {\"url\": \""
                    + messages.url() + "\", \"customization\": {\"root_fields_namespace\": \"three\"}}}}");

            // its User has other fields (its root types behind the namespace are named threeQuery…)
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("invalid-configuration");
            assertThat(r.json().get("error").asText()).isEqualTo(
                    "Inconsistent object: types: [ User ] have mismatch with current graphql schema. HINT: Types must be same.");
            assertThat(junction.exportWithVersion()).isEqualTo(before);

            junction.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"messages\", \"definition\": {\"url\": \""
                    + messages.url() + "\", \"customization\": {\"root_fields_namespace\": \"three\", \"type_names\": {\"prefix\": \"M_\"}}}}}");
            assertThat(junction.graphql("{ one { user(id: 1) { name } } three { user(id: 1) { name } } }", Map.of()).json().toString())
                    .isEqualTo("{\"data\":{\"one\":{\"user\":{\"name\":\"user1\"}},\"three\":{\"user\":{\"name\":\"user1\"}}}}");
            junction.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"messages\"}}");
        } finally {
            messages.close();
        }
    }

    @Test
    void aRemoteWhoseTypeNameATableAlreadyHasIsLeftOutAndTheRestKeepsWorking() {
        junction.runSqlOk("create table \"User\" (id int primary key)");
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"User\"}}");

        Http.Response r = junction.graphql("{ notes { body } }", Map.of());

        assertThat(r.json().toString()).isEqualTo("{\"data\":{\"notes\":[{\"body\":\"hi\"}]}}");
        assertThat(junction.graphql("{ one { user(id: 1) { name } } }", Map.of()).body())
                .contains("field 'one' not found in type: 'query_root'");
        junction.metadataOk("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"User\"}}");
    }
}
