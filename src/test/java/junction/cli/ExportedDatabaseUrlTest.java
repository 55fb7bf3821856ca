package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junction.db.ConnectionUrl;
import junction.json.Json;
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
    private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)");

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
        Process serve = child(Main.class.getName(), "serve", "--database-url", target, "--port", "0");
        try {
            Http http = new Http("http://localhost:" + awaitPort(serve));
            assertThat(http.post("/v2/query", "{\"type\": \"run_sql\", \"args\": {\"sql\": \"create table served (id int primary key)\"}}").status())
                    .isEqualTo(200);
            assertThat(http.post("/v1/metadata", "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"served\"}}").status())
                    .isEqualTo(200);
            assertThat(http.post("/v1/graphql", "{\"query\": \"{ served { id } }\"}").json())
                    .isEqualTo(Json.parse("{\"data\": {\"served\": []}}"));
        } finally {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(tables(target)).contains("public.served", "hdb_catalog.hdb_metadata");
        assertUntouched();
    }

    @Test
    void aTestFixtureNeverReadsTheProcessEnvironment() throws Exception {
        Process probe = child(FixtureProbe.class.getName(), target);
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(tables(target)).contains("public.probe", "hdb_catalog.hdb_metadata");
        assertUntouched();
    }

    private void assertUntouched() throws Exception {
        assertThat(tables(bystander)).containsExactly("public.precious");
    }

    /** A JVM with this test's class path whose environment exports the bystander as the database URL. */
    private Process child(String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HASURA_GRAPHQL_DATABASE_URL", bystander);
        return builder.start();
    }

    private static int awaitPort(Process serve) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> lines.lines().forEach(l -> { }));
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("serve did not start:\n" + seen);
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
