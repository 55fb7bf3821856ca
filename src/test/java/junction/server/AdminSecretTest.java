package junction.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin secret on /v1/metadata and /v2/query, and the routes that need none. */
class AdminSecretTest {
    static final String EXPORT = "{\"type\": \"export_metadata\", \"args\": {}}";
    static final String SELECT = "{\"type\": \"run_sql\", \"args\": {\"sql\": \"select 1\"}}";
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("admin_secret", c -> c.withAdminSecret("s3cret"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Http.Response post(String path, String body, Map<String, String> headers) {
        return f.http.post(path, body, headers);
    }

    @Test
    void withoutTheSecretTheAdminApisAreDenied() {
        for (String[] call : new String[][] {{"/v1/metadata", EXPORT}, {"/v2/query", SELECT}}) {
            ApiError.of(post(call[0], call[1], Map.of())).expect(401, "access-denied", "$",
                    "x-hasura-admin-secret/x-hasura-access-key required, but not found");
        }
    }

    @Test
    void aWrongSecretIsDenied() {
        for (String[] call : new String[][] {{"/v1/metadata", EXPORT}, {"/v2/query", SELECT}}) {
            ApiError.of(post(call[0], call[1], Map.of("x-hasura-admin-secret", "wrong"))).expect(401, "access-denied", "$",
                    "invalid x-hasura-admin-secret/x-hasura-access-key");
        }
    }

    @Test
    void theRightSecretOrItsLegacyAliasIsAdmin() {
        assertThat(post("/v1/metadata", EXPORT, Map.of("x-hasura-admin-secret", "s3cret")).status()).isEqualTo(200);
        assertThat(post("/v1/metadata", EXPORT, Map.of("X-Hasura-Access-Key", "s3cret")).status()).isEqualTo(200);
        assertThat(post("/v2/query", SELECT, Map.of("x-hasura-admin-secret", "s3cret")).status()).isEqualTo(200);
        assertThat(post("/v1/metadata", EXPORT, Map.of("x-hasura-admin-secret", "s3cret", "x-hasura-role", "admin"))
                .status()).isEqualTo(200);
    }

    @Test
    void theSecretWithANonAdminRoleIsRestricted() {
        for (String[] call : new String[][] {{"/v1/metadata", EXPORT}, {"/v2/query", SELECT}}) {
            ApiError.of(post(call[0], call[1], Map.of("x-hasura-admin-secret", "s3cret", "x-hasura-role", "user")))
                    .expect(400, "access-denied", "$.args", "restricted access : admin only");
        }
    }

    @Test
    void healthAndVersionNeedNoSecretAndUnknownPathsAreNotFound() {
        Http.Response health = f.http.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("OK");
        assertThat(f.http.get("/v1/version").json().path("version").asText()).startsWith("v2.");

        ApiError.of(f.http.get("/v1/nothing-here")).expect(404, "not-found", "$", "resource does not exist");
        ApiError.of(post("/v1/nothing-here", "{}", Map.of())).expect(404, "not-found", "$", "resource does not exist");
    }
}
