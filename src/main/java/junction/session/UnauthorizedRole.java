package junction.session;

import java.util.HashMap;
import java.util.Map;

/**
 * The session of a request without credentials when {@code HASURA_GRAPHQL_UNAUTHORIZED_ROLE} is set:
 * that role, whatever {@code x-hasura-role} says; the request's other {@code x-hasura-*} headers are
 * its session variables, as in Hasura.
 */
final class UnauthorizedRole {
    private UnauthorizedRole() {
    }

    static Session session(String role, Map<String, String> headers) {
        Map<String, String> variables = new HashMap<>(HeaderVariables.of(headers));
        variables.put("x-hasura-role", role);
        return new Session(role, variables);
    }
}
