package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Remote relationship metadata that needs no live remote schema: parsing, refusal, DDL carried into definitions. */
class RemoteRelationshipMetadataTest {
    private static EngineFixture junction;

    @BeforeAll
    static void start() {
        junction = EngineFixture.start("remote_rel_metadata");
        junction.runSqlOk("create table orders (id serial primary key, user_id int, note text)");
        junction.metadataOk("{\"type\":\"pg_track_table\",\"args\":{\"table\":\"orders\"}}");
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    @Test
    void aRelationshipToAnUnknownRemoteSchemaIsRefusedAndChangesNothing() {
        JsonNode before = junction.exportWithVersion();
        Http.Response r = junction.metadata("""
                {"type": "pg_create_remote_relationship", "args": {"source": "default", "table": "orders", "name": "user",
                 "definition": {"to_remote_schema": {"remote_schema": "nope", "lhs_fields": ["user_id"],
                   "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}}
                """);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("invalid-configuration");
        assertThat(r.json().get("error").asText()).isEqualTo(
                "Inconsistent object: in table \"orders\": in remote relationship \"user\": remote schema with name \"nope\" not found");
        assertThat(junction.exportWithVersion()).isEqualTo(before);
    }

    @Test
    void aRemoteFieldWithTwoKeysIsAParseErrorAtItsPath() {
        JsonNode before = junction.exportWithVersion();
        Http.Response r = junction.metadata("""
                {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "user",
                 "hasura_fields": ["user_id"], "remote_schema": "users",
                 "remote_field": {"user": {"arguments": {}}, "other": {}}}}
                """);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("parse-failed");
        assertThat(r.json().get("path").asText()).isEqualTo("$.args.remote_field");
        assertThat(junction.exportWithVersion()).isEqualTo(before);
    }

    @Test
    void deletingAMissingRemoteRelationshipIsNotExists() {
        Http.Response r = junction.metadata("""
                {"type": "pg_delete_remote_relationship", "args": {"table": "orders", "name": "ghost"}}
                """);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("not-exists");
    }

    @Test
    void renamingAJoinColumnIsCarriedIntoTheStoredDefinitionInBothFormats() {
        junction.runSqlOk("create table payments (id serial primary key, payer int)");
        junction.metadataOk("""
                {"type": "replace_metadata", "args": {"allow_inconsistent_metadata": true, "metadata": {"version": 3,
                 "sources": [{"name": "default", "kind": "postgres",
                   "configuration": {"connection_info": {"database_url": {"from_env": "HASURA_GRAPHQL_DATABASE_URL"}}},
                   "tables": [{"table": {"schema": "public", "name": "orders"}},
                     {"table": {"schema": "public", "name": "payments"}, "remote_relationships": [
                     {"name": "old", "definition": {"hasura_fields": ["payer"], "remote_schema": "gone",
                       "remote_field": {"user": {"arguments": {"id": "$payer"}}}}},
                     {"name": "new", "definition": {"to_remote_schema": {"remote_schema": "gone", "lhs_fields": ["payer"],
                       "remote_field": {"user": {"arguments": {"where": {"id": {"_eq": "$payer"}}}}}}}}]}]}]}}}
                """);

        junction.runSqlOk("alter table payments rename column payer to payer_id");

        JsonNode table = junction.exportWithVersion().at("/metadata/sources/0/tables/1");
        assertThat(table.at("/remote_relationships/0/definition").toString()).isEqualTo(
                "{\"hasura_fields\":[\"payer_id\"],\"remote_schema\":\"gone\",\"remote_field\":{\"user\":{\"arguments\":{\"id\":\"$payer_id\"}}}}");
        assertThat(table.at("/remote_relationships/1/definition/to_remote_schema/lhs_fields/0").asText()).isEqualTo("payer_id");
        assertThat(table.at("/remote_relationships/1/definition/to_remote_schema/remote_field/user/arguments/where/id/_eq").asText())
                .isEqualTo("$payer_id");
    }
}
