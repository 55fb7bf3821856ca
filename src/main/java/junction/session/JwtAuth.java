package junction.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/**
 * JWT mode: the request's token (from the place each configuration names) is verified with the
 * configuration's keys and checked for time, audience and issuer, then its claims become the
 * session. Session variables come from the claims only, never from request headers. A request
 * without a token gets the unauthorized role if one is set. Errors name what failed, never the
 * token, a claim's value or a key.
 */
final class JwtAuth implements Authenticator {
    private record Context(JwtConfig config, JwkSource keys) {
    }

    private record Candidate(Context context, String token) {
    }

    private final List<Context> contexts;
    private final Optional<String> unauthorizedRole;
    private final Clock clock;

    private JwtAuth(List<Context> contexts, Optional<String> unauthorizedRole, Clock clock) {
        this.contexts = List.copyOf(contexts);
        this.unauthorizedRole = unauthorizedRole;
        this.clock = clock;
    }

    /** Fetches every {@code jwk_url} once: a failure stops the start. */
    static JwtAuth start(List<JwtConfig> configs, Optional<String> unauthorizedRole, HttpClient client, Clock clock) {
        List<Context> contexts = new ArrayList<>();
        for (JwtConfig config : configs) {
            JwkSource keys = config.jwkUrl().map(url -> JwkSource.remote(url, client, clock)).orElseGet(() -> JwkSource.fixed(config.keys()));
            contexts.add(new Context(config, keys));
        }
        return new JwtAuth(contexts, unauthorizedRole, clock);
    }

    /** JWK set fetches so far, over every configuration (tests). */
    int jwkFetches() {
        return contexts.stream().mapToInt(c -> c.keys().fetchCount()).sum();
    }

    @Override
    public Session authenticate(Map<String, String> headers, Optional<JsonNode> graphqlRequest) {
        List<Candidate> candidates = new ArrayList<>();
        boolean issuerMismatch = false;
        for (Context context : contexts) {
            Optional<String> token = context.config().header().find(headers);
            if (token.isEmpty()) {
                continue;
            }
            Optional<String> configured = context.config().issuer();
            // one configuration checks its issuer when it verifies the token; several are told apart by it first
            Optional<String> claimed = contexts.size() == 1 ? Optional.empty() : unverifiedIssuer(token.get());
            if (configured.isEmpty() || claimed.isEmpty() || configured.equals(claimed)) {
                candidates.add(new Candidate(context, token.get()));
            } else {
                issuerMismatch = true;
            }
        }
        if (candidates.size() > 1) {
            throw ApiException.of(Code.INVALID_HEADERS, "Could not verify JWT: Multiple JWTs found");
        }
        if (candidates.isEmpty()) {
            if (issuerMismatch) {
                throw invalid("JWTNotInIssuer");
            }
            String role = unauthorizedRole.orElseThrow(() -> ApiException.of(Code.INVALID_HEADERS,
                    "Missing 'Authorization' or 'Cookie' header in JWT authentication mode"));
            return UnauthorizedRole.session(role, headers);
        }
        Candidate chosen = candidates.getFirst();
        JsonNode payload = verify(chosen.context(), chosen.token());
        return JwtClaims.session(chosen.context().config().claims().extract(payload),
                Optional.ofNullable(headers.get("x-hasura-role")));
    }

    /** The verified payload of a token. */
    private JsonNode verify(Context context, String token) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (java.text.ParseException e) {
            int parts = token.split("\\.", -1).length;
            if (parts == 3 && unsignedHeader(token)) {
                throw invalid("JWSError JWSInvalidSignature");
            }
            throw invalid(parts == 3 ? "JWSError CompactDecodeError"
                    : "JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got " + parts + ")");
        }
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        if (VerifyingKey.Family.of(alg).isEmpty()) {
            throw invalid("JWSError JWSInvalidSignature");
        }
        Optional<String> kid = Optional.ofNullable(jws.getHeader().getKeyID());
        List<VerifyingKey> usable = usable(context.keys().keys(), alg, kid);
        if (usable.isEmpty() && kid.isPresent() && context.keys().refetchForUnknownKid()) {
            usable = usable(context.keys().keys(), alg, kid);
        }
        if (usable.isEmpty()) {
            throw invalid("JWSError NoUsableKeys");
        }
        byte[] signingInput = jws.getSigningInput();
        Base64URL signature = jws.getSignature();
        boolean verified = false;
        for (VerifyingKey key : usable) {
            verified |= key.verify(jws.getHeader(), signingInput, signature);
        }
        if (!verified) {
            throw invalid("JWSError JWSInvalidSignature");
        }
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(jws.getPayload().toBytes());
        } catch (Exception e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            throw invalid("JWTClaimsSetDecodeError");
        }
        checkClaims(context.config(), payload);
        return payload;
    }

    private static List<VerifyingKey> usable(List<VerifyingKey> keys, JWSAlgorithm alg, Optional<String> kid) {
        List<VerifyingKey> out = new ArrayList<>();
        for (VerifyingKey key : keys) {
            if (key.accepts(alg) && (kid.isEmpty() || key.kid().isEmpty() || key.kid().equals(kid))) {
                out.add(key);
            }
        }
        return out;
    }

    /** Expiry, not-before and issued-at (each with the allowed skew), then audience and issuer. */
    private void checkClaims(JwtConfig config, JsonNode payload) {
        Instant now = clock.instant();
        long skew = config.allowedSkew().toMillis();
        Optional<Long> exp = seconds(payload, "exp");
        Optional<Long> nbf = seconds(payload, "nbf");
        Optional<Long> iat = seconds(payload, "iat");
        if (exp.isPresent() && now.toEpochMilli() > exp.get() * 1000 + skew) {
            throw invalid("JWTExpired");
        }
        if (nbf.isPresent() && now.toEpochMilli() + skew < nbf.get() * 1000) {
            throw invalid("JWTNotYetValid");
        }
        if (iat.isPresent() && iat.get() * 1000 > now.toEpochMilli() + skew) {
            throw invalid("JWTIssuedAtFuture");
        }
        if (!config.audience().isEmpty()) {
            JsonNode aud = payload.path("aud");
            boolean matches = false;
            if (aud.isTextual()) {
                matches = config.audience().contains(aud.asText());
            } else if (aud.isArray()) {
                for (JsonNode one : aud) {
                    matches |= config.audience().contains(one.asText());
                }
            }
            if (!matches) {
                throw invalid("JWTNotInAudience");
            }
        }
        if (config.issuer().isPresent() && !config.issuer().get().equals(payload.path("iss").asText(null))) {
            throw invalid("JWTNotInIssuer");
        }
    }

    private static Optional<Long> seconds(JsonNode payload, String claim) {
        JsonNode value = payload.get(claim);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw invalid("JWTClaimsSetDecodeError");
        }
        return Optional.of(value.asLong());
    }

    /** Whether a token that is no JWS says {@code "alg": "none"}: refused like a bad signature. */
    private static boolean unsignedHeader(String token) {
        try {
            JsonNode header = Json.MAPPER.readTree(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
            return "none".equalsIgnoreCase(header.path("alg").asText());
        } catch (Exception e) {
            return false;
        }
    }

    /** The {@code iss} of a token before it is verified: only to pick among several configurations. */
    private static Optional<String> unverifiedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = Json.MAPPER.readTree(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode iss = payload.get("iss");
            return iss != null && iss.isTextual() ? Optional.of(iss.asText()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static ApiException invalid(String what) {
        return ApiException.of(Code.INVALID_JWT, "Could not verify JWT: " + what);
    }
}
