package junction.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Turns request headers into a {@link Session} as Hasura does: without any secret every request is
 * admin (or the role it names); with one, a request that sends the secret is checked against it
 * ({@link AdminSecretAuth}) and any other goes to the JWT or webhook mode when one is configured,
 * else gets the unauthorized role or is refused. The HTTP edge hands headers in and gets a session
 * or an {@code ApiException} out.
 */
public final class SessionResolver implements AutoCloseable {
    private final AdminSecretAuth secrets;
    private final Optional<Authenticator> mode;
    private final Optional<String> unauthorizedRole;
    private final Optional<HttpClient> client;

    private SessionResolver(AdminSecretAuth secrets, Optional<Authenticator> mode, Optional<String> unauthorizedRole,
                            Optional<HttpClient> client) {
        this.secrets = secrets;
        this.mode = mode;
        this.unauthorizedRole = unauthorizedRole;
        this.client = client;
    }

    /**
     * Checks how the modes combine and, in JWT mode, fetches every {@code jwk_url} once.
     *
     * @throws IllegalArgumentException for a combination Hasura refuses
     * @throws IllegalStateException when a JWK set cannot be fetched
     */
    public static SessionResolver start(List<String> adminSecrets, Optional<String> unauthorizedRole, AuthConfig auth) {
        auth.check(adminSecrets, unauthorizedRole);
        AdminSecretAuth secrets = new AdminSecretAuth(adminSecrets);
        if (auth.jwtSecrets().isEmpty() && auth.authHook().isEmpty()) {
            return new SessionResolver(secrets, Optional.empty(), unauthorizedRole, Optional.empty());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        try {
            Authenticator mode = auth.authHook().isPresent()
                    ? new WebhookAuth(auth.authHook().get(), client, Clock.systemUTC())
                    : JwtAuth.start(auth.jwtSecrets(), unauthorizedRole, client, Clock.systemUTC());
            return new SessionResolver(secrets, Optional.of(mode), unauthorizedRole, Optional.of(client));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** @param headers request headers, names lower-cased */
    public Session resolve(Map<String, String> headers) {
        return resolve(headers, Optional.empty());
    }

    /**
     * @param headers request headers, names lower-cased
     * @param graphqlRequest the GraphQL body, which a POST auth webhook receives as {@code request}
     */
    public Session resolve(Map<String, String> headers, Optional<JsonNode> graphqlRequest) {
        if (!secrets.configured()) {
            return AdminSecretAuth.adminOrNamedRole(headers);
        }
        Optional<Session> admin = secrets.check(headers);
        if (admin.isPresent()) {
            return admin.get();
        }
        if (mode.isPresent()) {
            return mode.get().authenticate(headers, graphqlRequest);
        }
        return unauthorizedRole.map(role -> UnauthorizedRole.session(role, headers)).orElseThrow(() -> ApiException.of(
                Code.ACCESS_DENIED, "x-hasura-admin-secret/x-hasura-access-key required, but not found").withStatus(401));
    }

    @Override
    public void close() {
        mode.ifPresent(Authenticator::close);
        client.ifPresent(HttpClient::close);
    }
}
