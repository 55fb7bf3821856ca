package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import junction.json.Json;
import junction.server.Engine;
import junction.server.ServerConfig;
import junction.test.ChildJvm;
import junction.test.Http;
import junction.test.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * {@code junction serve} as a process, under the faults an operator meets: killed with {@code -9}
 * and started again, a port already taken, a SIGTERM while clients are busy.
 */
class ServeProcessTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final String KEPT = "{\"query\": \"{ kept { id } }\"}";
    private static final JsonNode KEPT_ROWS = Json.parse("{\"data\": {\"kept\": [{\"id\": 42}]}}");
    private static final JsonNode SLOW_ROWS = Json.parse("{\"data\": {\"slow\": [{\"id\": 1}]}}");

    @Test
    void aKilledEngineIsFollowedByAStartOnTheSameDataAndPortThatASecondEngineStillReaches() throws Exception {
        Path dataDir = Files.createTempDirectory("junction-serve");
        String pgPort = Integer.toString(freePort());
        String[] args = {"--data-dir", dataDir.toString(), "--pg-port", pgPort, "--port", "0"};
        Engine second = null;
        try {
            try (ChildJvm first = ChildJvm.serve(args)) {
                String url = first.awaitLine(Pattern.compile("share it with --database-url (\\S+)"), START).group(1);
                assertThat(url).isEqualTo("postgres://postgres:postgres@localhost:" + pgPort + "/postgres");
                Http http = new Http("http://localhost:" + first.awaitServing(START));
                http.post("/v2/query", "{\"type\": \"run_sql\", \"args\": {\"sql\": \"create table kept (id int primary key); insert into kept values (42)\"}}");
                http.post("/v1/metadata", "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"kept\"}}");
                second = Engine.start(ServerConfig.forDatabase(url).withPort(0).withGracefulShutdownSeconds(1));
                assertThat(new Http("http://localhost:" + second.port()).post("/v1/graphql", KEPT).json()).isEqualTo(KEPT_ROWS);

                first.kill(); // its PostgreSQL, started by pg_ctl, is not its child: it stays behind with the directory and port
            }
            try (ChildJvm restarted = ChildJvm.serve(args)) {
                Http http = new Http("http://localhost:" + restarted.awaitServing(START));
                assertThat(restarted.output()).contains("left running on").contains("localhost:" + pgPort);
                assertThat(http.post("/v1/graphql", KEPT).json()).isEqualTo(KEPT_ROWS);
                assertThat(eventually(new Http("http://localhost:" + second.port()), KEPT, Duration.ofSeconds(15)))
                        .as("the second engine, on the URL the first printed").isEqualTo(KEPT_ROWS);

                restarted.terminate();
                assertThat(restarted.awaitExit(Duration.ofSeconds(60))).as(restarted.output()).isZero();
                assertThat(dataDir.resolve("pgdata/postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();
            }
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void aPortInUseEndsServeWithAMessageAndExitCodeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String port = Integer.toString(taken.getLocalPort());
            try (ChildJvm serve = ChildJvm.serve("--database-url", TestPostgres.newDatabase("port_in_use"), "--port", port)) {
                assertThat(serve.awaitExit(START)).isEqualTo(1);
                assertThat(serve.output()).contains("junction: cannot listen on 0.0.0.0:" + port + " (is the port already in use?")
                        .doesNotContain("serving on");
            }
            Path dataDir = Files.createTempDirectory("junction-pg-port");
            try (ChildJvm serve = ChildJvm.serve("--data-dir", dataDir.toString(), "--pg-port", port, "--port", "0")) {
                assertThat(serve.awaitExit(START)).isEqualTo(1);
                assertThat(serve.output()).contains("junction: port " + port + " for the embedded PostgreSQL is already in use"
                        + " by another program; choose another with --pg-port or JUNCTION_PG_PORT");
            }
        }
    }

    @Test
    void sigtermLetsEveryRequestSentBeforeItFinishThenExitsZero() throws Exception {
        String database = TestPostgres.newDatabase("sigterm");
        TestPostgres.sql(database, "create view slow as select 1 as id from pg_sleep(1)");
        try (ChildJvm serve = ChildJvm.serve("--database-url", database, "--port", "0")) {
            String base = "http://localhost:" + serve.awaitServing(START);
            new Http(base).post("/v1/metadata", "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"slow\"}}");
            Load load = new Load(base, 8);
            load.awaitAnswers(16);

            long signalled = System.nanoTime();
            serve.terminate();
            load.join();
            assertThat(serve.awaitExit(Duration.ofSeconds(60))).as(serve.output()).isZero();

            List<Outcome> before = load.outcomes.stream().filter(o -> o.sent() < signalled).toList();
            List<Outcome> after = load.outcomes.stream().filter(o -> o.sent() >= signalled).toList();
            assertThat(before).as("requests sent before SIGTERM").allMatch(o -> o.kind() == Kind.ANSWERED);
            assertThat(before).as("requests in flight at SIGTERM, answered after it")
                    .filteredOn(o -> o.ended() > signalled).isNotEmpty();
            assertThat(after).as("requests sent after SIGTERM: answered, or refused by the stopped engine")
                    .allMatch(o -> o.kind() != Kind.WRONG);
            System.out.println("SIGTERM under load: " + before.size() + " requests sent before it, all answered ("
                    + before.stream().filter(o -> o.ended() > signalled).count() + " after it); after it: "
                    + after.stream().collect(java.util.stream.Collectors.groupingBy(Outcome::kind, java.util.stream.Collectors.counting())));
        }
    }

    enum Kind { ANSWERED, WRONG, REFUSED, CLOSED }

    record Outcome(long sent, long ended, Kind kind, String detail) {
    }

    /**
     * Clients sending a 1 s query in a loop (longer than the web server's default 0.5 s grace, which
     * cut such requests off before), each until the engine refuses or closes its connection.
     */
    private static final class Load {
        final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final List<Thread> clients = new ArrayList<>();

        Load(String base, int clientCount) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/graphql"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ slow { id } }\"}")).build();
            for (int i = 0; i < clientCount; i++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    for (Kind kind = Kind.ANSWERED; kind == Kind.ANSWERED || kind == Kind.WRONG; ) {
                        long sent = System.nanoTime();
                        String detail = "";
                        try {
                            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                            boolean right = r.statusCode() == 200 && Json.parse(r.body()).equals(SLOW_ROWS);
                            kind = right ? Kind.ANSWERED : Kind.WRONG;
                            detail = r.statusCode() + " " + r.body();
                        } catch (ConnectException e) {
                            kind = Kind.REFUSED;
                        } catch (IOException e) {
                            kind = Kind.CLOSED;
                            detail = e.toString();
                        } catch (InterruptedException e) {
                            return;
                        }
                        outcomes.add(new Outcome(sent, System.nanoTime(), kind, detail));
                    }
                }));
            }
        }

        void awaitAnswers(int count) throws InterruptedException {
            while (outcomes.size() < count) {
                Thread.sleep(20);
            }
        }

        void join() throws InterruptedException {
            for (Thread t : clients) {
                t.join(Duration.ofSeconds(60));
            }
        }
    }

    private static JsonNode eventually(Http http, String query, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = Json.object();
        while (System.nanoTime() < deadline) {
            last = http.post("/v1/graphql", query).json();
            if (last.equals(KEPT_ROWS)) {
                return last;
            }
            Thread.sleep(200);
        }
        return last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
