package junction.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several engines over one metadata database: they see each other's changes and never lose one. */
class ReplicasTest {
    static EngineFixture a;
    static EngineFixture b;

    @BeforeAll
    static void start() {
        a = EngineFixture.start("replicas");
        b = EngineFixture.on(a.databaseUrl, c -> c);
        a.runSqlOk("""
            create table seen (id int primary key);
            create table first_write (id int primary key);
            create table second_write (id int primary key);
            create table race (id int primary key);
            """);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    static boolean tracks(EngineFixture engine, String table) {
        return engine.export().at("/sources/0/tables").findValuesAsText("name").contains(table);
    }

    /**
     * Two figures: the snapshot the other engine serves from (updated by its poller, in the
     * background) and its export_metadata (which first catches up with the store).
     */
    @Test
    void aChangeThroughOneEngineIsSeenByTheOtherWithinOneSecond() throws Exception {
        long target = a.exportWithVersion().path("resource_version").asLong() + 1;
        a.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"seen\"}}");
        long started = System.nanoTime();
        while (b.engine.metadata().snapshot().resourceVersion() < target && System.nanoTime() - started < 5_000_000_000L) {
            Thread.sleep(20);
        }
        long served = (System.nanoTime() - started) / 1_000_000;
        while (!tracks(b, "seen") && System.nanoTime() - started < 5_000_000_000L) {
            Thread.sleep(20);
        }
        long exported = (System.nanoTime() - started) / 1_000_000;
        System.out.println("replica convergence: serving snapshot " + served + " ms, export_metadata " + exported + " ms");

        assertThat(b.engine.metadata().snapshot().resourceVersion()).isEqualTo(target);
        assertThat(served).isLessThan(1000);
        assertThat(exported).isLessThan(1000);
        assertThat(b.exportWithVersion()).isEqualTo(a.exportWithVersion());
    }

    @Test
    void aWriteThroughALaggingEngineBuildsOnTheLatestMetadata() {
        a.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"first_write\"}}");
        b.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"second_write\"}}");

        assertThat(tracks(a, "first_write")).isTrue();
        assertThat(tracks(a, "second_write")).isTrue();
    }

    @Test
    void ofTwoWritersWithTheSameResourceVersionExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long version = a.exportWithVersion().path("resource_version").asLong();
                String type = round % 2 == 0 ? "pg_track_table" : "pg_untrack_table";
                String body = "{\"type\": \"" + type + "\", \"resource_version\": " + version + ", \"args\": {\"table\": \"race\"}}";
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Http.Response>> calls = new ArrayList<>();
                for (EngineFixture engine : List.of(a, b)) {
                    calls.add(pool.submit(() -> {
                        go.await();
                        return engine.metadata(body);
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Response> call : calls) {
                    Http.Response response = call.get();
                    statuses.add(response.status());
                    if (response.status() == 409) {
                        assertThat(response.json().path("error").asText()).isEqualTo(
                                "metadata resource version referenced (" + version + ") did not match current version");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(a.exportWithVersion().path("resource_version").asLong()).isEqualTo(version + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEngineStartedLaterFindsTheStoredMetadata() {
        a.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");
        try (EngineFixture later = EngineFixture.on(a.databaseUrl, c -> c)) {
            assertThat(later.exportWithVersion()).isEqualTo(a.exportWithVersion());
        }
    }
}
