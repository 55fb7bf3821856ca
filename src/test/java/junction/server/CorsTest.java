package junction.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import junction.server.ServerConfig.Api;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Browser apps on other origins, as Hasura serves them: CORS domains, preflights, and the enabled APIs. */
class CorsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static EngineFixture any;
    private static EngineFixture listed;
    private static EngineFixture disabled;

    @BeforeAll
    static void start() {
        any = EngineFixture.start("cors_any");
        listed = EngineFixture.on(any.databaseUrl,
                c -> c.withCors(CorsPolicy.parse("https://*.example.com, http://localhost:3000", false)));
        disabled = EngineFixture.on(any.databaseUrl, c -> c.withCors(CorsPolicy.parse("*", true)));
    }

    @AfterAll
    static void stop() {
        disabled.close();
        listed.close();
        any.close();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithWhatItAskedFor() throws Exception {
        HttpResponse<String> r = send(any, HttpRequest.newBuilder(uri(any, "/v1/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://app.test:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-hasura-role"));
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("access-control-allow-origin")).contains("http://app.test:5173");
        assertThat(r.headers().firstValue("access-control-allow-headers")).contains("content-type,x-hasura-role");
        assertThat(r.headers().firstValue("access-control-allow-methods")).contains("GET,POST,PUT,PATCH,DELETE,OPTIONS");
        assertThat(r.headers().firstValue("access-control-allow-credentials")).contains("true");
        assertThat(r.headers().firstValue("access-control-max-age")).contains("1728000");
    }

    @Test
    void aRequestFromAnAllowedOriginCarriesItsOriginBack() throws Exception {
        HttpResponse<String> r = post(any, "http://app.test");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"__typename\"");
        assertThat(r.headers().firstValue("access-control-allow-origin")).contains("http://app.test");
        assertThat(post(any, null).headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void aListAllowsItsOriginsAndOneLabelUnderItsWildcards() throws Exception {
        for (String allowed : new String[] {"https://app.example.com", "http://localhost:3000"}) {
            assertThat(post(listed, allowed).headers().firstValue("access-control-allow-origin")).as(allowed).contains(allowed);
        }
        for (String refused : new String[] {"https://example.com", "https://a.b.example.com", "http://app.example.com",
                "http://localhost:3001", "https://evil.test"}) {
            HttpResponse<String> r = post(listed, refused);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("access-control-allow-origin")).as(refused).isEmpty();
        }
        HttpResponse<String> preflight = send(listed, HttpRequest.newBuilder(uri(listed, "/v1/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.test"));
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void disabledCorsSendsNoHeaders() throws Exception {
        assertThat(post(disabled, "http://app.test").headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void anInvalidDomainIsRefusedWithHasurasMessage() {
        assertThatThrownBy(() -> CorsPolicy.parse("https://ok.com, ftp://x.com", false))
                .hasMessage("invalid domain: 'ftp://x.com'");
        assertThatThrownBy(() -> CorsPolicy.parse("", false)).hasMessage("invalid domain: ''");
    }

    @Test
    void anApiLeftOutOfTheEnabledApisAnswersNotFound() {
        try (EngineFixture graphqlOnly = EngineFixture.on(any.databaseUrl, c -> c.withEnabledApis(Set.of(Api.GRAPHQL)));
             EngineFixture metadataOnly = EngineFixture.on(any.databaseUrl, c -> c.withEnabledApis(Set.of(Api.METADATA)))) {
            assertThat(graphqlOnly.gql("{ __typename }").toString()).contains("query_root");
            for (String path : new String[] {"/v1/metadata", "/v2/query", "/v1/query"}) {
                var r = graphqlOnly.http.post(path, "{\"type\": \"export_metadata\", \"args\": {}}");
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.json().get("code").asText()).isEqualTo("not-found");
            }
            assertThat(metadataOnly.metadata("{\"type\": \"export_metadata\", \"args\": {}}").status()).isEqualTo(200);
            assertThat(metadataOnly.http.post("/v1/graphql", "{\"query\": \"{ __typename }\"}").status()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> post(EngineFixture engine, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(engine, "/v1/graphql"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}"))
                .header("content-type", "application/json");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(engine, request);
    }

    private static HttpResponse<String> send(EngineFixture engine, HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(EngineFixture engine, String path) {
        return URI.create("http://localhost:" + engine.engine.port() + path);
    }
}
