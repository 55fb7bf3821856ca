package junction.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;

/**
 * The admin secret, checked first in every mode: a request that sends one (or its legacy alias
 * {@code x-hasura-access-key}) is admin if it is right — or the role it names in
 * {@code x-hasura-role}, with its {@code x-hasura-*} headers as session variables — and refused if
 * it is wrong. Secrets are compared as SHA-512 digests in constant time and never kept in clear.
 */
final class AdminSecretAuth {
    private final List<byte[]> digests = new ArrayList<>();

    AdminSecretAuth(List<String> secrets) {
        secrets.forEach(secret -> digests.add(digest(secret)));
    }

    boolean configured() {
        return !digests.isEmpty();
    }

    /** The session of a request that sends a secret; empty when it sends none. */
    Optional<Session> check(Map<String, String> headers) {
        String given = Optional.ofNullable(headers.get(HeaderVariables.ADMIN_SECRET)).orElse(headers.get(HeaderVariables.ACCESS_KEY));
        if (given == null) {
            return Optional.empty();
        }
        byte[] digest = digest(given);
        boolean ok = false;
        for (byte[] expected : digests) {
            ok |= MessageDigest.isEqual(digest, expected);
        }
        if (!ok) {
            throw ApiException.of(Code.ACCESS_DENIED, "invalid x-hasura-admin-secret/x-hasura-access-key").withStatus(401);
        }
        return Optional.of(adminOrNamedRole(headers));
    }

    /**
     * Admin, unless {@code x-hasura-role} names another role; the {@code x-hasura-*} headers are the
     * session variables. Only such a request (admin secret sent, or none configured) may ask for the
     * role's backend_only permissions ({@code x-hasura-use-backend-only-permissions: true}).
     */
    static Session adminOrNamedRole(Map<String, String> headers) {
        Map<String, String> variables = new HashMap<>(HeaderVariables.of(headers));
        String role = Optional.ofNullable(variables.get("x-hasura-role")).filter(r -> !r.isEmpty()).orElse(Session.ADMIN);
        variables.put("x-hasura-role", role);
        boolean backendOnly = "true".equalsIgnoreCase(variables.getOrDefault(Session.USE_BACKEND_ONLY, "").trim());
        return new Session(role, variables, backendOnly);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
