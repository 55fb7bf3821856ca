package junction.session;

import java.util.List;
import java.util.Optional;

/**
 * The authentication modes beyond the admin secret: JWT ({@code HASURA_GRAPHQL_JWT_SECRET} and
 * {@code HASURA_GRAPHQL_JWT_SECRETS}, parsed) or the auth webhook ({@code HASURA_GRAPHQL_AUTH_HOOK}).
 */
public record AuthConfig(List<JwtConfig> jwtSecrets, Optional<AuthHook> authHook) {
    public static final AuthConfig NONE = new AuthConfig(List.of(), Optional.empty());

    public AuthConfig {
        jwtSecrets = List.copyOf(jwtSecrets);
    }

    public AuthConfig withJwtSecret(JwtConfig secret) {
        List<JwtConfig> all = new java.util.ArrayList<>(jwtSecrets);
        all.add(secret);
        return new AuthConfig(all, authHook);
    }

    public AuthConfig withAuthHook(AuthHook hook) {
        return new AuthConfig(jwtSecrets, Optional.of(hook));
    }

    /**
     * Hasura's rules for combining the modes, checked before anything starts.
     *
     * @throws IllegalArgumentException with Hasura's fatal error message
     */
    public void check(List<String> adminSecrets, Optional<String> unauthorizedRole) {
        String requiresSecret = " requires --admin-secret (HASURA_GRAPHQL_ADMIN_SECRET) or "
                + " --access-key (HASURA_GRAPHQL_ACCESS_KEY) to be set";
        if (authHook.isPresent() && !jwtSecrets.isEmpty()) {
            throw new IllegalArgumentException("Fatal Error: Both webhook and JWT mode cannot be enabled at the same time");
        }
        if (authHook.isPresent() && unauthorizedRole.isPresent()) {
            throw new IllegalArgumentException("Fatal Error: --unauthorized-role (HASURA_GRAPHQL_UNAUTHORIZED_ROLE)"
                    + requiresSecret + " and is not allowed when --auth-hook (HASURA_GRAPHQL_AUTH_HOOK) is set");
        }
        if (adminSecrets.isEmpty()) {
            if (authHook.isPresent()) {
                throw new IllegalArgumentException("Fatal Error : --auth-hook (HASURA_GRAPHQL_AUTH_HOOK)" + requiresSecret);
            }
            if (!jwtSecrets.isEmpty()) {
                throw new IllegalArgumentException("Fatal Error : --jwt-secret (HASURA_GRAPHQL_JWT_SECRET)" + requiresSecret);
            }
            if (unauthorizedRole.isPresent()) {
                throw new IllegalArgumentException("Fatal Error: --unauthorized-role (HASURA_GRAPHQL_UNAUTHORIZED_ROLE)"
                        + requiresSecret + " and is not allowed when --auth-hook (HASURA_GRAPHQL_AUTH_HOOK) is set");
            }
        }
    }
}
