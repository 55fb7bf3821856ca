package junction.session;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who is asking: a role and the session variables ({@code x-hasura-*}, names lower-cased).
 * {@code backendOnly}: the request sent the admin secret (or none is configured) and
 * {@code x-hasura-use-backend-only-permissions: true}, so the role's {@code backend_only}
 * mutation permissions apply (Hasura's backend scenario).
 */
public record Session(String role, Map<String, String> variables, boolean backendOnly) {
    public static final String ADMIN = "admin";
    /** The header (and session variable) that asks for the backend scenario. */
    public static final String USE_BACKEND_ONLY = "x-hasura-use-backend-only-permissions";

    public Session {
        TreeMap<String, String> lower = new TreeMap<>();
        variables.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        variables = java.util.Collections.unmodifiableMap(lower);
    }

    /** A session of the frontend scenario: backend_only permissions do not apply. */
    public Session(String role, Map<String, String> variables) {
        this(role, variables, false);
    }

    public static Session admin() {
        return new Session(ADMIN, Map.of("x-hasura-role", ADMIN));
    }

    public boolean isAdmin() {
        return ADMIN.equals(role);
    }

    /** A session variable by name, case-insensitively. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name.toLowerCase(Locale.ROOT)));
    }
}
