package junction.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import junction.json.Json;

/**
 * What Hasura's {@code GET /v1alpha1/config} shows of one JWT secret (its {@code JWTInfo}): where the
 * claims are and how they are encoded, never a key. {@code claims_namespace} is the namespace key or
 * the {@code claims_namespace_path}; with a {@code claims_map} the namespace is the default one and
 * the map is shown (its keys sorted, as Hasura's encoder writes them).
 */
public final class JwtInfo {
    private JwtInfo() {
    }

    public static ObjectNode of(JwtConfig secret) {
        ObjectNode info = Json.object();
        switch (secret.claims()) {
            case JwtClaims.Namespace ns -> {
                info.put("claims_namespace", ns.path().map(ClaimPath::text).orElse(ns.key()));
                info.put("claims_format", ns.stringified() ? "stringified_json" : "json");
                info.putNull("claims_map");
            }
            case JwtClaims.ClaimsMap map -> {
                info.put("claims_namespace", JwtClaims.DEFAULT_NAMESPACE);
                info.put("claims_format", "json");
                Map<String, JsonNode> entries = new TreeMap<>();
                entries.put(JwtClaims.DEFAULT_ROLE, mapped(map.defaultRole()));
                entries.put(JwtClaims.ALLOWED_ROLES, mapped(map.allowedRoles()));
                map.others().forEach((name, value) -> entries.put(name, mapped(value)));
                ObjectNode claimsMap = info.putObject("claims_map");
                entries.forEach(claimsMap::set);
            }
        }
        return info;
    }

    private static JsonNode mapped(JwtClaims.Mapped mapped) {
        if (mapped.path().isEmpty()) {
            return mapped.value().orElse(Json.NODES.nullNode());
        }
        ObjectNode node = Json.object().put("path", mapped.path().get().text());
        mapped.value().ifPresent(v -> node.set("default", v));
        return node;
    }
}
