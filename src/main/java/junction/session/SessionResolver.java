package junction.session;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Turns request headers into a {@link Session}, as Hasura does in admin-secret mode: the right
 * secret makes the request admin (or the role it names in {@code x-hasura-role}); a wrong one is
 * refused; without a configured secret every request is admin unless it names a role.
 */
public final class SessionResolver {
    private final List<String> adminSecrets;
    private final Optional<String> unauthorizedRole;

    public SessionResolver(List<String> adminSecrets, Optional<String> unauthorizedRole) {
        this.adminSecrets = List.copyOf(adminSecrets);
        this.unauthorizedRole = unauthorizedRole;
    }

    /** @param headers request headers, names lower-cased */
    public Session resolve(Map<String, String> headers) {
        Map<String, String> variables = new HashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-hasura-") && !lower.equals("x-hasura-admin-secret") && !lower.equals("x-hasura-access-key")) {
                variables.put(lower, value);
            }
        });
        Optional<String> role = Optional.ofNullable(variables.get("x-hasura-role"));
        if (adminSecrets.isEmpty()) {
            return session(role, variables);
        }
        String given = Optional.ofNullable(headers.get("x-hasura-admin-secret")).orElse(headers.get("x-hasura-access-key"));
        if (given == null) {
            if (unauthorizedRole.isPresent()) {
                return new Session(unauthorizedRole.get(), Map.of("x-hasura-role", unauthorizedRole.get()));
            }
            throw ApiException.of(Code.ACCESS_DENIED, "x-hasura-admin-secret/x-hasura-access-key required, but not found")
                    .withStatus(401);
        }
        if (!matches(given)) {
            throw ApiException.of(Code.ACCESS_DENIED, "invalid x-hasura-admin-secret/x-hasura-access-key").withStatus(401);
        }
        return session(role, variables);
    }

    private static Session session(Optional<String> role, Map<String, String> variables) {
        if (role.isEmpty() || role.get().equals(Session.ADMIN)) {
            variables.put("x-hasura-role", Session.ADMIN);
            return new Session(Session.ADMIN, variables);
        }
        return new Session(role.get(), variables);
    }

    private boolean matches(String given) {
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String secret : adminSecrets) {
            ok |= MessageDigest.isEqual(bytes, secret.getBytes(StandardCharsets.UTF_8));
        }
        return ok;
    }
}
