package junction.session;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Who is asking: a role and the session variables ({@code x-hasura-*}, names lower-cased). */
public record Session(String role, Map<String, String> variables) {
    public static final String ADMIN = "admin";

    public Session {
        TreeMap<String, String> lower = new TreeMap<>();
        variables.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        variables = java.util.Collections.unmodifiableMap(lower);
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
