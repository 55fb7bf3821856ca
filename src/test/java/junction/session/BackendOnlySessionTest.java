package junction.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code x-hasura-use-backend-only-permissions: true} puts a request in the backend scenario only when
 * it sends the admin secret, or when no secret is configured at all (Hasura: "if any auth is
 * configured"); an unauthenticated (or JWT, webhook) request never gets there.
 */
class BackendOnlySessionTest {
    static final String HEADER = "x-hasura-use-backend-only-permissions";

    @Test
    void withoutAnySecretTheHeaderDecides() {
        try (SessionResolver resolver = SessionResolver.start(List.of(), Optional.empty(), AuthConfig.NONE)) {
            assertThat(resolver.resolve(Map.of("x-hasura-role", "user", HEADER, "true")).backendOnly()).isTrue();
            assertThat(resolver.resolve(Map.of("x-hasura-role", "user", HEADER, "TRUE")).backendOnly()).isTrue();
            assertThat(resolver.resolve(Map.of("x-hasura-role", "user", HEADER, "false")).backendOnly()).isFalse();
            assertThat(resolver.resolve(Map.of("x-hasura-role", "user")).backendOnly()).isFalse();
        }
    }

    @Test
    void withASecretOnlyARequestSendingItMayAskForTheBackendScenario() {
        try (SessionResolver resolver = SessionResolver.start(List.of("s3cret"), Optional.of("anonymous"), AuthConfig.NONE)) {
            Session backend = resolver.resolve(Map.of("x-hasura-admin-secret", "s3cret", "x-hasura-role", "user", HEADER, "true"));
            assertThat(backend.role()).isEqualTo("user");
            assertThat(backend.backendOnly()).isTrue();
            Session anonymous = resolver.resolve(Map.of("x-hasura-role", "user", HEADER, "true"));
            assertThat(anonymous.role()).isEqualTo("anonymous");
            assertThat(anonymous.backendOnly()).isFalse();
        }
    }
}
