package junction.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junction.server.ServerConfig.Api;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/metrics}: scraped and parsed after known traffic; the secret and the API group enforced. */
class MetricsTest {
    static final String SECRET = "scrape-me";
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static GraphqlTestServer users;
    static EngineFixture engine;

    /** One sample of the exposition: name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    @BeforeAll
    static void start() {
        users = UserService.start();
        Set<Api> apis = new HashSet<>(Api.DEFAULT);
        apis.add(Api.METRICS);
        engine = EngineFixture.start("metrics", c -> c.withEnabledApis(apis).withMetricsSecret(SECRET)
                .withLog(new LogLines(), Set.of(), LogLevel.INFO));
        engine.runSqlOk("create table items (id int primary key, name text); insert into items values (1, 'a')");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"items\"}}");
        engine.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": {\"url\": \"" + users.url() + "\"}}}");
    }

    @AfterAll
    static void stop() {
        engine.close();
        users.close();
    }

    static HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + engine.engine.port() + "/v1/metrics")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<Sample> parse(String exposition) {
        Pattern line = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<Sample> samples = new ArrayList<>();
        for (String text : exposition.split("\n")) {
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            Matcher m = line.matcher(text);
            assertThat(m.matches()).as(text).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = label.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    /** The value of the one sample named so whose labels include {@code labels}; 0 when there is none. */
    static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> found = samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertThat(found.size()).as(name + labels).isLessThanOrEqualTo(1);
        return found.isEmpty() ? 0 : found.get(0).value();
    }

    @Test
    void countsMatchTheRequestsMade() throws Exception {
        List<Sample> before = parse(scrape("Bearer " + SECRET).body());
        for (int i = 0; i < 3; i++) {
            engine.gql("{ items_by_pk(id: 1) { name } }");
        }
        engine.gql("mutation { insert_items_one(object: {id: 2, name: \"b\"}) { id } }");
        engine.gql("{ nope }");
        engine.gql("{ nope }");
        engine.gql("{ user(id: 1) { name } }");
        HttpResponse<String> r = scrape("Bearer " + SECRET);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
        List<Sample> after = parse(r.body());

        Map<String, String> querySuccess = Map.of("operation_type", "query", "response_status", "success");
        assertThat(value(after, "hasura_graphql_requests_total", querySuccess)
                - value(before, "hasura_graphql_requests_total", querySuccess)).isEqualTo(4);
        Map<String, String> mutation = Map.of("operation_type", "mutation", "response_status", "success");
        assertThat(value(after, "hasura_graphql_requests_total", mutation)
                - value(before, "hasura_graphql_requests_total", mutation)).isEqualTo(1);
        Map<String, String> failed = Map.of("operation_type", "unknown", "response_status", "failed");
        assertThat(value(after, "hasura_graphql_requests_total", failed)
                - value(before, "hasura_graphql_requests_total", failed)).isEqualTo(2);
        assertThat(value(after, "hasura_graphql_execution_time_seconds_count", querySuccess)
                - value(before, "hasura_graphql_execution_time_seconds_count", querySuccess)).isEqualTo(4);
        assertThat(value(after, "hasura_graphql_execution_time_seconds_bucket", Map.of("operation_type", "query",
                "response_status", "success", "le", "+Inf"))).isEqualTo(value(after, "hasura_graphql_execution_time_seconds_count", querySuccess));

        Map<String, String> remote = Map.of("remote_schema", "users", "outcome", "success");
        assertThat(value(after, "junction_remote_requests_seconds_count", remote)
                - value(before, "junction_remote_requests_seconds_count", remote)).isEqualTo(1);
        assertThat(value(after, "junction_remote_requests_seconds_count", remote)).isGreaterThanOrEqualTo(2); // + introspection

        assertThat(value(after, "hikaricp_connections_max", Map.of("pool", "junction-default"))).isEqualTo(16);
        assertThat(after).anyMatch(s -> s.name().equals("hikaricp_connections_active") && "junction-metadata".equals(s.labels().get("pool")));

        Map<String, String> planHits = Map.of("cache", "plan_cache", "result", "hit");
        assertThat(value(after, "cache_gets_total", planHits) - value(before, "cache_gets_total", planHits)).isGreaterThanOrEqualTo(2);
        assertThat(value(after, "cache_gets_total", Map.of("cache", "schema_cache", "result", "hit"))).isPositive();
        assertThat(value(after, "junction_schema_builds_total", Map.of())).isPositive();
        assertThat(value(after, "junction_plan_prepared_total", Map.of())).isPositive();
        assertThat(value(after, "hasura_metadata_resource_version", Map.of()))
                .isEqualTo(engine.engine.metadata().snapshot().resourceVersion());
    }

    @Test
    void theSecretIsRequired() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(scrape(SECRET).statusCode()).isEqualTo(401);
        assertThat(scrape(null).body()).contains("\"code\":\"access-denied\"").doesNotContain("hasura_");
    }

    @Test
    void theEndpointIsServedOnlyWhenTheMetricsApiIsEnabled() {
        try (EngineFixture plain = EngineFixture.start("metrics_off", c -> c.withLog(new LogLines(), Set.of(), LogLevel.INFO))) {
            assertThat(plain.http.get("/v1/metrics").status()).isEqualTo(404);
        }
    }
}
