package junction.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import junction.server.Engine;
import junction.server.ServerConfig;
import org.junit.jupiter.api.Test;

/**
 * The zero-install default of {@code junction serve}: an embedded PostgreSQL whose data directory
 * survives a restart, with the engine's metadata in it. Prints start-to-healthy times for a fresh
 * and for an existing data directory.
 */
class EmbeddedDatabaseTest {

    @Test
    void tablesAndMetadataSurviveARestartOnTheSameDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory("junction-embedded").resolve("pgdata");

        long fresh = startToHealthy(dataDir, engine -> {
            sql(engine, "create table kept (id int primary key); insert into kept values (42)");
            post(engine, "/v1/metadata", "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"kept\"}}");
        });
        long existing = startToHealthy(dataDir, engine -> {
            assertThat(sql(engine, "select id from kept")).isEqualTo("42");
            assertThat(post(engine, "/v1/metadata", "{\"type\": \"export_metadata\", \"args\": {}}"))
                    .contains("\"name\":\"kept\"");
        });

        System.out.println("start-to-healthy with embedded PostgreSQL: fresh data dir " + fresh
                + " ms, existing data dir " + existing + " ms");
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
    }

    interface Check {
        void run(Running engine) throws Exception;
    }

    record Running(EmbeddedDatabase database, Engine engine) {
    }

    /** Starts database and engine as {@code junction serve} does, waits for /healthz, runs {@code check}, stops. */
    private static long startToHealthy(Path dataDir, Check check) throws Exception {
        long started = System.nanoTime();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            Engine engine = Engine.start(ServerConfig.forDatabase(database.url("postgres")).withPort(0));
            try {
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + engine.port() + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(health.body()).isEqualTo("OK");
                check.run(new Running(database, engine));
                return millis;
            } finally {
                engine.close();
            }
        }
    }

    private static String sql(Running running, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ConnectionUrl.toJdbc(running.database().url("postgres")));
             Statement st = c.createStatement()) {
            if (!st.execute(sql)) {
                return null;
            }
            try (ResultSet rs = st.getResultSet()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String post(Running running, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + running.engine().port() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
