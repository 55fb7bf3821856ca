package junction.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import junction.json.Json;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.LocalHttpServer;
import junction.test.LocalHttpServer.Answer;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook mode over HTTP: a real hook server answering 200/401/500 or too late, GET and POST, and caching. */
class WebhookAuthTest {
    static final String SECRET = "admin-s3cret";
    static final String EXPORT = "{\"type\": \"export_metadata\", \"args\": {}}";
    static final String USER = "{\"X-Hasura-Role\": \"user\", \"X-Hasura-User-Id\": \"7\"}";
    static GraphqlTestServer users;
    static LocalHttpServer hook;
    static EngineFixture get;
    static EngineFixture post;

    @BeforeAll
    static void start() {
        users = UserService.start();
        hook = new LocalHttpServer(r -> Answer.json(200, USER));
        get = EngineFixture.start("webhook", c -> c.withAdminSecret(SECRET)
                .withAuthHook(new AuthHook(URI.create(hook.url()), AuthHook.Mode.GET, Duration.ofMillis(700))));
        Http.Response added = get.http.post("/v1/metadata", "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", "
                + "\"definition\": {\"url\": \"" + users.url() + "\"}}}", Map.of("x-hasura-admin-secret", SECRET));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        // started after the remote schema exists, so that it has it from its first load
        post = EngineFixture.on(get.databaseUrl, c -> c.withAdminSecret(SECRET)
                .withAuthHook(new AuthHook(URI.create(hook.url()), AuthHook.Mode.POST, Duration.ofMillis(700))));
    }

    @AfterAll
    static void stop() {
        post.close();
        get.close();
        hook.close();
        users.close();
    }

    @BeforeEach
    void answerAsUser() {
        hook.answer(r -> Answer.json(200, USER));
    }

    static JsonNode error(EngineFixture f, Map<String, String> headers) {
        JsonNode body = f.graphql("{ __typename }", headers).json();
        assertThat(body.has("data")).as(body.toString()).isFalse();
        return body.path("errors").get(0);
    }

    @Test
    void getForwardsTheClientHeadersAndTheAnswerIsTheSession() {
        Http.Response r = get.graphql("{ user(id: 1) { name } }", Map.of("Authorization", "Bearer abc", "x-hasura-user-id", "99"));
        assertThat(r.json().path("data").path("user").path("name").asText()).as(r.body()).isEqualTo("user1");
        LocalHttpServer.Request seen = hook.lastRequest();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.headers()).containsEntry("authorization", "Bearer abc").containsEntry("x-hasura-user-id", "99")
                .doesNotContainKey("content-type");
        assertThat(users.lastHeaders()).containsEntry("x-hasura-role", "user").containsEntry("x-hasura-user-id", "7");
    }

    @Test
    void postSendsTheHeadersAndTheRequest() {
        post.graphql("{ user(id: 2) { name } }", Map.of("Authorization", "Bearer xyz"));
        LocalHttpServer.Request seen = hook.lastRequest();
        assertThat(seen.method()).isEqualTo("POST");
        JsonNode body = Json.parse(seen.body());
        assertThat(body.path("headers").path("authorization").asText()).isEqualTo("Bearer xyz");
        assertThat(body.path("request").path("query").asText()).isEqualTo("{ user(id: 2) { name } }");
        assertThat(users.lastHeaders()).containsEntry("x-hasura-user-id", "7");
        post.http.post("/v1/metadata", EXPORT, Map.of("Authorization", "Bearer xyz"));
        assertThat(Json.parse(hook.lastRequest().body()).path("request").isNull()).isTrue();
    }

    @Test
    void a401IsAccessDeniedAnythingElseIsAClearError() {
        hook.answer(r -> Answer.json(401, "{}"));
        JsonNode denied = error(get, Map.of("Authorization", "Bearer bad"));
        assertThat(denied.path("extensions").path("code").asText()).isEqualTo("access-denied");
        assertThat(denied.path("message").asText()).isEqualTo("Authentication hook unauthorized this request");
        ApiError.of(get.http.post("/v1/metadata", EXPORT, Map.of("Authorization", "Bearer bad")))
                .expect(401, "access-denied", "$", "Authentication hook unauthorized this request");

        hook.answer(r -> Answer.json(500, "{\"secret\": \"stack trace\"}"));
        JsonNode failed = error(post, Map.of("Authorization", "Bearer x"));
        assertThat(failed.path("extensions").path("code").asText()).isEqualTo("unexpected");
        assertThat(failed.path("message").asText()).isEqualTo("Invalid response from authorization hook");
        ApiError.of(get.http.post("/v1/metadata", EXPORT, Map.of())).expect(500, "unexpected", "$",
                "Invalid response from authorization hook");

        hook.answer(r -> Answer.json(200, "{\"X-Hasura-User-Id\": \"1\"}"));
        assertThat(error(get, Map.of()).path("message").asText()).isEqualTo("x-hasura-role not found in session variables");
        hook.answer(r -> Answer.json(200, "[1]"));
        assertThat(error(get, Map.of()).path("extensions").path("code").asText()).isEqualTo("unexpected");
    }

    @Test
    void aHookThatAnswersTooLateFailsTheRequest() {
        hook.answer(r -> Answer.json(200, USER).delayed(2000));
        JsonNode late = error(get, Map.of("Authorization", "Bearer slow"));
        assertThat(late.path("extensions").path("code").asText()).isEqualTo("unexpected");
        assertThat(late.path("message").asText()).isEqualTo("webhook authentication request failed");
    }

    @Test
    void anAnswerWithCacheControlIsReusedForTheSameCredentialsOnly() {
        hook.answer(r -> Answer.json(200, "{\"X-Hasura-Role\": \"user\", \"X-Hasura-User-Id\": \"5\", \"Cache-Control\": \"max-age=60\"}"));
        int before = hook.requestCount();
        for (int i = 0; i < 3; i++) {
            assertThat(get.graphql("{ __typename }", Map.of("Authorization", "Bearer cached-1")).json().has("data")).isTrue();
        }
        assertThat(hook.requestCount()).isEqualTo(before + 1);
        get.graphql("{ __typename }", Map.of("Authorization", "Bearer cached-2"));
        assertThat(hook.requestCount()).isEqualTo(before + 2);

        hook.answer(r -> Answer.json(200, USER).withHeader("Cache-Control", "max-age=60"));
        get.graphql("{ __typename }", Map.of("Authorization", "Bearer header-cached"));
        get.graphql("{ __typename }", Map.of("Authorization", "Bearer header-cached"));
        assertThat(hook.requestCount()).isEqualTo(before + 3);

        hook.answer(r -> Answer.json(200, USER));
        get.graphql("{ __typename }", Map.of("Authorization", "Bearer uncached"));
        get.graphql("{ __typename }", Map.of("Authorization", "Bearer uncached"));
        assertThat(hook.requestCount()).isEqualTo(before + 5);
    }

    @Test
    void theAdminSecretSkipsTheHookAndAHookAdminRoleIsAdmin() {
        int before = hook.requestCount();
        assertThat(get.http.post("/v1/metadata", EXPORT, Map.of("x-hasura-admin-secret", SECRET)).status()).isEqualTo(200);
        assertThat(hook.requestCount()).isEqualTo(before);
        ApiError.of(get.http.post("/v1/metadata", EXPORT, Map.of("Authorization", "Bearer u")))
                .expect(400, "access-denied", "$.args", "restricted access : admin only");
        hook.answer(r -> Answer.json(200, "{\"X-Hasura-Role\": \"admin\"}"));
        assertThat(get.http.post("/v1/metadata", EXPORT, Map.of("Authorization", "Bearer a")).status()).isEqualTo(200);
    }

    @Test
    void theUnauthorizedRoleIsRefusedWithAHookAsInHasura() {
        assertThatThrownBy(() -> EngineFixture.on(get.databaseUrl, c -> c.withAdminSecret(SECRET).withUnauthorizedRole("anonymous")
                .withAuthHook(new AuthHook(URI.create(hook.url()), AuthHook.Mode.GET, Duration.ofSeconds(1)))))
                .hasStackTraceContaining("is not allowed when --auth-hook (HASURA_GRAPHQL_AUTH_HOOK) is set");
    }
}
