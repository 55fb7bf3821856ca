package junction.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/**
 * Where a verified token keeps Hasura's claims, and how they become a {@link Session}: under a
 * namespace key or JSON path (as an object, or a JSON string with {@code stringified_json}), or
 * gathered by a {@code claims_map} of paths (with defaults) and literals. Error messages name the
 * claim, never its value.
 */
sealed interface JwtClaims {
    String ALLOWED_ROLES = "x-hasura-allowed-roles";
    String DEFAULT_ROLE = "x-hasura-default-role";
    String DEFAULT_NAMESPACE = "https://hasura.io/jwt/claims";
    /** Registered claims: a namespace path looks among the others only. */
    Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    /** The {@code x-hasura-*} claims of a verified payload (names lower-cased, values as in the token). */
    Map<String, JsonNode> extract(JsonNode payload);

    /** A namespace key ({@code path} empty) or a {@code claims_namespace_path}. */
    record Namespace(String key, Optional<ClaimPath> path, boolean stringified) implements JwtClaims {
        @Override
        public Map<String, JsonNode> extract(JsonNode payload) {
            Optional<JsonNode> found = path.isPresent()
                    ? path.get().find(unregistered(payload))
                    : Optional.ofNullable(REGISTERED.contains(key) ? null : payload.get(key));
            JsonNode claims = found.orElseThrow(() -> ApiException.of(Code.JWT_INVALID_CLAIMS, path
                    .map(p -> "claims not found at claims_namespace_path: '" + p.text() + "'")
                    .orElse("claims key: '" + key + "' not found")));
            if (stringified) {
                if (!claims.isTextual()) {
                    throw ApiException.of(Code.JWT_INVALID_CLAIMS, "expecting a string when claims_format is stringified_json");
                }
                String where = path.map(p -> "claims_namespace_path " + p.text()).orElse("claims_namespace " + key);
                try {
                    claims = Json.MAPPER.readTree(claims.asText());
                } catch (Exception e) {
                    claims = null;
                }
                if (claims == null || !claims.isObject()) {
                    throw ApiException.of(Code.JWT_INVALID_CLAIMS, "expecting stringified json at: '" + where + "'");
                }
            } else if (!claims.isObject()) {
                throw ApiException.of(Code.JWT_INVALID_CLAIMS, "expecting a json object when claims_format is json");
            }
            Map<String, JsonNode> out = new HashMap<>();
            claims.properties().forEach(e -> {
                String name = e.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("x-hasura-")) {
                    out.put(name, e.getValue());
                }
            });
            return out;
        }
    }

    private static JsonNode unregistered(JsonNode payload) {
        ObjectNode copy = ((ObjectNode) payload).deepCopy();
        copy.remove(REGISTERED);
        return copy;
    }

    /** One entry of a {@code claims_map}: a path into the payload with an optional default, or a literal. */
    record Mapped(Optional<ClaimPath> path, Optional<JsonNode> value) {
        Optional<JsonNode> resolve(JsonNode payload) {
            return path.flatMap(p -> p.find(payload)).or(() -> value);
        }
    }

    /** A {@code claims_map}: the two role claims are mandatory, the other session variables optional. */
    record ClaimsMap(Mapped allowedRoles, Mapped defaultRole, Map<String, Mapped> others) implements JwtClaims {
        @Override
        public Map<String, JsonNode> extract(JsonNode payload) {
            Map<String, JsonNode> out = new HashMap<>();
            out.put(ALLOWED_ROLES, allowedRoles.resolve(payload).orElseThrow(() -> missing(ALLOWED_ROLES)));
            out.put(DEFAULT_ROLE, defaultRole.resolve(payload).orElseThrow(() -> missing(DEFAULT_ROLE)));
            others.forEach((name, mapped) -> out.put(name, mapped.resolve(payload).orElseThrow(() -> ApiException.of(
                    Code.JWT_INVALID_CLAIMS, "JWT claim from claims_map, " + name + " not found"))));
            return out;
        }
    }

    /**
     * The session of a token's claims: the role the request asks for in {@code x-hasura-role} (else
     * the default role) must be among the allowed roles; every other {@code x-hasura-*} claim is a
     * session variable, and must be a string.
     */
    static Session session(Map<String, JsonNode> claims, Optional<String> requestedRole) {
        JsonNode allowed = Optional.ofNullable(claims.get(ALLOWED_ROLES)).orElseThrow(() -> missing(ALLOWED_ROLES));
        JsonNode defaultRole = Optional.ofNullable(claims.get(DEFAULT_ROLE)).orElseThrow(() -> missing(DEFAULT_ROLE));
        List<String> allowedRoles = new ArrayList<>();
        if (!allowed.isArray()) {
            throw invalid("invalid " + ALLOWED_ROLES + "; should be a list of roles: expected an array");
        }
        for (JsonNode role : allowed) {
            if (!role.isTextual() || role.asText().isEmpty()) {
                throw invalid("invalid " + ALLOWED_ROLES + "; should be a list of roles: expected non-empty strings");
            }
            allowedRoles.add(role.asText());
        }
        if (!defaultRole.isTextual() || defaultRole.asText().isEmpty()) {
            throw invalid("invalid " + DEFAULT_ROLE + "; should be a single role name: expected a non-empty string");
        }
        String role = requestedRole.filter(r -> !r.isEmpty()).orElse(defaultRole.asText());
        if (!allowedRoles.contains(role)) {
            throw ApiException.of(Code.ACCESS_DENIED, "Your requested role is not in allowed roles");
        }
        Map<String, String> variables = new HashMap<>();
        claims.forEach((name, value) -> {
            if (name.equals(ALLOWED_ROLES) || name.equals(DEFAULT_ROLE)) {
                return;
            }
            if (!value.isTextual()) {
                throw invalid("x-hasura-* claims: parsing Text failed, expected String, but encountered "
                        + kind(value) + " (in " + name + ")");
            }
            variables.put(name, value.asText());
        });
        variables.put("x-hasura-role", role);
        return new Session(role, variables);
    }

    private static ApiException missing(String claim) {
        return ApiException.of(Code.JWT_MISSING_ROLE_CLAIMS, "JWT claim does not contain " + claim);
    }

    private static ApiException invalid(String message) {
        return ApiException.of(Code.JWT_INVALID_CLAIMS, message);
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "Number";
            case BOOLEAN -> "Boolean";
            case ARRAY -> "Array";
            case OBJECT -> "Object";
            case NULL -> "Null";
            default -> "String";
        };
    }
}
