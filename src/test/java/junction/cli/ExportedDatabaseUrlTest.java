package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.db.ConnectionUrl;
import junction.json.Json;
import junction.test.ChildJvm;
import junction.test.FixtureProbe;
import junction.test.Http;
import junction.test.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code HASURA_GRAPHQL_DATABASE_URL} exported to another database, neither {@code junction serve
 * --database-url B} nor a test's fixture touches it: both run in child JVMs whose process environment
 * points at the bystander, which must come out as it went in.
 */
class ExportedDatabaseUrlTest {
    private String bystander;
    private String target;

    @BeforeEach
    void databases() {
        bystander = TestPostgres.newDatabase("bystander");
        target = TestPostgres.newDatabase("target");
        TestPostgres.sql(bystander, "create table precious (id int primary key); insert into precious values (1)");
    }

    @Test
    void serveUsesTheFlagsDatabaseForMetadataGraphqlAndRunSql() throws Exception {
        try (ChildJvm serve = child(Main.class.getName(), "serve", "--database-url", target, "--port", "0")) {
            Http http = new Http("http://localhost:" + serve.awaitServing(Duration.ofSeconds(60)));
            assertThat(http.post("/v2/query", "{\"type\": \"run_sql\", \"args\": {\"sql\": \"create table served (id int primary key)\"}}").status())
                    .isEqualTo(200);
            assertThat(http.post("/v1/metadata", "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"served\"}}").status())
                    .isEqualTo(200);
            assertThat(http.post("/v1/graphql", "{\"query\": \"{ served { id } }\"}").json())
                    .isEqualTo(Json.parse("{\"data\": {\"served\": []}}"));
        }
        assertThat(tables(target)).contains("public.served", "hdb_catalog.hdb_metadata");
        assertUntouched();
    }

    @Test
    void aTestFixtureNeverReadsTheProcessEnvironment() throws Exception {
        try (ChildJvm probe = child(FixtureProbe.class.getName(), target)) {
            int exit = probe.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as(probe.output()).isZero();
        }
        assertThat(tables(target)).contains("public.probe", "hdb_catalog.hdb_metadata");
        assertUntouched();
    }

    private void assertUntouched() throws Exception {
        assertThat(tables(bystander)).containsExactly("public.precious");
    }

    /** A JVM with this test's class path whose environment exports the bystander as the database URL. */
    private ChildJvm child(String mainClass, String... args) throws Exception {
        return ChildJvm.start(Map.of("HASURA_GRAPHQL_DATABASE_URL", bystander), mainClass, args);
    }

    private static List<String> tables(String url) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ConnectionUrl.toJdbc(url));
             ResultSet rs = c.createStatement().executeQuery(
                     "select schemaname || '.' || tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
