package junction.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** One way of turning a request's credentials into a {@link Session}, or refusing it with an {@code ApiException}. */
interface Authenticator extends AutoCloseable {

    /**
     * @param headers request headers, names lower-cased
     * @param graphqlRequest the GraphQL request body (one or a batch), when the request has one
     */
    Session authenticate(Map<String, String> headers, Optional<JsonNode> graphqlRequest);

    @Override
    default void close() {
    }
}
