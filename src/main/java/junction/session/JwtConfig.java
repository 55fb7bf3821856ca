package junction.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import junction.json.Json;

/**
 * One {@code HASURA_GRAPHQL_JWT_SECRET}, parsed and checked when the engine starts: the key (or the
 * URL of a JWK set), where the claims are, the audience, issuer and skew to check, and where the
 * token travels. {@link #toString} shows no key.
 */
public record JwtConfig(List<VerifyingKey> keys, Optional<URI> jwkUrl, JwtClaims claims, List<String> audience,
                        Optional<String> issuer, Duration allowedSkew, TokenLocation header) {

    public JwtConfig {
        keys = List.copyOf(keys);
        audience = List.copyOf(audience);
    }

    /**
     * {@code HASURA_GRAPHQL_JWT_SECRET}.
     *
     * @throws IllegalArgumentException with a message for the operator, never containing the key
     */
    public static JwtConfig parse(String json) {
        return of(read(json));
    }

    /** {@code HASURA_GRAPHQL_JWT_SECRETS}: a JSON list of configurations. */
    public static List<JwtConfig> parseList(String json) {
        JsonNode list = read(json);
        if (!list.isArray()) {
            throw new IllegalArgumentException("expected a JSON list of JWT configurations");
        }
        List<JwtConfig> out = new ArrayList<>();
        for (JsonNode one : list) {
            out.add(of(one));
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not valid JSON");
        }
    }

    private static JwtConfig of(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        Optional<String> key = text(o, "key");
        Optional<String> url = text(o, "jwk_url");
        if (key.isEmpty() && url.isEmpty()) {
            throw new IllegalArgumentException("key and jwk_url both cannot be empty");
        }
        if (key.isPresent() && url.isPresent()) {
            throw new IllegalArgumentException("key, jwk_url both cannot be present");
        }
        List<VerifyingKey> keys = key.map(k -> List.of(key(text(o, "type")
                .orElseThrow(() -> new IllegalArgumentException("key 'type' is required with 'key'")), k))).orElse(List.of());
        Optional<URI> jwkUrl = url.map(JwtConfig::uri);
        return new JwtConfig(keys, jwkUrl, claims(o), audience(o.get("audience")), text(o, "issuer"), skew(o.get("allowed_skew")),
                header(o.get("header")));
    }

    private static VerifyingKey key(String type, String key) {
        return switch (type) {
            case "HS256" -> hmac(key, 256);
            case "HS384" -> hmac(key, 384);
            case "HS512" -> hmac(key, 512);
            case "RS256", "RS384", "RS512" -> VerifyingKey.of(PemKeys.parse(key, "RSA"), Optional.empty(), Optional.empty());
            case "ES256", "ES384", "ES512" -> VerifyingKey.of(PemKeys.parse(key, "EC"), Optional.empty(), Optional.empty());
            case "Ed25519" -> VerifyingKey.of(PemKeys.parse(key, "Ed25519"), Optional.empty(), Optional.empty());
            default -> throw new IllegalArgumentException("Invalid JWK: Key type: " + type + " is not supported");
        };
    }

    private static VerifyingKey hmac(String key, int bits) {
        byte[] secret = key.getBytes(StandardCharsets.UTF_8);
        if (secret.length < bits / 8) {
            throw new IllegalArgumentException("Invalid JWK: Key size too small; should be atleast " + bits / 8 + " characters");
        }
        return VerifyingKey.hmac(secret);
    }

    private static URI uri(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jwk_url is not an http(s) URL");
        }
    }

    private static JwtClaims claims(JsonNode o) {
        Optional<String> namespace = text(o, "claims_namespace");
        Optional<String> namespacePath = text(o, "claims_namespace_path");
        JsonNode map = o.get("claims_map");
        if (map != null && !map.isNull()) {
            return claimsMap(map);
        }
        if (namespace.isPresent() && namespacePath.isPresent()) {
            throw new IllegalArgumentException("claims_namespace and claims_namespace_path both cannot be set");
        }
        String format = text(o, "claims_format").orElse("json");
        if (!format.equals("json") && !format.equals("stringified_json")) {
            throw new IllegalArgumentException("claims_format must be 'json' or 'stringified_json'");
        }
        Optional<ClaimPath> path;
        try {
            path = namespacePath.map(ClaimPath::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JSON path claims_namespace_path error: " + e.getMessage());
        }
        return new JwtClaims.Namespace(namespace.orElse(JwtClaims.DEFAULT_NAMESPACE), path, format.equals("stringified_json"));
    }

    private static JwtClaims claimsMap(JsonNode map) {
        if (!map.isObject()) {
            throw new IllegalArgumentException("claims_map must be an object");
        }
        Map<String, JwtClaims.Mapped> entries = new LinkedHashMap<>();
        map.properties().forEach(e -> entries.put(e.getKey().toLowerCase(Locale.ROOT), mapped(e.getKey(), e.getValue())));
        JwtClaims.Mapped allowed = entries.remove(JwtClaims.ALLOWED_ROLES);
        JwtClaims.Mapped defaultRole = entries.remove(JwtClaims.DEFAULT_ROLE);
        if (allowed == null) {
            throw new IllegalArgumentException("claims_map: " + JwtClaims.ALLOWED_ROLES + " is expected but not found");
        }
        if (defaultRole == null) {
            throw new IllegalArgumentException("claims_map: " + JwtClaims.DEFAULT_ROLE + " is expected but not found");
        }
        return new JwtClaims.ClaimsMap(allowed, defaultRole, entries);
    }

    private static JwtClaims.Mapped mapped(String name, JsonNode value) {
        if (value.isObject()) {
            String path = text(value, "path").orElseThrow(() -> new IllegalArgumentException(
                    "claims_map: " + name + ": the key 'path' was not present"));
            try {
                return new JwtClaims.Mapped(Optional.of(ClaimPath.parse(path)), Optional.ofNullable(value.get("default")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("claims_map: " + name + ": " + e.getMessage());
            }
        }
        return new JwtClaims.Mapped(Optional.empty(), Optional.of(value));
    }

    private static List<String> audience(JsonNode audience) {
        if (audience == null || audience.isNull()) {
            return List.of();
        }
        if (audience.isTextual()) {
            return List.of(audience.asText());
        }
        if (audience.isArray()) {
            List<String> out = new ArrayList<>();
            audience.forEach(a -> out.add(a.asText()));
            return out;
        }
        throw new IllegalArgumentException("audience must be a string or a list of strings");
    }

    private static Duration skew(JsonNode skew) {
        if (skew == null || skew.isNull()) {
            return Duration.ZERO;
        }
        if (!skew.isNumber() || skew.asDouble() < 0) {
            throw new IllegalArgumentException("allowed_skew must be a number of seconds");
        }
        return Duration.ofMillis((long) (skew.asDouble() * 1000));
    }

    private static TokenLocation header(JsonNode header) {
        if (header == null || header.isNull()) {
            return new TokenLocation.Authorization();
        }
        String type = text(header, "type").orElse("").toLowerCase(Locale.ROOT);
        Optional<String> name = text(header, "name");
        return switch (type) {
            case "authorization" -> new TokenLocation.Authorization();
            case "cookie" -> new TokenLocation.Cookie(name.orElseThrow(() -> new IllegalArgumentException("header: the key 'name' was not present")));
            case "customheader" -> new TokenLocation.CustomHeader(name.orElseThrow(() -> new IllegalArgumentException("header: the key 'name' was not present")));
            default -> throw new IllegalArgumentException("expected 'type' is 'Authorization' or 'Cookie' or 'CustomHeader'");
        };
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode value = o.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    @Override
    public String toString() {
        return "JwtConfig[" + jwkUrl.map(u -> "jwk_url=" + u).orElse("key=<redacted>") + ", audience=" + audience + ", issuer="
                + issuer + ", header=" + header + "]";
    }
}
