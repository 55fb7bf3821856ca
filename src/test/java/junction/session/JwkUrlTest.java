package junction.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import junction.test.EngineFixture;
import junction.test.LocalHttpServer;
import junction.test.TestPostgres;
import junction.test.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code jwk_url}: a JWK set served by a local HTTP server that rotates its keys and sets cache
 * headers; the engine fetches it at start, again when the cache time has passed (in the background)
 * or when a token names an unknown {@code kid} (at most once per interval), and keeps its last good
 * keys while the URL is down.
 */
class JwkUrlTest {
    static final String SECRET = "admin-s3cret";
    static final KeyPair K1 = Tokens.rsa();
    static final KeyPair K2 = Tokens.rsa();
    static final KeyPair K3 = Tokens.rsa();
    static String database;

    @BeforeAll
    static void database() {
        database = TestPostgres.newDatabase("jwk_url");
    }

    static String jwks(Map<String, KeyPair> keys) {
        List<com.nimbusds.jose.jwk.JWK> jwks = keys.entrySet().stream()
                .map(e -> (com.nimbusds.jose.jwk.JWK) new RSAKey.Builder((RSAPublicKey) e.getValue().getPublic()).keyID(e.getKey()).build())
                .toList();
        return new JWKSet(jwks).toString();
    }

    static EngineFixture engine(LocalHttpServer jwks) {
        return EngineFixture.on(database, c -> c.withAdminSecret(SECRET)
                .withJwtSecret(JwtConfig.parse("{\"jwk_url\": \"" + jwks.url() + "\"}")));
    }

    static JsonNode typename(EngineFixture f, String token) {
        return f.graphql("{ __typename }", Map.of("Authorization", "Bearer " + token)).json();
    }

    static String token(KeyPair key, String kid) {
        return Tokens.sign("RS256", key.getPrivate(), kid, Tokens.claims("user"));
    }

    @Test
    void keysAreCachedPerMaxAgeAndAnUnknownKidFetchesAgainAtMostOncePerInterval() {
        AtomicReference<String> served = new AtomicReference<>(jwks(Map.of("k1", K1)));
        try (LocalHttpServer server = new LocalHttpServer(r -> LocalHttpServer.Answer.json(200, served.get())
                .withHeader("Cache-Control", "public, max-age=3600"));
             EngineFixture f = engine(server)) {
            assertThat(server.requestCount()).isEqualTo(1);
            for (int i = 0; i < 20; i++) {
                assertThat(typename(f, token(K1, "k1")).path("data").path("__typename").asText()).isEqualTo("query_root");
            }
            assertThat(server.requestCount()).isEqualTo(1);

            served.set(jwks(Map.of("k2", K2)));
            assertThat(typename(f, token(K2, "k2")).path("data").path("__typename").asText()).isEqualTo("query_root");
            assertThat(server.requestCount()).isEqualTo(2);

            served.set(jwks(Map.of("k2", K2, "k3", K3)));
            JsonNode refused = typename(f, token(K3, "k3"));
            assertThat(refused.path("errors").get(0).path("message").asText()).isEqualTo("Could not verify JWT: JWSError NoUsableKeys");
            assertThat(refused.has("data")).isFalse();
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(typename(f, token(K1, "k1")).path("errors").get(0).path("extensions").path("code").asText())
                    .isEqualTo("invalid-jwt");
        }
    }

    @Test
    void pastMaxAgeTheSetIsFetchedAgainInTheBackgroundAndTheLastGoodKeysServeWhileTheUrlIsDown() throws Exception {
        AtomicReference<LocalHttpServer.Answer> answer = new AtomicReference<>(LocalHttpServer.Answer.json(200, jwks(Map.of("k1", K1)))
                .withHeader("Cache-Control", "max-age=1"));
        try (LocalHttpServer server = new LocalHttpServer(r -> answer.get()); EngineFixture f = engine(server)) {
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(typename(f, token(K1, "k1")).has("data")).isTrue();
            answer.set(LocalHttpServer.Answer.json(503, "{}"));
            Thread.sleep(1200);
            assertThat(typename(f, token(K1, "k1")).has("data")).isTrue();
            waitFor(() -> server.requestCount() >= 2);
            for (int i = 0; i < 5; i++) {
                assertThat(typename(f, token(K1, "k1")).has("data")).isTrue();
            }
            answer.set(LocalHttpServer.Answer.json(200, jwks(Map.of("k2", K2))).withHeader("Expires", "Thu, 01 Jan 2099 00:00:00 GMT"));
            Thread.sleep(1200);
            typename(f, token(K1, "k1"));
            waitFor(() -> typename(f, token(K2, "k2")).has("data"));
            int fetched = server.requestCount();
            for (int i = 0; i < 5; i++) {
                assertThat(typename(f, token(K2, "k2")).has("data")).isTrue();
            }
            assertThat(server.requestCount()).isEqualTo(fetched);
        }
    }

    @Test
    void theEngineDoesNotStartWhenTheFirstFetchFails() {
        try (LocalHttpServer server = new LocalHttpServer(r -> LocalHttpServer.Answer.json(500, "{}"))) {
            assertThatThrownBy(() -> engine(server)).hasStackTraceContaining("Non-2xx response on fetching JWK from");
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 50 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
