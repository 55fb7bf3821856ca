package junction.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import junction.server.Engine;
import junction.server.ServerConfig;
import junction.test.Http;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL of {@code junction serve} keeps every write it acknowledged: inserts run
 * through the engine from several clients, the database is killed (SIGKILL, postmaster and backends)
 * in the middle, restarted on the same data directory, and every insert that was answered 200 is there.
 */
class AcknowledgedWritesTest {

    @Test
    void noAcknowledgedInsertIsLostWhenTheEmbeddedDatabaseIsKilledUnderLoad() throws Exception {
        Path dataDir = Files.createTempDirectory("junction-durable").resolve("pgdata");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        Engine engine = Engine.start(ServerConfig.forDatabase(database.url("postgres")).withPort(0).withGracefulShutdownSeconds(1));
        try {
            Http http = new Http("http://localhost:" + engine.port());
            http.post("/v2/query", "{\"type\": \"run_sql\", \"args\": {\"sql\": \"create table acked (id int primary key)\"}}");
            http.post("/v1/metadata", "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"acked\"}}");
            List<Thread> clients = insertUntilTheDatabaseDies(http, acknowledged, dataDir);
            engine.close(); // requests still waiting for a connection fail now, not after the pool's timeout
            for (Thread client : clients) {
                client.join();
            }
        } finally {
            engine.close();
            closeQuietly(database);
        }

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir)) {
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
            assertThat(missing(restarted, acknowledged)).as("acknowledged inserts lost").isZero();
        }
    }

    private static List<Thread> insertUntilTheDatabaseDies(Http http, Set<Integer> acknowledged, Path dataDir) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    int id = next.incrementAndGet();
                    String body = "{\"query\": \"mutation { insert_acked_one(object: {id: " + id + "}) { id } }\"}";
                    try {
                        Http.Response r = http.post("/v1/graphql", body);
                        if (r.status() == 200 && r.body().contains("\"insert_acked_one\"") && !r.body().contains("errors")) {
                            acknowledged.add(id);
                        }
                    } catch (RuntimeException e) {
                        // the engine is going away with its database
                    }
                }
            }));
        }
        while (acknowledged.size() < 200) {
            Thread.sleep(20);
        }
        kill(dataDir);
        stop.set(true);
        return clients;
    }

    /** SIGKILL to the postmaster and every backend: nothing gets to flush what it holds in memory. */
    private static void kill(Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().join();
        }
    }

    private static long missing(EmbeddedDatabase database, Set<Integer> ids) throws Exception {
        try (Connection c = DriverManager.getConnection(ConnectionUrl.toJdbc(database.url("postgres")));
             PreparedStatement st = c.prepareStatement(
                     "select count(*) from unnest(?::int[]) as a(id) where not exists (select from acked where acked.id = a.id)")) {
            Array array = c.createArrayOf("int4", ids.toArray());
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void closeQuietly(EmbeddedDatabase database) {
        try {
            database.close();
        } catch (Exception e) {
            // pg_ctl stop on a killed server: nothing left to stop
        }
    }
}
