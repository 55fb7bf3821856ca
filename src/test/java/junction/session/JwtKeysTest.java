package junction.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Tokens;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every key type and claims option of a JWT configuration, over HTTP, as one
 * {@code HASURA_GRAPHQL_JWT_SECRETS} list whose entries each read their token from a header of
 * their own (and one from a cookie).
 */
class JwtKeysTest {
    static final String SECRET = "admin-s3cret";
    static final KeyPair RSA = Tokens.rsa();
    static final KeyPair P256 = Tokens.ec("secp256r1");
    static final KeyPair P384 = Tokens.ec("secp384r1");
    static final KeyPair P521 = Tokens.ec("secp521r1");
    static final KeyPair ED = Tokens.ed25519();
    static final String HS_PATH = "secret-of-the-cookie-configuration-0123456789";
    static final String HS_STRING = "secret-of-the-stringified-configuration-01234567";
    static final String HS_MAP = "secret-of-the-claims-map-configuration-0123456789-0123456789-0123";
    static final String HS_SKEW = "secret-of-the-skew-configuration-0123456789";
    static PrivateKey certKey;
    static GraphqlTestServer users;
    static EngineFixture f;

    @BeforeAll
    static void start() throws Exception {
        Certificate cert = certificate();
        byte[] spki = RSA.getPublic().getEncoded();
        String pkcs1 = Tokens.pem("RSA PUBLIC KEY", Arrays.copyOfRange(spki, 24, spki.length));
        String secrets = "[" + String.join(",", List.of(
                Tokens.config("RS256", Tokens.pem(RSA.getPublic()), header("x-rs")),
                Tokens.config("RS512", Tokens.pem("CERTIFICATE", cert.getEncoded()), header("x-cert")),
                Tokens.config("RS256", pkcs1, header("x-pkcs1")),
                Tokens.config("ES256", Tokens.pem(P256.getPublic()), header("x-es256")),
                Tokens.config("ES384", Tokens.pem(P384.getPublic()), header("x-es384")),
                Tokens.config("ES512", Tokens.pem(P521.getPublic()), header("x-es512")),
                Tokens.config("Ed25519", Tokens.pem(ED.getPublic()), header("x-ed")),
                Tokens.config("HS256", HS_PATH, "\"claims_namespace_path\": \"$.hasura['claims']\", \"header\": {\"type\": \"Cookie\", \"name\": \"jwt\"}"),
                Tokens.config("HS384", HS_STRING, "\"claims_namespace\": \"claims\", \"claims_format\": \"stringified_json\", " + header("x-str")),
                Tokens.config("HS512", HS_MAP, "\"claims_map\": {\"x-hasura-allowed-roles\": {\"path\": \"$.roles\"}, "
                        + "\"x-hasura-default-role\": {\"path\": \"$.role\", \"default\": \"user\"}, "
                        + "\"x-hasura-user-id\": {\"path\": \"$.profile.ids[0]\"}, \"x-hasura-org-id\": {\"path\": \"$.org\", \"default\": \"none\"}, "
                        + "\"x-hasura-tenant\": \"acme\"}, " + header("x-map")),
                Tokens.config("HS256", HS_SKEW, "\"allowed_skew\": 120, " + header("x-skew")))) + "]";
        users = UserService.start();
        f = EngineFixture.start("jwt_keys", c -> {
            junction.server.ServerConfig out = c.withAdminSecret(SECRET);
            for (JwtConfig config : JwtConfig.parseList(secrets)) {
                out = out.withJwtSecret(config);
            }
            return out;
        });
        JwtAuthTest.addUsers(f, users);
    }

    @AfterAll
    static void stop() {
        f.close();
        users.close();
    }

    static String header(String name) {
        return "\"header\": {\"type\": \"CustomHeader\", \"name\": \"" + name + "\"}";
    }

    /** An RSA certificate made by the JDK's keytool, with its private key. */
    static Certificate certificate() throws Exception {
        Path dir = Files.createTempDirectory("jwt-cert");
        Path store = dir.resolve("k.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "k", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=junction-test", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            keyStore.load(in, "changeit".toCharArray());
        }
        certKey = (PrivateKey) keyStore.getKey("k", "changeit".toCharArray());
        return keyStore.getCertificate("k");
    }

    static JsonNode typename(Map<String, String> headers) {
        return f.graphql("{ __typename }", headers).json();
    }

    static void accepted(Map<String, String> headers) {
        JsonNode body = typename(headers);
        assertThat(body.path("data").path("__typename").asText()).as(body.toString()).isEqualTo("query_root");
    }

    static void refused(Map<String, String> headers, String code) {
        JsonNode body = typename(headers);
        assertThat(body.has("data")).as(body.toString()).isFalse();
        assertThat(body.path("errors").get(0).path("extensions").path("code").asText()).as(body.toString()).isEqualTo(code);
    }

    @Test
    void rsaKeysFromPemCertificateAndPkcs1VerifyEveryRsAlgorithm() {
        for (String alg : Tokens.algorithms("RS")) {
            accepted(Map.of("x-rs", Tokens.sign(alg, RSA.getPrivate(), null, Tokens.claims("user"))));
            accepted(Map.of("x-pkcs1", Tokens.sign(alg, RSA.getPrivate(), null, Tokens.claims("user"))));
            accepted(Map.of("x-cert", Tokens.sign(alg, certKey, null, Tokens.claims("user"))));
        }
        refused(Map.of("x-cert", Tokens.sign("RS256", RSA.getPrivate(), null, Tokens.claims("user"))), "invalid-jwt");
    }

    @Test
    void ecAndEd25519KeysVerifyTheirTokensAndNothingElse() {
        accepted(Map.of("x-es256", Tokens.sign("ES256", P256.getPrivate(), null, Tokens.claims("user"))));
        accepted(Map.of("x-es384", Tokens.sign("ES384", P384.getPrivate(), null, Tokens.claims("user"))));
        accepted(Map.of("x-es512", Tokens.sign("ES512", P521.getPrivate(), null, Tokens.claims("user"))));
        accepted(Map.of("x-ed", Tokens.sign("EdDSA", ED.getPrivate(), null, Tokens.claims("user"))));
        refused(Map.of("x-ed", Tokens.sign("EdDSA", Tokens.ed25519().getPrivate(), null, Tokens.claims("user"))), "invalid-jwt");
        refused(Map.of("x-es256", Tokens.sign("ES256", Tokens.ec("secp256r1").getPrivate(), null, Tokens.claims("user"))), "invalid-jwt");
    }

    @Test
    void anHmacTokenSignedWithTheRsaPublicKeyAsSecretIsRefused() {
        String confused = Tokens.hs("HS256", Tokens.pem(RSA.getPublic()), Tokens.claims("user"));
        JsonNode body = typename(Map.of("x-rs", confused));
        assertThat(body.has("data")).isFalse();
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("Could not verify JWT: JWSError NoUsableKeys");
    }

    @Test
    void twoTokensForTwoConfigurationsAreAmbiguous() {
        JsonNode body = typename(Map.of("x-rs", Tokens.sign("RS256", RSA.getPrivate(), null, Tokens.claims("user")),
                "x-ed", Tokens.sign("EdDSA", ED.getPrivate(), null, Tokens.claims("user"))));
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("Could not verify JWT: Multiple JWTs found");
        assertThat(body.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("invalid-headers");
    }

    @Test
    void aCookieAndAClaimsNamespacePath() {
        ObjectNode payload = Tokens.claims("user");
        JsonNode hasura = payload.remove(Tokens.NAMESPACE);
        payload.putObject("hasura").set("claims", hasura);
        accepted(Map.of("Cookie", "theme=dark; jwt=" + Tokens.hs("HS256", HS_PATH, payload)));
        refused(Map.of("Cookie", "jwt=" + Tokens.hs("HS256", HS_PATH, Tokens.claims("user"))), "jwt-invalid-claims");
        JsonNode noCookie = typename(Map.of("Cookie", "theme=dark"));
        assertThat(noCookie.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("invalid-headers");
    }

    @Test
    void stringifiedClaims() {
        ObjectNode payload = Tokens.claims("user");
        payload.put("claims", Json.write(payload.remove(Tokens.NAMESPACE)));
        f.graphql("{ user(id: 1) { name } }", Map.of("x-str", Tokens.hs("HS384", HS_STRING, payload)));
        assertThat(users.lastHeaders()).containsEntry("x-hasura-user-id", "42").containsEntry("x-hasura-role", "user");
        ObjectNode object = Tokens.claims("user");
        object.set("claims", object.remove(Tokens.NAMESPACE));
        JsonNode body = typename(Map.of("x-str", Tokens.hs("HS384", HS_STRING, object)));
        assertThat(body.path("errors").get(0).path("message").asText())
                .isEqualTo("expecting a string when claims_format is stringified_json");
        ObjectNode garbage = Tokens.claims("user");
        garbage.remove(Tokens.NAMESPACE);
        garbage.put("claims", "{not json");
        body = typename(Map.of("x-str", Tokens.hs("HS384", HS_STRING, garbage)));
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("expecting stringified json at: 'claims_namespace claims'");
    }

    @Test
    void aClaimsMapWithPathsDefaultsAndLiterals() {
        ObjectNode payload = Json.object().put("exp", Instant.now().getEpochSecond() + 60);
        payload.putArray("roles").add("user").add("manager");
        payload.putObject("profile").putArray("ids").add("17");
        Http.Response r = f.graphql("{ user(id: 1) { name } }", Map.of("x-map", Tokens.hs("HS512", HS_MAP, payload)));
        assertThat(r.json().has("data")).as(r.body()).isTrue();
        assertThat(users.lastHeaders()).containsEntry("x-hasura-role", "user").containsEntry("x-hasura-user-id", "17")
                .containsEntry("x-hasura-org-id", "none").containsEntry("x-hasura-tenant", "acme");
        payload.put("role", "manager").put("org", "o1");
        f.graphql("{ user(id: 1) { name } }", Map.of("x-map", Tokens.hs("HS512", HS_MAP, payload)));
        assertThat(users.lastHeaders()).containsEntry("x-hasura-role", "manager").containsEntry("x-hasura-org-id", "o1");
        ObjectNode noId = Json.object();
        noId.putArray("roles").add("user");
        JsonNode body = typename(Map.of("x-map", Tokens.hs("HS512", HS_MAP, noId)));
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("JWT claim from claims_map, x-hasura-user-id not found");
        assertThat(body.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("jwt-invalid-claims");
        ObjectNode noRoles = Json.object();
        noRoles.putObject("profile").putArray("ids").add("1");
        refused(Map.of("x-map", Tokens.hs("HS512", HS_MAP, noRoles)), "jwt-missing-role-claims");
    }

    @Test
    void theAllowedSkewStretchesExpiryAndNotBefore() {
        long now = Instant.now().getEpochSecond();
        accepted(Map.of("x-skew", Tokens.hs("HS256", HS_SKEW, Tokens.claims("user").put("exp", now - 60))));
        accepted(Map.of("x-skew", Tokens.hs("HS256", HS_SKEW, Tokens.claims("user").put("nbf", now + 60))));
        refused(Map.of("x-skew", Tokens.hs("HS256", HS_SKEW, Tokens.claims("user").put("exp", now - 200))), "invalid-jwt");
        refused(Map.of("x-rs", Tokens.sign("RS256", RSA.getPrivate(), null, Tokens.claims("user").put("exp", now - 60))), "invalid-jwt");
    }

    @Test
    void badConfigurationsAreRefusedWithAMessageThatDoesNotRepeatTheKey() {
        assertThatThrownBy(() -> JwtConfig.parse(Tokens.config("HS256", "short-secret", ""))).hasMessage(
                "Invalid JWK: Key size too small; should be atleast 32 characters").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> JwtConfig.parse(Tokens.config("HS512", HS_PATH, ""))).hasMessageContaining("atleast 64 characters");
        assertThatThrownBy(() -> JwtConfig.parse(Tokens.config("RS256", "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----", "")))
                .hasMessageStartingWith("Invalid JWK: Could not decode PEM");
        assertThatThrownBy(() -> JwtConfig.parse(Tokens.config("ES256", Tokens.pem(RSA.getPublic()), "")))
                .hasMessageStartingWith("Invalid JWK: Could not decode PEM");
        assertThatThrownBy(() -> JwtConfig.parse(Tokens.config("PS256", HS_PATH, ""))).hasMessage("Invalid JWK: Key type: PS256 is not supported");
        assertThatThrownBy(() -> JwtConfig.parse("{\"type\": \"HS256\"}")).hasMessage("key and jwk_url both cannot be empty");
        assertThatThrownBy(() -> JwtConfig.parse(Tokens.config("HS256", HS_PATH, "\"claims_namespace\": \"a\", \"claims_namespace_path\": \"$.b\"")))
                .hasMessage("claims_namespace and claims_namespace_path both cannot be set");
        assertThatThrownBy(() -> JwtConfig.parse(Tokens.config("HS256", HS_PATH, "\"header\": {\"type\": \"Query\"}")))
                .hasMessage("expected 'type' is 'Authorization' or 'Cookie' or 'CustomHeader'");
        assertThatThrownBy(() -> JwtConfig.parse(Tokens.config("HS256", HS_PATH, "\"claims_map\": {\"x-hasura-default-role\": \"user\"}")))
                .hasMessageContaining("x-hasura-allowed-roles is expected but not found");
        assertThat(JwtConfig.parse(Tokens.config("HS256", HS_PATH, "")).toString()).doesNotContain(HS_PATH);
    }
}
