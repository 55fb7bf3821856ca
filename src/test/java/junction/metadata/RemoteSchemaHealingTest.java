package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import junction.remote.RemoteRetry;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote schemas that could not be loaded heal on their own: retried in the background with
 * backoff, served again without a {@code reload_remote_schema}, without changing stored metadata or
 * its resource version; a removed remote is retried no more.
 */
class RemoteSchemaHealingTest {
    static final String INCONSISTENT = "{\"type\": \"get_inconsistent_metadata\", \"args\": {}}";
    static final String USER = "{ user(id: 1) { name } }";
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = EngineFixture.start("remote_healing",
                c -> c.withRemoteRetry(new RemoteRetry(Duration.ofMillis(50), Duration.ofSeconds(10))));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @BeforeEach
    void clean() {
        engine.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
    }

    static String add(String name, String url) {
        return "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"" + name + "\", \"definition\": {\"url\": \"" + url + "\"}}}";
    }

    /** Adds remote schema {@code name} at {@code url} although it cannot be loaded now. */
    static void addInconsistent(String name, String url) {
        String doc = "{\"version\": 3, \"sources\": " + engine.exportWithVersion().at("/metadata/sources")
                + ", \"remote_schemas\": [{\"name\": \"" + name + "\", \"definition\": {\"url\": \"" + url + "\"}}]}";
        engine.metadataOk("{\"type\": \"replace_metadata\", \"version\": 2, \"args\": "
                + "{\"allow_inconsistent_metadata\": true, \"metadata\": " + doc + "}}");
    }

    static GraphqlTestServer.Answer down() {
        return new GraphqlTestServer.Answer(503, "{\"errors\": [{\"message\": \"starting up\"}]}");
    }

    /** Waits up to {@code limit} for {@code condition}; how long it took. */
    static Duration await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aRemoteDownAtStartComesBackWithinTheRetryIntervalWithoutChangingMetadata() throws Exception {
        GraphqlTestServer first = UserService.start();
        int port = first.port();
        engine.metadataOk(add("users", first.url()));
        first.close();
        RemoteRetry retry = new RemoteRetry(Duration.ofMillis(100), Duration.ofMillis(400));
        try (EngineFixture restarted = EngineFixture.on(engine.databaseUrl, c -> c.withRemoteRetry(retry))) {
            assertThat(restarted.metadataOk(INCONSISTENT).get("is_consistent").asBoolean()).isFalse();
            assertThat(restarted.gql(USER).at("/errors/0/message").asText()).contains("user");
            JsonNode before = restarted.exportWithVersion();
            Thread.sleep(600); // long enough for the waits to reach their longest

            try (GraphqlTestServer back = new GraphqlTestServer(UserService.schemaOf(10), "127.0.0.1", port)) {
                Duration healed = await(Duration.ofSeconds(5),
                        () -> restarted.metadataOk(INCONSISTENT).get("is_consistent").asBoolean());
                assertThat(healed).isLessThan(retry.max().plusSeconds(1)); // one wait, and slack for a busy machine
                assertThat(restarted.metadataOk(INCONSISTENT).get("inconsistent_objects")).isEmpty();
                assertThat(restarted.gql(USER).at("/data/user/name").asText()).isEqualTo("user1");
                assertThat(restarted.exportWithVersion()).isEqualTo(before);
                assertThat(restarted.http.get("/healthz").body()).isEqualTo("OK");
            }
        }
    }

    @Test
    void retriesBackOffAndStopWhenTheRemoteIsRemoved() throws Exception {
        try (GraphqlTestServer flaky = UserService.start()) {
            List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
            flaky.override(r -> {
                arrivals.add(System.nanoTime());
                return down();
            });
            addInconsistent("flaky", flaky.url());
            Thread.sleep(1600);
            List<Long> seen = List.copyOf(arrivals);
            // the load by replace_metadata, then retries after ≤ 50, 100, 200, 400, 800 ms: at most 6 in
            // 1.6 s where a retry every 50 ms would make 32
            assertThat(seen.size()).isBetween(4, 7);
            long firstGap = seen.get(2) - seen.get(1);
            long lastGap = seen.get(seen.size() - 1) - seen.get(seen.size() - 2);
            assertThat(lastGap).as("waits grow").isGreaterThan(2 * firstGap);

            engine.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"flaky\"}}");
            int afterRemoval = flaky.requestCount();
            Thread.sleep(1700); // the next two retries were due within 400 + 800 ms
            assertThat(flaky.requestCount()).isEqualTo(afterRemoval);
        }
    }

    @Test
    void aRemoteThatRecoversHealsOnEveryReplicaWithoutStoringAnything() throws Exception {
        try (GraphqlTestServer flaky = UserService.start();
             EngineFixture replica = EngineFixture.on(engine.databaseUrl,
                     c -> c.withRemoteRetry(new RemoteRetry(Duration.ofMillis(50), Duration.ofMillis(200))))) {
            flaky.override(r -> down());
            addInconsistent("flaky", flaky.url());
            await(Duration.ofSeconds(5), () -> !replica.metadataOk(INCONSISTENT).get("is_consistent").asBoolean());
            JsonNode before = engine.exportWithVersion();
            flaky.override(null);
            await(Duration.ofSeconds(5), () -> engine.metadataOk(INCONSISTENT).get("is_consistent").asBoolean());
            await(Duration.ofSeconds(5), () -> replica.metadataOk(INCONSISTENT).get("is_consistent").asBoolean());
            assertThat(replica.gql(USER).at("/data/user/name").asText()).isEqualTo("user1");
            assertThat(engine.gql(USER).at("/data/user/name").asText()).isEqualTo("user1");
            assertThat(engine.exportWithVersion()).isEqualTo(before);
            assertThat(replica.exportWithVersion()).isEqualTo(before);
        }
    }
}
