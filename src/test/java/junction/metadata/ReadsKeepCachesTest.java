package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Metadata reads and refused calls throw no work away: they read no catalog, build no role schema
 * and keep every cached plan. A change rebuilds what depends on it, and only that: a role that
 * cannot see tables keeps its schema when a table is tracked.
 */
class ReadsKeepCachesTest {
    static EngineFixture f;

    static final String AUTHORS = "{ authors(order_by: {id: asc}) { id name } }";

    @BeforeAll
    static void start() {
        f = EngineFixture.start("caches");
        f.runSqlOk("""
            create table authors (id int primary key, name text);
            insert into authors values (1, 'Ann'), (2, 'Bo');
            """);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"authors\"}}");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void warm() {
        assertThat(f.gql(AUTHORS).at("/data/authors/1/name").asText()).isEqualTo("Bo");
    }

    static long builds() {
        return f.engine.schemas().builds();
    }

    static long catalogReads() {
        return f.engine.metadata().catalogReads();
    }

    static long prepared() {
        return f.engine.pipeline().operationsPrepared();
    }

    @Test
    void exportMetadataAndOtherReadsBuildNoSchemaReadNoCatalogAndKeepCachedPlans() {
        long builds = builds();
        long reads = catalogReads();
        long prepared = prepared();
        long version = f.exportWithVersion().path("resource_version").asLong();

        for (int i = 0; i < 20; i++) {
            f.export();
            f.exportWithVersion();
            f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
            f.metadataOk("{\"type\": \"bulk\", \"args\": [{\"type\": \"export_metadata\", \"args\": {}}]}");
            assertThat(f.gql(AUTHORS).at("/data/authors/0/name").asText()).isEqualTo("Ann");
        }

        assertThat(builds()).isEqualTo(builds);
        assertThat(catalogReads()).isEqualTo(reads);
        assertThat(prepared()).isEqualTo(prepared);
        assertThat(f.exportWithVersion().path("resource_version").asLong()).isEqualTo(version);
    }

    @Test
    void refusedCallsBuildNoSchemaAndKeepCachedPlans() {
        long builds = builds();
        long prepared = prepared();

        for (int i = 0; i < 5; i++) {
            f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"no_such_table\"}}");
            f.refused("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"authors\"}}");
            f.refused("{\"type\": \"no_such_command\", \"args\": {}}");
            f.refused("{\"type\": \"export_metadata\", \"resource_version\": 999999, \"args\": {}}");
            f.refused("{\"type\": \"bulk\", \"args\": [{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"authors\"}},"
                    + " {\"type\": \"pg_track_table\", \"args\": {\"table\": \"nope\"}}]}");
            f.refused("{not json");
            assertThat(f.gql(AUTHORS).at("/data/authors/0/name").asText()).isEqualTo("Ann");
        }

        assertThat(builds()).isEqualTo(builds);
        assertThat(prepared()).isEqualTo(prepared);
    }

    @Test
    void aChangeThatLeavesTheSchemaAsItWasKeepsItAndItsPlans() {
        long builds = builds();
        long prepared = prepared();

        f.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");
        f.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + f.export() + "}");

        assertThat(f.gql(AUTHORS).at("/data/authors/0/name").asText()).isEqualTo("Ann");
        assertThat(builds()).isEqualTo(builds);
        assertThat(prepared()).isEqualTo(prepared);
    }

    @Test
    void aRealChangeRebuildsTheSchemaOfTheRolesItConcernsAndTheNewTableIsServed() {
        Map<String, String> user = Map.of("x-hasura-role", "user");
        assertThat(f.graphql("{ __typename }", user).status()).isEqualTo(200);
        f.runSqlOk("create table if not exists books (id int primary key, title text); insert into books values (7, 'Ada') "
                + "on conflict do nothing");
        long builds = builds();
        long reads = catalogReads();
        long prepared = prepared();

        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"books\"}}");

        assertThat(catalogReads()).isGreaterThan(reads);
        assertThat(f.gql("{ books { id title } }").at("/data/books/0/title").asText()).isEqualTo("Ada");
        assertThat(builds()).isEqualTo(builds + 1);
        assertThat(f.gql(AUTHORS).at("/data/authors/0/name").asText()).isEqualTo("Ann");
        assertThat(prepared()).isEqualTo(prepared + 2);
        assertThat(f.graphql("{ __typename }", user).status()).isEqualTo(200);
        assertThat(builds()).as("a role that sees no table keeps its schema").isEqualTo(builds + 1);

        f.metadataOk("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"books\"}}");
    }

    /** Sets the select permissions of {@code authors} by replacing the metadata, as a user would. */
    static void authorsSelectPermissions(String permissions) {
        com.fasterxml.jackson.databind.node.ObjectNode metadata = (com.fasterxml.jackson.databind.node.ObjectNode) f.export().deepCopy();
        for (com.fasterxml.jackson.databind.JsonNode table : metadata.withArray("sources").get(0).withArray("tables")) {
            if (table.at("/table/name").asText().equals("authors")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) table).set("select_permissions",
                        junction.json.Json.parse(permissions));
            }
        }
        f.metadataOk(junction.json.Json.write(junction.json.Json.object().put("type", "replace_metadata").set("args", metadata)));
    }

    @Test
    void aChangeOfOneRolesPermissionRebuildsThatRolesSchemaOnly() {
        Map<String, String> reader = Map.of("x-hasura-role", "reader");
        Map<String, String> writer = Map.of("x-hasura-role", "writer");
        authorsSelectPermissions("""
            [{"role": "reader", "permission": {"columns": ["id", "name"], "filter": {}}},
             {"role": "writer", "permission": {"columns": ["id"], "filter": {}}}]
            """);
        assertThat(f.graphql(AUTHORS, reader).json().at("/data/authors/1/name").asText()).isEqualTo("Bo");
        assertThat(f.graphql(AUTHORS, writer).json().at("/errors/0/message").asText())
                .isEqualTo("field 'name' not found in type: 'authors'");
        long builds = builds();
        long prepared = prepared();

        authorsSelectPermissions("""
            [{"role": "reader", "permission": {"columns": ["id", "name"], "filter": {}}},
             {"role": "writer", "permission": {"columns": ["id", "name"], "filter": {}}}]
            """);

        assertThat(f.graphql(AUTHORS, reader).json().at("/data/authors/1/name").asText()).isEqualTo("Bo");
        assertThat(f.gql(AUTHORS).at("/data/authors/1/name").asText()).isEqualTo("Bo");
        assertThat(builds()).as("reader and admin keep their schemas").isEqualTo(builds);
        assertThat(prepared()).as("and their plans").isEqualTo(prepared);
        assertThat(f.graphql(AUTHORS, writer).json().at("/data/authors/1/name").asText()).isEqualTo("Bo");
        assertThat(builds()).as("writer's schema is rebuilt").isEqualTo(builds + 1);

        authorsSelectPermissions("[]");
    }
}
