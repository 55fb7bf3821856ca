package junction.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import junction.json.Json;
import junction.server.Engine;
import junction.server.ServerConfig;
import junction.test.Http;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL is watched: killed (postmaster and backends, SIGKILL), it is started again
 * on the same directory and port, and the engine's queries work again by themselves; meanwhile and
 * after, {@code /healthz} says what the metadata database does. Stopped for good, it stays down and
 * {@code /healthz} answers 500.
 */
class EmbeddedDatabaseWatchTest {
    private static final String QUERY = "{\"query\": \"{ kept { id } }\"}";
    private static final JsonNode ROWS = Json.parse("{\"data\": {\"kept\": [{\"id\": 7}]}}");

    @Test
    void aKilledDatabaseIsRestartedAndQueriesWorkAgainWhileHealthzFollowsIt() throws Exception {
        Path dataDir = Files.createTempDirectory("junction-watch").resolve("pgdata");
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir); // durable: a killed server keeps the tracked table
        Engine engine = Engine.start(ServerConfig.forDatabase(database.url("postgres")).withPort(0).withGracefulShutdownSeconds(1));
        try {
            Http http = new Http("http://localhost:" + engine.port());
            http.post("/v2/query", "{\"type\": \"run_sql\", \"args\": {\"sql\": \"create table kept (id int primary key); insert into kept values (7)\"}}");
            http.post("/v1/metadata", "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"kept\"}}");
            assertThat(http.post("/v1/graphql", QUERY).json()).isEqualTo(ROWS);
            long killed = database.pid();
            int port = database.port();

            kill(dataDir);
            Set<String> health = new LinkedHashSet<>();
            long started = System.nanoTime();
            JsonNode answer = Json.object();
            while (!answer.equals(ROWS) && System.nanoTime() - started < 30_000_000_000L) {
                Http.Response h = http.get("/healthz");
                health.add(h.status() + " " + h.body());
                answer = http.post("/v1/graphql", QUERY).json();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("embedded PostgreSQL killed: queries answered again after " + millis + " ms; /healthz said " + health);

            assertThat(answer).as("a query after the restart").isEqualTo(ROWS);
            // the new postmaster's own pid file (written before it accepts connections: database.pid() is
            // set once the restart returns, which a query answered by the new server can precede)
            assertThat(PostmasterPid.read(dataDir).orElseThrow().pid()).isNotEqualTo(killed);
            assertThat(database.port()).isEqualTo(port);
            assertThat(health).isSubsetOf("200 OK", "500 ERROR");
            assertThat(http.get("/healthz").body()).isEqualTo("OK");

            database.close();
            Http.Response down = http.get("/healthz");
            assertThat(down.status()).isEqualTo(500);
            assertThat(down.body()).isEqualTo("ERROR");
            Thread.sleep(600);
            assertThat(PostmasterPid.read(dataDir)).as("a database closed on purpose is not restarted").isEmpty();
        } finally {
            engine.close();
            database.close();
        }
    }

    /** SIGKILL to the postmaster and every backend, as AcknowledgedWritesTest does. */
    private static void kill(Path dataDir) throws Exception {
        long pid = PostmasterPid.read(dataDir).orElseThrow().pid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
    }
}
