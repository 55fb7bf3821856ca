package junction.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import junction.json.Json;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Tokens;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JWT mode over HTTP with an HS256 key: the session a token makes (seen by a remote schema and the
 * admin-only APIs), and every way a token is refused, each with Hasura's code and no data.
 */
class JwtAuthTest {
    static final String SECRET = "admin-s3cret";
    static final String KEY = "a-very-long-hmac-secret-of-32-characters-or-more!";
    static final String EXPORT = "{\"type\": \"export_metadata\", \"args\": {}}";
    static GraphqlTestServer users;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        users = UserService.start();
        f = EngineFixture.start("jwt_auth", c -> c.withAdminSecret(SECRET)
                .withJwtSecret(JwtConfig.parse(Tokens.config("HS256", KEY, "\"audience\": [\"app\", \"other\"], \"issuer\": \"https://issuer\""))));
        addUsers(f, users);
    }

    /** Adds the {@code users} remote schema, as admin (the engine has an admin secret). */
    static void addUsers(EngineFixture engine, GraphqlTestServer remote) {
        Http.Response added = engine.http.post("/v1/metadata", "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", "
                + "\"definition\": {\"url\": \"" + remote.url() + "\"}}}", Map.of("x-hasura-admin-secret", SECRET));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        f.close();
        users.close();
    }

    static ObjectNode claims(String role) {
        return Tokens.claims(role).put("aud", "app").put("iss", "https://issuer");
    }

    static String token(ObjectNode claims) {
        return Tokens.hs("HS256", KEY, claims);
    }

    static Http.Response query(String query, Map<String, String> headers) {
        return f.graphql(query, headers);
    }

    static Map<String, String> bearer(String token, String... more) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + token);
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    /** A refused GraphQL request: HTTP 200, one error with the code and message, no data, no token text. */
    static void refused(Map<String, String> headers, String code, String message) {
        Http.Response r = query("{ __typename }", headers);
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.has("data")).as(r.body()).isFalse();
        assertThat(body.path("errors").get(0).path("extensions").path("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo(message);
        headers.values().forEach(v -> {
            String secretPart = v.replace("Bearer ", "");
            if (secretPart.length() > 20) {
                assertThat(r.body()).doesNotContain(secretPart).doesNotContain(secretPart.split("\\.")[0]);
            }
        });
        assertThat(r.body()).doesNotContain(KEY);
    }

    @Test
    void aValidTokenMakesTheSessionTheRemoteSchemaSeesAndClientSessionHeadersAreIgnored() {
        Http.Response r = query("{ user(id: 1) { name } }", bearer(token(claims("user")), "x-hasura-user-id", "99",
                "x-hasura-org-id", "7"));
        assertThat(r.json().path("data").path("user").path("name").asText()).as(r.body()).isEqualTo("user1");
        Map<String, String> seen = users.lastHeaders();
        assertThat(seen).containsEntry("x-hasura-role", "user").containsEntry("x-hasura-user-id", "42")
                .doesNotContainKey("x-hasura-org-id").doesNotContainKey("authorization")
                .doesNotContainKey("x-hasura-admin-secret");
        assertThat(query("{ __typename }", bearer(token(claims("user")))).json().path("data").path("__typename").asText())
                .isEqualTo("query_root");
    }

    @Test
    void theRoleHeaderPicksAnAllowedRoleAndAnyOtherIsDenied() {
        query("{ user(id: 2) { name } }", bearer(token(claims("user")), "x-hasura-role", "editor"));
        assertThat(users.lastHeaders()).containsEntry("x-hasura-role", "editor");
        refused(bearer(token(claims("user")), "x-hasura-role", "admin"), "access-denied", "Your requested role is not in allowed roles");
    }

    @Test
    void timeIsCheckedForExpiryNotBeforeAndIssuedAt() {
        long now = Instant.now().getEpochSecond();
        refused(bearer(token(claims("user").put("exp", now - 60))), "invalid-jwt", "Could not verify JWT: JWTExpired");
        refused(bearer(token(claims("user").put("nbf", now + 600))), "invalid-jwt", "Could not verify JWT: JWTNotYetValid");
        refused(bearer(token(claims("user").put("iat", now + 600))), "invalid-jwt", "Could not verify JWT: JWTIssuedAtFuture");
    }

    @Test
    void audienceAndIssuerMustMatch() {
        refused(bearer(token(claims("user").put("aud", "elsewhere"))), "invalid-jwt", "Could not verify JWT: JWTNotInAudience");
        ObjectNode listed = claims("user");
        listed.putArray("aud").add("x").add("other");
        assertThat(query("{ __typename }", bearer(token(listed))).json().has("data")).isTrue();
        refused(bearer(token(claims("user").put("iss", "https://evil"))), "invalid-jwt", "Could not verify JWT: JWTNotInIssuer");
    }

    @Test
    void aWrongKeyATamperedPayloadAndAnUnsignedTokenAreRefused() {
        refused(bearer(Tokens.hs("HS256", "another-secret-that-is-long-enough-too!!", claims("user"))), "invalid-jwt",
                "Could not verify JWT: JWSError JWSInvalidSignature");
        ObjectNode promoted = claims("user");
        ((ObjectNode) promoted.path(Tokens.NAMESPACE)).putArray("x-hasura-allowed-roles").add("admin");
        refused(bearer(Tokens.tampered(token(claims("user")), promoted)), "invalid-jwt", "Could not verify JWT: JWSError JWSInvalidSignature");
        refused(bearer(Tokens.unsigned(claims("user"))), "invalid-jwt", "Could not verify JWT: JWSError JWSInvalidSignature");
        KeyPair rsa = Tokens.rsa();
        refused(bearer(Tokens.sign("RS256", rsa.getPrivate(), null, claims("user"))), "invalid-jwt", "Could not verify JWT: JWSError NoUsableKeys");
        refused(bearer("not-a-token"), "invalid-jwt",
                "Could not verify JWT: JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)");
    }

    @Test
    void missingAndInvalidClaimsHaveTheirCodes() {
        ObjectNode noRoles = claims("user");
        ((ObjectNode) noRoles.path(Tokens.NAMESPACE)).remove("x-hasura-allowed-roles");
        refused(bearer(token(noRoles)), "jwt-missing-role-claims", "JWT claim does not contain x-hasura-allowed-roles");
        ObjectNode noDefault = claims("user");
        ((ObjectNode) noDefault.path(Tokens.NAMESPACE)).remove("x-hasura-default-role");
        refused(bearer(token(noDefault)), "jwt-missing-role-claims", "JWT claim does not contain x-hasura-default-role");
        ObjectNode noNamespace = claims("user");
        noNamespace.remove(Tokens.NAMESPACE);
        refused(bearer(token(noNamespace)), "jwt-invalid-claims", "claims key: '" + Tokens.NAMESPACE + "' not found");
        ObjectNode numericId = claims("user");
        ((ObjectNode) numericId.path(Tokens.NAMESPACE)).put("x-hasura-user-id", 42);
        Http.Response r = query("{ __typename }", bearer(token(numericId)));
        assertThat(r.json().path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("jwt-invalid-claims");
        ObjectNode stringRoles = claims("user");
        ((ObjectNode) stringRoles.path(Tokens.NAMESPACE)).put("x-hasura-allowed-roles", "user");
        refused(bearer(token(stringRoles)), "jwt-invalid-claims",
                "invalid x-hasura-allowed-roles; should be a list of roles: expected an array");
    }

    @Test
    void aRequestWithoutTokenOrWithAMalformedHeaderIsRefused() {
        refused(Map.of(), "invalid-headers", "Missing 'Authorization' or 'Cookie' header in JWT authentication mode");
        refused(Map.of("Authorization", "Basic dXNlcjpwYXNz"), "invalid-headers", "Malformed Authorization header");
        refused(Map.of("Authorization", "Bearer"), "invalid-headers", "Malformed Authorization header");
    }

    @Test
    void theAdminSecretSkipsJwtAndAWrongOneIsRefused() {
        assertThat(f.http.post("/v1/metadata", EXPORT, Map.of("x-hasura-admin-secret", SECRET)).status()).isEqualTo(200);
        refused(Map.of("x-hasura-admin-secret", "wrong", "Authorization", "Bearer " + token(claims("user"))), "access-denied",
                "invalid x-hasura-admin-secret/x-hasura-access-key");
    }

    @Test
    void adminApisAreForAdminOnlyAndAJwtWithTheAdminRoleCountsAsAdmin() {
        String admin = token(claims("admin"));
        Http.Response export = f.http.post("/v1/metadata", EXPORT, bearer(admin));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(f.http.post("/v2/query", "{\"type\": \"run_sql\", \"args\": {\"sql\": \"select 1\"}}", bearer(admin)).status())
                .isEqualTo(200);
        String user = token(claims("user"));
        for (String path : new String[] {"/v1/metadata", "/v2/query", "/v1/query"}) {
            ApiError.of(f.http.post(path, EXPORT, bearer(user))).expect(400, "access-denied", "$.args", "restricted access : admin only");
            ApiError.of(f.http.post(path, EXPORT, bearer(token(claims("user").put("exp", 1)))))
                    .expect(400, "invalid-jwt", "$", "Could not verify JWT: JWTExpired");
            ApiError.of(f.http.post(path, EXPORT, Map.of())).expect(400, "invalid-headers", "$",
                    "Missing 'Authorization' or 'Cookie' header in JWT authentication mode");
        }
        Http.Response explain = f.http.post("/v1/graphql/explain", "{\"query\": {\"query\": \"{ __typename }\"}}", bearer(user));
        assertThat(explain.status()).isEqualTo(400);
        assertThat(explain.json().path("code").asText()).isEqualTo("access-denied");
    }

    @Test
    void withAnUnauthorizedRoleARequestWithoutTokenGetsItButABadTokenIsStillRefused() {
        try (EngineFixture anonymous = EngineFixture.on(f.databaseUrl, c -> c.withAdminSecret(SECRET).withUnauthorizedRole("anonymous")
                .withJwtSecret(JwtConfig.parse(Tokens.config("HS256", KEY, ""))))) {
            Http.Response r = anonymous.graphql("{ user(id: 3) { name } }", Map.of("x-hasura-role", "admin"));
            assertThat(r.json().path("data").path("user").path("name").asText()).as(r.body()).isEqualTo("user3");
            assertThat(users.lastHeaders()).containsEntry("x-hasura-role", "anonymous");
            JsonNode bad = anonymous.graphql("{ __typename }", bearer(token(claims("user").put("exp", 1)))).json();
            assertThat(bad.has("data")).isFalse();
            assertThat(bad.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("invalid-jwt");
            ApiError.of(anonymous.http.post("/v1/metadata", EXPORT, Map.of())).expect(400, "access-denied", "$.args",
                    "restricted access : admin only");
        }
    }

    @Test
    void theEngineDoesNotStartWithJwtButNoAdminSecret() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineFixture.on(f.databaseUrl,
                c -> c.withJwtSecret(JwtConfig.parse(Tokens.config("HS256", KEY, ""))))).hasStackTraceContaining(
                "Fatal Error : --jwt-secret (HASURA_GRAPHQL_JWT_SECRET) requires --admin-secret");
    }

    static String json(Object o) {
        return Json.write(Json.MAPPER.valueToTree(o));
    }
}
