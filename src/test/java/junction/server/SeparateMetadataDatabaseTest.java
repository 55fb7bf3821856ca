package junction.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import junction.db.ConnectionUrl;
import junction.test.EngineFixture;
import junction.test.TestPostgres;
import org.junit.jupiter.api.Test;

/** HASURA_GRAPHQL_METADATA_DATABASE_URL: metadata lives there, the default source stays clean of it. */
class SeparateMetadataDatabaseTest {

    @Test
    void metadataIsStoredInTheMetadataDatabaseAndNotInTheDefaultSource() throws Exception {
        String metadataUrl = TestPostgres.newDatabase("separate_metadata");
        try (EngineFixture junction = EngineFixture.start("separate_source", c -> c.withMetadataDatabase(metadataUrl))) {
            junction.runSqlOk("create table things (id int primary key)");
            junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"things\"}}");

            assertThat(hasCatalog(junction.databaseUrl)).as("default source").isFalse();
            assertThat(hasCatalog(metadataUrl)).as("metadata database").isTrue();
            assertThat(storedMetadata(metadataUrl)).contains("\"things\"");
        }
    }

    private static boolean hasCatalog(String url) throws Exception {
        return !query(url, "select schema_name from information_schema.schemata where schema_name = 'hdb_catalog'").isEmpty();
    }

    private static String storedMetadata(String url) throws Exception {
        return query(url, "select metadata::text from hdb_catalog.hdb_metadata where id = 1");
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ConnectionUrl.toJdbc(url));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
